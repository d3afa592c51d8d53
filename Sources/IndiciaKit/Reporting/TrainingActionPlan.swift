/// One agency's action plan: for each gap, the level or course needed, the staff who need it
/// (estimate) and its priority, highest first; then the organisational actions and what the agency
/// cannot yet do for a potential victim. Shown at the end of the guided `assess` and by
/// `indicia report --agency`.
public struct TrainingActionPlan: Sendable, Equatable {
    /// One gap to close.
    public struct Step: Sendable, Equatable {
        public var area: String
        public var areaLabel: String
        public var rag: String
        /// Level now (when known) and level needed.
        public var current: Double?
        public var required: Double
        /// % of the staff who need it trained within the refresher period: why an area already at
        /// its level can still be red or amber.
        public var coverage: Double
        /// What to do: the pack's recommendation for this area and level (names the course or framework).
        public var action: String
        public var staff: Double
        public var priority: Double
    }

    public var agency: String
    public var agencyID: Int?
    public var date: String?
    public var steps: [Step]
    /// Organisational actions (readiness and capacity), in the pack's order.
    public var actions: [String]
    /// Capacities answered "no" or "partly", by label.
    public var holes: [String]
    /// The change since the agency's previous assessment, when the report compares rounds.
    public var change: TrainingNetwork.AgencyChange?
    /// The previous round's title, with ``change``.
    public var previousRound: String?

    /// The plan for one agency.
    ///
    /// - Parameters:
    ///   - record: The agency's latest result.
    ///   - labels: Labels from the pack.
    ///   - change: Its change since the previous round, if any.
    ///   - previousRound: The title of the round it is compared with.
    public init(_ record: TrainingRecord, labels: TrainingLabels, change: TrainingNetwork.AgencyChange? = nil, previousRound: String? = nil) {
        agency = record.name
        agencyID = record.agencyID
        date = record.date
        steps = record.areas.compactMap { area in
            guard let cell = record.cells[area], cell.rag != "green" else { return nil }
            let prefix = "train_\(area)_level_"
            let action =
                record.recommendations.first { $0.id.hasPrefix(prefix) }?.text
                ?? (area == "leads" ? record.recommendations.first { $0.id == "appoint_lead" }?.text : nil)
                ?? "Train the staff who need it to level \(cell.required.compactText)."
            return Step(
                area: area, areaLabel: labels.area(area), rag: cell.rag, current: cell.current, required: cell.required,
                coverage: cell.coverage, action: action, staff: cell.staffNeeding, priority: cell.priority)
        }
        .sorted { ($0.priority, $1.areaLabel) > ($1.priority, $0.areaLabel) }
        actions = record.recommendations.filter { $0.id.hasPrefix("action_") }.map(\.text)
        holes = record.capacities.compactMap { capacity in
            guard let answer = capacity.value.string, answer == "no" || answer == "partly" else { return nil }
            return "\(labels.capacity(capacity.id)): \(answer)"
        }
        self.change = change
        self.previousRound = previousRound
    }

    /// The plan as JSON.
    public var json: JSONValue {
        .object([
            ("agency", .string(agency)), ("agency_id", agencyID.map { .number(Double($0)) } ?? .null),
            ("assessed_on", date.map(JSONValue.string) ?? .null),
            (
                "steps",
                .array(
                    steps.map { step in
                        .object([
                            ("area", .string(step.area)), ("area_label", .string(step.areaLabel)), ("rag", .string(step.rag)),
                            ("level_now", step.current.map(JSONValue.number) ?? .null), ("level_needed", .number(step.required)),
                            ("percent_trained", .number(step.coverage)),
                            ("action", .string(step.action)), ("staff_needing_training", .number(step.staff)), ("priority", .number(step.priority)),
                        ])
                    })
            ),
            ("organisational_actions", .array(actions.map(JSONValue.string))),
            ("capacity_holes", .array(holes.map(JSONValue.string))),
            (
                "since_previous_round",
                change.map { change in
                    .object(
                        change.cells.keys.sorted().compactMap { area in
                            change.cells[area].map { (area, .string($0.change.rawValue)) }
                        })
                } ?? .null
            ),
        ])
    }

    /// The plan as plain text (the guided `assess` result screen) or Markdown.
    ///
    /// - Parameters:
    ///   - labels: Labels from the pack (for the change since the last round).
    ///   - markdown: Markdown tables instead of wrapped text.
    ///   - width: Line width for plain text.
    /// - Returns: The text.
    public func render(labels: TrainingLabels, markdown: Bool, width: Int = 78) -> String {
        var out = ""
        let id = agencyID.map { " (agency number \($0))" } ?? ""
        let when = date.map { ", assessed \($0)" } ?? ""
        if markdown {
            out += "# Action plan: \(agency)\(id)\n\n"
            out += "Gaps to close, highest priority first\(when). \(labels.notes["priority"] ?? "")\n\n"
            if steps.isEmpty {
                out += "Every area is green: keep training within the refresher period.\n"
            } else {
                out += "| # | Area | Band | Level now → needed | Trained | What to do | Staff needing it (estimate) | Priority |\n"
                out += "|---:|---|---|---|---:|---|---:|---:|\n"
                for (n, step) in steps.enumerated() {
                    out +=
                        "| \(n + 1) | \(step.areaLabel) | \(step.rag.capitalizedWord) | \(step.current.map { $0.compactText } ?? "?") → \(step.required.compactText) | \(step.coverage.compactText) % | \(step.action) | \(step.staff.compactText) | \(step.priority.compactText) |\n"
                }
            }
            if !actions.isEmpty {
                out += "\n## Organisational actions\n\n" + actions.map { "- \($0)\n" }.joined()
            }
            if !holes.isEmpty {
                out += "\n## What the agency cannot yet do for a potential victim\n\n" + holes.map { "- \($0)\n" }.joined()
            }
            if let change, let previousRound {
                out += "\n## Since \(previousRound)\n\n| Area | Then | Now | Change |\n|---|---|---|---|\n"
                for area in steps.map(\.area) + change.cells.keys.sorted().filter({ a in !steps.contains { $0.area == a } }) {
                    guard let cell = change.cells[area] else { continue }
                    out +=
                        "| \(labels.area(area)) | \(cell.before.map { "\($0.rag.capitalizedWord) · \($0.gap.compactText)" } ?? "not assessed") | \(cell.after.rag.capitalizedWord) · \(cell.after.gap.compactText) | \(TrainingMarkdown.describe(cell)) |\n"
                }
            }
            return out
        }
        out += "ACTION PLAN\(when.isEmpty ? "" : " (" + when.dropFirst(2) + ")")\n"
        if steps.isEmpty { out += "  Every area is green: keep training within the refresher period.\n" }
        for (n, step) in steps.enumerated() {
            let head =
                "\(step.areaLabel) — \(step.rag), level \(step.current.map { $0.compactText } ?? "?") → \(step.required.compactText), \(step.coverage.compactText) % trained; about \(step.staff.compactText) staff; priority \(step.priority.compactText)."
            out += TextWrap.wrap(head, width: width, indent: "   ", firstIndent: "\(n + 1). ".padded(to: 3))
            out += TextWrap.wrap(step.action, width: width, indent: "      ", firstIndent: "   → ")
        }
        if let priority = labels.notes["priority"] { out += TextWrap.wrap(priority, width: width, indent: "  ", firstIndent: "  ") }
        return out
    }
}
