/// A value that threads share, reachable only while holding its lock: the one `@unchecked Sendable`
/// type in the project (house style, "Threads": see `docs/internals.md`).
///
/// Audit (why `@unchecked` is sound here):
/// - `value` is private and is read or written only inside ``withLock(_:)``, between
///   `pthread_mutex_lock` and `pthread_mutex_unlock` on a mutex that never moves (``Lock``
///   allocates it on the heap), so no two threads ever touch it at once.
/// - A value handed to ``init(_:)`` is handed over: the code that makes a `Locked` keeps no other
///   reference to the value's mutable parts. Every use (`PackCache`'s state, each evaluation
///   worker's state and output buffer, the evaluator's output) builds the value in place.
/// - `body` must not let a reference to the value's mutable parts escape. Results handed out are
///   `Sendable` values (indices, `PackRuntime`s, flags, counts).
final class Locked<Value: ~Copyable>: @unchecked Sendable {
    private let lock = Lock()
    private var value: Value

    /// Wraps a value.
    ///
    /// - Parameter value: The value, handed over (see the audit above).
    init(_ value: consuming Value) { self.value = value }

    /// Runs `body` with the value while holding the lock.
    ///
    /// - Parameter body: Reads or changes the value; must not keep a reference to it.
    /// - Returns: What `body` returns.
    func withLock<Result>(_ body: (inout Value) -> Result) -> Result {
        lock.withLock { body(&value) }
    }
}
