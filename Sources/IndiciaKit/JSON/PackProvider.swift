/// Supplies packs by name while a stream is decoded, so packs can be loaded only when a case names them.
public protocol PackProvider: AnyObject {
    /// The index of the pack a case names (`id` or `id@revision`), or the per-record error to report.
    ///
    /// - Parameter name: The case's `pack` value.
    /// - Returns: The pack's index, or the error.
    func index(named name: String) -> Result<Int, CaseError>

    /// The runtime at an index returned by ``index(named:)``.
    ///
    /// - Parameter index: The index.
    /// - Returns: The runtime.
    func runtime(_ index: Int) -> PackRuntime
}
