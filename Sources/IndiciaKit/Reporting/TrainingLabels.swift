/// What the training part of the network report prints beside the numbers, taken from the pack
/// (the areas, sector, capacity, band and note labels and the thresholds table its `report:` block
/// names), so a reader needs no manual and no id is shown.
public struct TrainingLabels: Sendable, Equatable {
    /// Area id → label.
    public var areas: [String: String] = [:]
    /// Capacity ids and labels, in report order.
    public var capacities: [(id: String, label: String)] = []
    /// Readiness band id → label.
    public var bands: [String: String] = [:]
    /// Readiness band ids in the order the pack's bands table lists them (the report's order).
    public var bandOrder: [String] = []
    /// Sector choice id → label.
    public var sectors: [String: String] = [:]
    /// Explanations by id (`priority`, `staff`, `coverage`: what % trained counts, per role).
    public var notes: [String: String] = [:]
    /// The red/amber/green thresholds, when the pack's thresholds table (`policy:` in its `report:`
    /// block) gives them in rows `red_gap`, `red_coverage` and `amber_coverage`.
    public var redGap: Double?
    public var redCoverage: Double?
    public var amberCoverage: Double?

    /// Creates labels.
    ///
    /// - Parameter areas: Area labels by id.
    public init(areas: [String: String] = [:]) {
        self.areas = areas
    }

    /// Adds the labels a pack gives: the tables its `report:` block names (areas, capacities, bands,
    /// notes and thresholds) and its sector labels (a single-choice question or a one-column table).
    ///
    /// - Parameter pack: A compiled pack.
    public mutating func add(_ pack: CompiledPack) {
        let report = pack.rules.report
        let areasTable = report?.areas
        let sectorLabels = report?.organisation?.labels
        for table in pack.rules.tables {
            for row in table.rows {
                switch (table.id, row.cells[""]) {
                case (areasTable, .text(let label)?): areas[row.key] = label
                case (sectorLabels, .text(let label)?): sectors[row.key] = label
                case (report?.capacities?.labels, .text(let label)?):
                    if !capacities.contains(where: { $0.id == row.key }) { capacities.append((row.key, label)) }
                case (report?.bands, .text(let label)?):
                    if bands[row.key] == nil { bandOrder.append(row.key) }
                    bands[row.key] = label
                case (report?.notes, .text(let text)?): notes[row.key] = text
                case (report?.policy, .number(let number)?):
                    if row.key == "red_gap" { redGap = number }
                    if row.key == "red_coverage" { redCoverage = number }
                    if row.key == "amber_coverage" { amberCoverage = number }
                default: break
                }
            }
        }
        for question in pack.questionnaire.questions where question.id == sectorLabels {
            for choice in question.kind.choices { sectors[choice.id] = choice.label }
        }
    }

    /// The label of an area, or its id with spaces when the pack gives none.
    public func area(_ id: String) -> String { areas[id] ?? id.replacingUnderscores }
    /// The label of a readiness band.
    public func band(_ id: String) -> String { bands[id] ?? id.replacingUnderscores.capitalizedWord }
    /// The label of a sector.
    public func sector(_ id: String) -> String { sectors[id] ?? id.replacingUnderscores }
    /// The label of a capacity.
    public func capacity(_ id: String) -> String { capacities.first { $0.id == id }?.label ?? id.replacingUnderscores.capitalizedWord }

    /// What a cell of the gap matrix means, in plain words, with the pack's thresholds.
    public var cellLegend: String {
        guard let redGap, let redCoverage, let amberCoverage else {
            return "Each cell shows the band and how many levels the agency is short of the level required. "
                + "A cell can be red or amber with 0 levels short: too few staff are trained within the refresher period."
        }
        let gap = redGap.compactText
        return "Each cell shows the band and how many levels the agency is short of the level required (\"Red · 1\" = red, 1 level short). "
            + "Red: \(gap) or more levels short, or under \(redCoverage.compactText)% of the staff who need the area trained within the refresher period. "
            + "Amber: 1 level short, or under \(amberCoverage.compactText)% trained. Green: at the required level with at least \(amberCoverage.compactText)% trained, "
            + "or the area is not needed. So a cell can be red with 0 levels short: the level is right but too few staff have it."
    }

    public static func == (lhs: TrainingLabels, rhs: TrainingLabels) -> Bool {
        lhs.areas == rhs.areas && lhs.capacities.map(\.id) == rhs.capacities.map(\.id) && lhs.capacities.map(\.label) == rhs.capacities.map(\.label)
            && lhs.bands == rhs.bands && lhs.bandOrder == rhs.bandOrder && lhs.sectors == rhs.sectors && lhs.notes == rhs.notes
            && lhs.redGap == rhs.redGap
            && lhs.redCoverage == rhs.redCoverage && lhs.amberCoverage == rhs.amberCoverage
    }
}
