/// Hands out the pieces of a batch, each exactly once, to whichever evaluating thread asks next.
///
/// `@unchecked Sendable`: its only state, `next`, is read and written under `lock`.
final class PieceCounter: @unchecked Sendable {
    private let lock = Lock()
    private var next = 0
    private let count: Int

    /// A counter over pieces `0..<count`.
    init(count: Int) { self.count = count }

    /// The next piece nobody has taken, or nil when all are taken.
    func take() -> Int? {
        lock.withLock {
            guard next < count else { return nil }
            defer { next += 1 }
            return next
        }
    }
}
