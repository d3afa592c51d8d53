import Dispatch
import IndiciaKit

/// Reads every record of one input into a ``NetworkReportBuilder`` for `indicia report`, using up to
/// `threads` threads, with the same report and the same messages whatever that number is.
///
/// Threading protocol (also in `docs/internals.md`, "Threads"), checked by the compiler except
/// inside ``Locked``:
/// - The records ``CaseStream`` frames after each read (of up to ``readSize`` bytes) are a batch. A
///   batch of at least ``parallelThreshold`` bytes is cut into ``pieces`` pieces by bytes, and a
///   ``Job`` (a `Sendable` value: the batch's bytes, its records, the cuts, one ``Locked`` ``Piece``
///   per cut) is run by tasks on the global queue; the threads take pieces as they become free.
/// - Each piece counts its records into its own builder, made with ``NetworkReportBuilder/fresh``,
///   and keeps its messages. After the batch the pieces are merged into the input's builder
///   (``NetworkReportBuilder/merge(_:)``) and their messages written, in input order.
enum ReportReader {
    /// What one piece of a batch counted, and what it has to say.
    struct Piece: Sendable {
        var builder: NetworkReportBuilder
        /// Messages for standard error (positions only, never a record's text), in input order.
        var messages: [String] = []
        /// Records that were not JSON.
        var bad = 0
    }

    /// One batch's work for the threads.
    struct Job: Sendable {
        let input: [UInt8]
        let records: [CaseStream.Record]
        let cuts: BatchPieces
        let name: String
        let pieces: [Locked<Piece>]
        /// Counts one piece's records into its builder.
        func run(_ part: Int) {
            pieces[part].withLock { piece in
                input.withUnsafeBufferPointer { bytes in
                    for record in records[cuts.ranges[part]] { ReportReader.add(record, in: bytes, name: name, to: &piece) }
                }
            }
        }
    }

    /// How much is read at a time: a batch of about 85 full screening results.
    static let readSize = 1 << 20
    /// Batches smaller than this (in bytes) are counted on this thread alone.
    static let parallelThreshold = 64 << 10
    /// How many pieces a large batch is cut into.
    static let pieces = 4

    /// Feeds every record of one input to the builder: result lines, or pretty-printed result
    /// documents (as the guided CLI's `--out` writes), framed by ``CaseStream`` exactly as
    /// `indicia evaluate` frames cases. A record that is not JSON is counted as left out and named
    /// on standard error with its input, line and column (the same position `indicia evaluate`
    /// gives for the same bad record), never with its text; reading goes on.
    ///
    /// With more than one thread, a batch is counted while the next is read: the stream hands its
    /// buffer to the batch's ``Job`` (``CaseStream/handOver(into:)``) and reads on into the buffer
    /// of an earlier batch, already merged. Up to two batches are in hand (three buffers), so the
    /// threads start on a batch while the one before is merged.
    ///
    /// - Returns: The problem that stopped the input, if any, and how many records were not JSON.
    static func read(
        _ input: InputSource, name: String, into builder: inout NetworkReportBuilder, errors: OutputSink, threads: Int
    ) -> (problem: ReportCommand.Problem?, bad: Int) {
        var stream = CaseStream(limits: CaseLimits(maxLineBytes: ReportCommand.maxRecordBytes), readSize: readSize)
        var bad = 0
        var spare: [UInt8] = []
        // Batches being counted, oldest first: at most two, so the threads go on to the next batch
        // without waiting while this thread merges the one before.
        var running: [(job: Job, done: DispatchGroup)] = []
        /// Waits for the oldest batch in hand, merges it, and takes its buffer back.
        func finishOldest() {
            let (job, done) = running.removeFirst()
            done.wait()
            bad += merge(job, into: &builder, errors: errors)
            spare = job.input
        }
        while true {
            var records: [CaseStream.Record] = []
            while let record = stream.next() { records.append(record) }
            if !records.isEmpty {
                let job = makeJob(records, in: stream.buffer, name: name, builder: builder, pieces: threads > 1 ? pieces : 1)
                if job.cuts.ranges.count > 1 {
                    // This batch is counted while the next is read into another buffer.
                    stream.handOver(into: &spare)
                    let handed = Job(input: spare, records: job.records, cuts: BatchPieces(ranges: job.cuts.ranges), name: name, pieces: job.pieces)
                    spare = []
                    let done = DispatchGroup()
                    for _ in 0..<min(threads, handed.cuts.ranges.count) {
                        DispatchQueue.global().async(group: done) {
                            while let part = handed.cuts.take() { handed.run(part) }
                        }
                    }
                    running.append((handed, done))
                    if running.count > 1 { finishOldest() }
                } else {
                    while !running.isEmpty { finishOldest() }
                    job.run(0)
                    bad += merge(job, into: &builder, errors: errors)
                }
            }
            if stream.isFinished {
                while !running.isEmpty { finishOldest() }
                return (nil, bad)
            }
            let n = stream.read(into: { input.read(into: $0) })
            if n < 0 {
                while !running.isEmpty { finishOldest() }
                return (ReportCommand.Problem(message: "cannot read \(name)", code: .noInput), bad)
            }
            if n == 0 { stream.finish() }
        }
    }

    /// A batch cut into up to `pieces` pieces by bytes (one when it is small), each with a fresh
    /// builder.
    private static func makeJob(
        _ records: [CaseStream.Record], in input: [UInt8], name: String, builder: NetworkReportBuilder, pieces: Int
    ) -> Job {
        let cuts = BatchPieces(records, parts: pieces, threshold: parallelThreshold)
        return Job(input: input, records: records, cuts: cuts, name: name, pieces: cuts.ranges.map { _ in Locked(Piece(builder: builder.fresh)) })
    }

    /// Merges a counted batch's pieces into the builder, in order, and writes their messages;
    /// returns how many of its records were not JSON.
    private static func merge(_ job: Job, into builder: inout NetworkReportBuilder, errors: OutputSink) -> Int {
        var bad = 0
        for piece in job.pieces {
            piece.withLock { piece in
                builder.merge(piece.builder)
                for message in piece.messages { errors.write("indicia report: \(message)\n") }
                bad += piece.bad
            }
        }
        return bad
    }

    /// Counts one record into a piece.
    static func add(_ record: CaseStream.Record, in bytes: UnsafeBufferPointer<UInt8>, name: String, to piece: inout Piece) {
        if let failure = record.failure {
            piece.bad += 1
            piece.builder.countNotJSON()
            piece.messages.append("\(name):\(record.line): left out: \(failure.message) [\(failure.code.rawValue)]")
            return
        }
        let slice = UnsafeBufferPointer(rebasing: bytes[record.range])
        guard let error = piece.builder.add(bytes: slice) else { return }
        let (located, line) = CaseStream.locate(error, in: slice, line: record.line)
        let column = located.column.map { ":\($0)" } ?? ""
        piece.bad += 1
        piece.messages.append("\(name):\(line)\(column): left out: not a result (\(located.message)) [\(located.code.rawValue)]")
    }
}
