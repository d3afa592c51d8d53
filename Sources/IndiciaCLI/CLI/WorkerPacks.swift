import IndiciaKit

/// One evaluation thread's view of the pack cache: runtimes it has seen are kept locally, so the
/// per-case lookup takes no lock. It lives inside the thread's ``ParallelEvaluator/Engine``
/// (``Locked``), so only the thread holding that engine uses it.
final class WorkerPacks: PackProvider {
    private let shared: PackCache
    /// Keep a copy of each runtime for this thread (``PackRuntime/forThread()``) rather than the
    /// cache's own, which another thread evaluates with.
    private let ownCopies: Bool
    /// Indexed by pack index: an array read, not a hash, on every case.
    private var local: [PackRuntime?] = []

    init(_ shared: PackCache, ownCopies: Bool) {
        self.shared = shared
        self.ownCopies = ownCopies
    }

    func index(named name: String) -> Result<Int, CaseError> { shared.index(named: name) }

    func runtime(_ index: Int) -> PackRuntime {
        if index < local.count, let runtime = local[index] { return runtime }
        let runtime = ownCopies ? shared.runtime(index).forThread() : shared.runtime(index)
        if index >= local.count { local += Array(repeating: nil, count: index + 1 - local.count) }
        local[index] = runtime
        return runtime
    }
}
