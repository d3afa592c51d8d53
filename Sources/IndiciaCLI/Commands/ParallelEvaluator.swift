import Dispatch
import IndiciaKit

/// Evaluates the records of one input or more, framed by ``CaseStream``, and writes one result line
/// per record, in input order, using every core.
///
/// Threading protocol (also in `docs/internals.md`), checked by the compiler except inside
/// ``Locked``:
/// - The records framed after each read are a batch. A large batch is cut into pieces by bytes,
///   and a ``Job`` (a `Sendable` value: the batch's bytes, its records, the cuts) is run by one task
///   per thread, each taking pieces until none is left. Each task has its own ``Engine`` (decoder,
///   evaluation, its own copy of each pack's runtime) and each piece its own ``PieceOutput``, both
///   in ``Locked``s: an engine is taken for the whole task, an output for the whole piece.
/// - Packs are shared through ``PackCache``, whose state is ``Locked``.
/// - A batch's results are handed to a writer thread (the pieces' buffers are swapped into
///   ``Locked`` buffers it writes), which writes them while the next batch is evaluated. Anything
///   else that writes first waits for it (``drain()``), so output order never changes.
final class ParallelEvaluator {
    /// What one thread reuses from case to case.
    struct Engine: ~Copyable {
        var decoder = CaseDecoder()
        var evaluation = Evaluation()
        let packs: WorkerPacks
    }

    /// One piece's results, and how many of its records got an error result.
    struct PieceOutput: ~Copyable {
        var out = ByteBuffer(capacity: 1 << 17)
        var failed = 0
    }

    /// Where results go, and whether a write has failed.
    struct Output {
        let sink: OutputSink
        var failed = false
    }

    /// One batch's work for the threads.
    struct Job: Sendable {
        let input: [UInt8]
        let records: [CaseStream.Record]
        let pieces: BatchPieces
        let file: String?
        let defaultPack: Int?
        let profile: ResultProfile
        let engines: [Locked<Engine>]
        let outputs: [Locked<PieceOutput>]

        /// Evaluates pieces with engine `engine` until none is left (one task's work).
        func runPieces(engine: Int) {
            engines[engine].withLock { engine in
                while let part = pieces.take() { run(part, with: &engine) }
            }
        }

        /// Evaluates one piece into its output (emptied first).
        func run(_ part: Int, with engine: inout Engine) {
            outputs[part].withLock { piece in
                piece.out.removeAll()
                piece.failed = 0
                input.withUnsafeBufferPointer { bytes in
                    for record in records[pieces.ranges[part]] {
                        let ok = engine.decoder.evaluate(
                            record, in: bytes, file: file, packs: engine.packs, defaultPack: defaultPack, profile: profile,
                            evaluation: &engine.evaluation, to: &piece.out)
                        if !ok { piece.failed += 1 }
                    }
                }
            }
        }
    }

    let defaultPack: Int?
    let lineBuffered: Bool
    let profile: ResultProfile
    /// At most this many threads evaluate a batch; with 1, results are also written on this thread.
    let threads: Int
    let limits = CaseLimits.standard
    /// One per thread that evaluates.
    private let engines: [Locked<Engine>]
    /// One per piece of a batch.
    private let outputs: [Locked<PieceOutput>]
    /// What the writer thread writes, one buffer per piece.
    private let written: [Locked<ByteBuffer>]
    private let output: Locked<Output>
    private(set) var records = 0
    private(set) var failed = 0
    /// Batches smaller than this (in bytes: a few dozen cases) are not worth splitting between threads.
    static let parallelThreshold = 16 << 10
    /// How many pieces a large batch is cut into.
    static let pieces = 8

    /// How much is read (and so evaluated) at a time: the stream's chunk for full results, twice
    /// that for summaries. A summary is about a third the size of a full result, so its larger
    /// batches hold no more memory (13.6 MiB at peak on the benchmark, against 13.8 MiB for full
    /// results) and need half the hand-offs between threads (5 % less wall time, medians of 21).
    static func readSize(for profile: ResultProfile) -> Int { profile == .summary ? 2 * CaseStream.chunk : CaseStream.chunk }
    /// The writer thread, and the write it has in hand (at most one).
    private let writer = DispatchQueue(label: "indicia.evaluate.writer")
    private let writing = DispatchGroup()
    /// The batch the threads are evaluating while this thread reads the next, and when it is done.
    private var running: (job: Job, done: DispatchGroup)?
    /// The most records a batch has had (to size the next batch's list once).
    private var recordsPerBatch = 0

    /// Creates an evaluator.
    ///
    /// - Parameters:
    ///   - packs: The pack cache.
    ///   - defaultPack: The pack for cases that name none.
    ///   - output: Where results go; handed over (write to it only through ``flush()`` from now on).
    ///   - lineBuffered: Flush after every result.
    ///   - profile: How much of each result to write.
    ///   - threads: At most this many threads evaluate; with 1, this thread also writes.
    init(
        packs: PackCache, defaultPack: Int?, output: OutputSink, lineBuffered: Bool, profile: ResultProfile = .full,
        threads: Int = Platform.processorCount
    ) {
        self.defaultPack = defaultPack
        self.output = Locked(Output(sink: output))
        self.lineBuffered = lineBuffered
        self.profile = profile
        self.threads = max(1, threads)
        let count = lineBuffered || Platform.processorCount < 2 || threads < 2 ? 1 : Self.pieces
        // The first engine evaluates with the cache's own runtimes, the others each with copies of
        // their own (``WorkerPacks``), so no two threads retain and release the same objects.
        engines = (0..<min(count, self.threads)).map { Locked(Engine(packs: WorkerPacks(packs, ownCopies: $0 > 0))) }
        outputs = (0..<count).map { _ in Locked(PieceOutput()) }
        written = (0..<count).map { _ in Locked(ByteBuffer(capacity: 1 << 17)) }
    }

    /// Whether writing the results failed.
    var outputFailed: Bool {
        drain()
        return output.withLock { $0.failed }
    }

    /// Evaluates every record of one input.
    ///
    /// With more than one thread, a batch is evaluated while the next is read and framed: the
    /// stream hands its buffer to the batch's ``Job`` (``CaseStream/handOver(into:)``, which keeps
    /// its records valid there) and reads on into the buffer of the batch before, already written
    /// out. So the workers never wait for the read, and two input buffers are in use.
    ///
    /// - Parameters:
    ///   - input: The input.
    ///   - file: Its name for error results (nil for standard input); lines are counted per input.
    func process(_ input: InputSource, file: String?) {
        var stream = CaseStream(limits: limits, readSize: Self.readSize(for: profile))
        var spare: [UInt8] = []
        // Every result is written before this returns.
        defer {
            finishRunning(into: &spare)
            drain()
        }
        while true {
            var batch: [CaseStream.Record] = []
            batch.reserveCapacity(recordsPerBatch)
            while let record = stream.next() { batch.append(record) }
            recordsPerBatch = max(recordsPerBatch, batch.count)
            if !batch.isEmpty {
                records += batch.count
                // The batch before is written out first, so results stay in input order.
                finishRunning(into: &spare)
                let pieces = BatchPieces(batch, parts: outputs.count, threshold: Self.parallelThreshold)
                if !lineBuffered, threads > 1, pieces.ranges.count > 1 {
                    stream.handOver(into: &spare)
                    let job = Job(
                        input: spare, records: batch, pieces: pieces, file: file, defaultPack: defaultPack, profile: profile,
                        engines: engines, outputs: outputs)
                    spare = []
                    start(job)
                } else {
                    evaluate(batch, in: stream.buffer, pieces: pieces, file: file)
                }
            }
            if stream.isFinished { return }
            // About to read: if that could wait (a coprocess between requests), everything so far goes out first.
            if !input.hasDataWaiting {
                finishRunning(into: &spare)
                flush()
            }
            if stream.read(into: { input.read(into: $0) }) <= 0 { stream.finish() }
        }
    }

    /// Writes out everything so far; false if the output failed.
    @discardableResult
    func flush() -> Bool {
        drain()
        return output.withLock { output in
            if !output.sink.flush() { output.failed = true }
            return !output.failed
        }
    }

    /// Starts a batch on the global queue (as many threads as allowed take its pieces) and keeps it
    /// as the batch running; this thread goes on to read the next one.
    private func start(_ job: Job) {
        let done = DispatchGroup()
        for engine in 0..<min(engines.count, job.pieces.ranges.count) {
            DispatchQueue.global().async(group: done) { job.runPieces(engine: engine) }
        }
        running = (job, done)
    }

    /// Waits for the batch running, if any, hands its results to the writer thread, and takes its
    /// input buffer back (to read into next).
    private func finishRunning(into spare: inout [UInt8]) {
        guard let (job, done) = running else { return }
        running = nil
        done.wait()
        handToWriter(job.pieces)
        spare = job.input
    }

    /// Evaluates a batch of one piece on this thread and writes its results: a small batch,
    /// `--threads 1` (this thread also writes) or `--line-buffered` (those cut every batch into one
    /// piece; a batch of several pieces always goes to the threads, ``start(_:)``).
    private func evaluate(_ batch: [CaseStream.Record], in input: [UInt8], pieces: BatchPieces, file: String?) {
        if lineBuffered {
            evaluateOneByOne(batch, in: input, file: file)
            return
        }
        let job = Job(
            input: input, records: batch, pieces: pieces, file: file, defaultPack: defaultPack, profile: profile, engines: engines,
            outputs: outputs)
        job.runPieces(engine: 0)
        if threads == 1 {
            // One thread: this one writes too.
            outputs[0].withLock { piece in
                failed += piece.failed
                output.withLock { output in
                    if !output.sink.write(raw: piece.out.bytes) { output.failed = true }
                }
            }
            return
        }
        handToWriter(pieces)
    }

    /// Hands an evaluated batch's results to the writer thread once it has finished the previous
    /// batch; the workers fill the buffers it has just written while it writes this batch.
    private func handToWriter(_ pieces: BatchPieces) {
        for part in pieces.ranges.indices { failed += outputs[part].withLock { $0.failed } }
        drain()
        for part in pieces.ranges.indices {
            outputs[part].withLock { piece in written[part].withLock { swap(&piece.out, &$0) } }
        }
        let (buffers, sink, count, group) = (written, output, pieces.ranges.count, writing)
        group.enter()
        writer.async {
            Self.withLocked(buffers[0..<count]) { pieces in
                sink.withLock { output in
                    if !output.sink.write(pieces: pieces) { output.failed = true }
                }
            }
            group.leave()
        }
    }

    /// Runs `body` with the bytes of every buffer, holding all their locks (taken in order), so
    /// the batch goes to the sink in one write and no pointer outlives its lock.
    private static func withLocked(_ buffers: ArraySlice<Locked<ByteBuffer>>, _ body: ([UnsafeRawBufferPointer]) -> Void) {
        func take(_ next: Int, _ held: inout [UnsafeRawBufferPointer]) {
            guard next < buffers.endIndex else { return body(held) }
            buffers[next].withLock { buffer in
                held.append(buffer.bytes)
                take(next + 1, &held)
            }
        }
        var held: [UnsafeRawBufferPointer] = []
        held.reserveCapacity(buffers.count)
        take(buffers.startIndex, &held)
    }

    /// `--line-buffered`: each result is written and flushed as soon as it is ready.
    private func evaluateOneByOne(_ batch: [CaseStream.Record], in input: [UInt8], file: String?) {
        for index in batch.indices {
            let job = Job(
                input: input, records: batch, pieces: BatchPieces(ranges: [index..<(index + 1)]), file: file, defaultPack: defaultPack,
                profile: profile, engines: engines, outputs: outputs)
            job.runPieces(engine: 0)
            outputs[0].withLock { piece in
                failed += piece.failed
                output.withLock { output in
                    if !output.sink.write(raw: piece.out.bytes) || !output.sink.flush() { output.failed = true }
                }
            }
        }
    }

    /// Waits until the writer thread has written everything handed to it.
    func drain() {
        writing.wait()
    }
}
