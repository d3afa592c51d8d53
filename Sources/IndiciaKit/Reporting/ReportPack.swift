/// What the network report knows about one pack: its `report:` block with every label resolved,
/// so results can be counted without the pack itself.
public struct ReportPack: Sendable {
    /// An id and the label the report prints for it.
    public struct Label: Sendable, Equatable {
        public var id: String
        public var label: String
    }

    /// An outcome band.
    public struct Band: Sendable, Equatable {
        public var id: String
        public var label: String
        public var level: Int
    }

    /// The rule set id results carry in `pack.id`.
    public var id: String
    /// The pack's title.
    public var title: String
    /// The conventions.
    public var conventions: ReportConventions
    /// Screening: council areas in report order; training: competency areas.
    public var areas: [Label] = []
    /// Organisation (or sector) labels.
    public var organisations: [Label] = []
    /// Actions, in the order the questionnaire lists them.
    public var actions: [Label] = []
    /// Levels of concern, highest first: one band per distinct outcome level, so outcomes that share
    /// a level (e.g. a child's and an adult's level 3) are counted together. Fewer, larger cells mean
    /// less of the trend has to be hidden by disclosure control.
    public var bands: [Band] = []
    /// For each outcome id, the index of its band in ``bands``.
    public var bandOfOutcome: [String: Int] = [:]
    /// Types of exploitation: the value ids named in `types` and their labels.
    public var types: [Label] = []
    /// Indicators: ids and labels, in the rule set's order.
    public var indicators: [Label] = []
    /// Training: labels and explanations (areas, capacities, bands, notes, thresholds, sectors).
    public var training = TrainingLabels()

    /// Resolves a compiled pack's `report:` block; nil when it has none.
    ///
    /// - Parameter pack: A pack that loaded (so lint has checked the block).
    public init?(_ pack: CompiledPack) {
        guard let conventions = pack.rules.report else { return nil }
        id = pack.identity.id
        title = pack.rules.title
        self.conventions = conventions
        func labels(_ name: String?) -> [Label] {
            guard let name else { return [] }
            if let question = pack.questionnaire.questions.first(where: { $0.id == name }) {
                return question.kind.choices.map { Label(id: $0.id, label: $0.label) }
            }
            if let table = pack.rules.tables.first(where: { $0.id == name }) {
                return table.rows.map { row in
                    if case .text(let text)? = row.cells[""] { return Label(id: row.key, label: text) }
                    return Label(id: row.key, label: row.key)
                }
            }
            return []
        }
        switch conventions.kind {
        case .screening: areas = labels(conventions.area?.labels)
        case .training: areas = labels(conventions.areas)
        }
        organisations = labels(conventions.organisation?.labels)
        actions = labels(conventions.action?.labels)
        let levels = Set(pack.rules.outcomes.map(\.level)).sorted(by: >)
        bands = levels.map { level in
            let labels = pack.rules.outcomes.filter { $0.level == level }.map(\.label)
            let label = labels.count == 1 ? labels[0] : "Level \(level): " + labels.joined(separator: ", or ")
            return Band(id: "level_\(level)", label: label, level: level)
        }
        for outcome in pack.rules.outcomes { bandOfOutcome[outcome.id] = levels.firstIndex(of: outcome.level) }
        types = conventions.types.map { id in Label(id: id, label: pack.rules.values.first { $0.id == id }?.label ?? id) }
        indicators = pack.rules.indicators.map { Label(id: $0.id, label: $0.label) }
        if conventions.kind == .training {
            training.add(pack)
            for area in areas where training.areas[area.id] == nil { training.areas[area.id] = area.label }
            for organisation in organisations where training.sectors[organisation.id] == nil {
                training.sectors[organisation.id] = organisation.label
            }
        }
    }
}
