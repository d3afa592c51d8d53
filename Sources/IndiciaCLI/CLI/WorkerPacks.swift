import IndiciaKit

/// One evaluation worker's view of the pack cache: runtimes it has seen are kept locally, so the
/// per-case lookup takes no lock. It lives inside the worker's state (``Locked``), so only the
/// thread holding that state uses it.
final class WorkerPacks: PackProvider {
    private let shared: PackCache
    /// Indexed by pack index: an array read, not a hash, on every case.
    private var local: [PackRuntime?] = []

    init(_ shared: PackCache) { self.shared = shared }

    func index(named name: String) -> Result<Int, CaseError> { shared.index(named: name) }

    func runtime(_ index: Int) -> PackRuntime {
        if index < local.count, let runtime = local[index] { return runtime }
        let runtime = shared.runtime(index).forThread()
        if index >= local.count { local += Array(repeating: nil, count: index + 1 - local.count) }
        local[index] = runtime
        return runtime
    }
}
