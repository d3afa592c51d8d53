import IndiciaKit

/// A batch of records cut into pieces of about equal size in bytes, which threads take one at a
/// time as they become free, so a core slowed by other work holds up one small piece rather than
/// half the batch. The one way `evaluate` (``ParallelEvaluator``) and `report` (``ReportReader``)
/// share a batch between threads.
struct BatchPieces: Sendable {
    /// Each piece's records (indices into the batch), in input order.
    let ranges: [Range<Int>]
    /// The next piece nobody has taken.
    private let next = Locked(0)

    /// Cuts a non-empty batch into up to `parts` pieces by bytes: one piece when the batch is
    /// smaller than `threshold` bytes, and never an empty piece.
    init(_ records: [CaseStream.Record], parts: Int, threshold: Int) {
        let first = records[0].range.lowerBound
        let bytes = records[records.count - 1].range.upperBound - first
        let parts = bytes >= threshold ? parts : 1
        var ranges: [Range<Int>] = []
        var cut = 0
        for part in 0..<parts where cut < records.count {
            var end = records.count
            if part < parts - 1 {
                let target = first + bytes * (part + 1) / parts
                end = cut + 1
                while end < records.count, records[end].range.lowerBound < target { end += 1 }
            }
            ranges.append(cut..<end)
            cut = end
        }
        self.ranges = ranges
    }

    /// The same pieces, none of them taken yet.
    init(ranges: [Range<Int>]) { self.ranges = ranges }

    /// The next piece to work on, or nil when every piece is taken.
    func take() -> Int? {
        next.withLock { next in
            guard next < ranges.count else { return nil }
            defer { next += 1 }
            return next
        }
    }
}
