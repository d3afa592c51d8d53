/// The worker's professional judgement: a level of concern, with the reason, that can raise the
/// level the rules computed but never lower it.
///
/// A case carries it as `"judgement": {"level": 3, "reason": "…"}`; the guided CLI asks for it at
/// the end. The result shows the computed level, the worker's level, whether it raised the level
/// and the reason. The reason is free text: it is kept in the worker's own result, never in
/// reports or logs.
public struct Judgement: Sendable, Equatable {
    /// The level of concern the worker judges right (a level used by the pack's outcomes).
    public var level: Int
    /// Why, in the worker's words.
    public var reason: String

    /// The longest reason accepted, in Unicode scalars.
    public static let maxReasonLength = 2000

    /// Creates a judgement.
    ///
    /// - Parameters:
    ///   - level: The worker's level of concern.
    ///   - reason: Why.
    public init(level: Int, reason: String) {
        self.level = level
        self.reason = reason
    }
}

extension Evaluation {
    /// The level of concern the rules computed (the matched outcome's level).
    ///
    /// - Parameter pack: The pack the evaluation was made with.
    /// - Returns: The level.
    public func computedLevel(in pack: CompiledPack) -> Int {
        pack.rules.outcomes[outcome].level
    }

    /// Whether the worker's judgement raises the level of concern above the computed one.
    ///
    /// - Parameter pack: The pack the evaluation was made with.
    /// - Returns: True only when a judgement is recorded and its level is higher.
    public func judgementRaises(in pack: CompiledPack) -> Bool {
        guard let judgement else { return false }
        return judgement.level > computedLevel(in: pack)
    }

    /// The level of concern to act on: the computed level, or the worker's if it is higher.
    ///
    /// - Parameter pack: The pack the evaluation was made with.
    /// - Returns: The level.
    public func effectiveLevel(in pack: CompiledPack) -> Int {
        max(computedLevel(in: pack), judgement?.level ?? Int.min)
    }
}

extension CompiledPack {
    /// The levels a worker may choose when raising the level of concern above `level`, each with
    /// the labels of the outcomes at that level, lowest first.
    ///
    /// - Parameter level: The computed level.
    /// - Returns: The higher levels and their labels.
    public func levels(above level: Int) -> [(level: Int, labels: [String])] {
        var out: [(level: Int, labels: [String])] = []
        for band in rules.outcomes.sorted(by: { $0.level < $1.level }) where band.level > level {
            if let last = out.indices.last, out[last].level == band.level {
                if !out[last].labels.contains(band.label) { out[last].labels.append(band.label) }
            } else {
                out.append((band.level, [band.label]))
            }
        }
        return out
    }

    /// The highest level of concern any outcome of the pack has.
    public var highestLevel: Int { rules.outcomes.map(\.level).max() ?? 0 }
}
