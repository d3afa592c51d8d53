extension CompiledPack {
    /// A compiled yes/no condition that is not a slot: skip logic, an outcome band's `when`, a
    /// recommendation's `when`.
    ///
    /// Kept in a struct rather than as a bare closure: a closure stored straight in an array, an
    /// optional or a tuple is kept in its most general form, and read back through conversion
    /// thunks, two more calls every time it runs.
    struct Condition: Sendable {
        let evaluate: Evaluator
    }
}
