extension PackTestRunner {
    /// Runs a round-comparison test the way `indicia evaluate` and `indicia report --rounds` would:
    /// each agency's answers are decoded and evaluated, written as a result line by the one result
    /// writer, and read back by the report's builder, round by round; the expectations are then
    /// checked against the report's comparison of rounds.
    static func runRounds(_ item: PackTestSuite.Case, suite: PackTestSuite) -> PackTestResult {
        let runtime = suite.runtime
        var result = PackTestResult(fileID: suite.file.id, test: item.test, runtime: runtime, evaluation: Evaluation(), failures: [])
        guard let rounds = item.test.rounds, let expect = item.test.comparison, let reportPack = ReportPack(runtime.pack) else {
            result.failures = [
                .init(
                    expectation: "rounds", mark: item.test.mark, message: "the pack has no report: block, so its rounds cannot be compared",
                    expected: "a training report: block", actual: "none", indicators: [])
            ]
            return result
        }
        var builder = NetworkReportBuilder(packs: [reportPack])
        var decoder = CaseDecoder()
        let provider = SinglePackProvider(runtime)
        var line = ByteBuffer()
        for (round, cases) in zip(rounds, item.rounds) {
            builder.beginRound(round.name)
            for (agency, json) in zip(round.agencies, cases) {
                var evaluation = Evaluation()
                let decoded = json.withUnsafeBufferPointer { decoder.decode($0, packs: provider, defaultPack: 0, into: &evaluation) }
                if case .failure(let failure) = decoded {
                    result.failures.append(
                        .init(
                            expectation: "rounds", mark: agency.mark,
                            message: "the answers of agency '\(agency.id)' were refused: \(failure.error.message)",
                            expected: "answers the questionnaire accepts", actual: failure.error.code.rawValue, indicators: []))
                    continue
                }
                runtime.pack.evaluate(&evaluation)
                line.removeAll()
                ResultWriter.write(evaluation, runtime: runtime, id: JSONOutput.string(agency.id), to: &line)
                _ = line.array.withUnsafeBufferPointer { builder.add(bytes: $0) }
                result.evaluation = evaluation
            }
        }
        guard result.failures.isEmpty else { return result }
        result.failures = check(expect, builder.report().training)
        return result
    }

    static func check(_ expect: PackTest.Comparison, _ network: TrainingNetwork) -> [PackTestResult.Failure] {
        var out: [PackTestResult.Failure] = []
        func failure(_ key: String, _ mark: SourceMark, _ message: String, expected: String, actual: String) {
            out.append(.init(expectation: key, mark: mark, message: message, expected: expected, actual: actual, indicators: []))
        }
        func names(_ items: [String]) -> String { items.isEmpty ? "none" : items.joined(separator: ", ") }
        let compared = network.rounds.map(\.name)
        if let order = expect.order, order.value.map(\.value) != compared {
            failure(
                "order", order.mark, "the rounds are not compared in the order expected", expected: names(order.value.map(\.value)),
                actual: names(compared))
        }
        for totals in expect.rounds {
            guard let round = network.rounds.first(where: { $0.name == totals.round }) else {
                failure(
                    "rounds", totals.keyMark, "round '\(totals.round)' is not in the comparison (it has no results of this pack)",
                    expected: "compared",
                    actual: "rounds compared: \(names(compared))")
                continue
            }
            let actual: [String: Double] = [
                "agencies": Double(round.agencies), "red": Double(round.red), "amber": Double(round.amber), "green": Double(round.green),
                "levels_short": round.levelsShort, "staff_needing": round.staffNeeding,
            ]
            for figure in totals.figures {
                let value = actual[figure.key] ?? .nan
                guard abs(value - figure.value) > 1e-9 else { continue }
                failure(
                    "rounds", figure.mark,
                    "expected \(figure.key) of round '\(totals.round)' to be \(figure.value.compactText), got \(value.compactText)",
                    expected: figure.value.compactText, actual: value.compactText)
            }
        }
        for expected in expect.agencies {
            guard network.comparesRounds, let change = network.change(of: expected.agency) else {
                let why = network.comparesRounds ? "is not in the latest round" : "cannot be compared: fewer than two rounds have results"
                failure(
                    "agencies", expected.keyMark, "agency '\(expected.agency)' \(why)", expected: "in the latest round",
                    actual: "latest round: \(names(network.agencies.map(\.name)))")
                continue
            }
            for set in expected.areas {
                let areas = network.areas.filter { area in
                    guard let cell = change.cells[area] else { return false }
                    switch set.key {
                    case "better", "worse": return cell.direction == set.key
                    default: return cell.change.rawValue == set.key
                    }
                }
                let wanted = set.value.map(\.value)
                guard Set(wanted) != Set(areas) else { continue }
                failure(
                    "agencies", set.mark,
                    "expected the areas of '\(expected.agency)' that \(Self.describe(set.key)) to be \(names(wanted)), got \(names(areas))",
                    expected: names(wanted), actual: names(areas) + " (" + Self.summary(change, network) + ")")
            }
            if let previous = expected.previousRound {
                let actual = change.previousRound.map { network.rounds[$0].name } ?? "none"
                if actual != previous.value {
                    failure(
                        "agencies", previous.mark,
                        "expected the previous assessment of '\(expected.agency)' to be from round '\(previous.value)', got '\(actual)'",
                        expected: previous.value, actual: actual)
                }
            }
        }
        if let expected = expect.notReassessed {
            let actual = network.notReassessed.map(\.name)
            if Set(expected.value.map(\.value)) != Set(actual) {
                failure(
                    "not_reassessed", expected.mark, "the agencies not re-assessed are not those expected",
                    expected: names(expected.value.map(\.value)),
                    actual: names(actual))
            }
        }
        if let expected = expect.notes {
            let kinds = network.noteKinds.map(\.rawValue)
            if Set(expected.value.map(\.value)) != Set(kinds) {
                failure(
                    "notes", expected.mark, "the notes on the input are not of the kinds expected", expected: names(expected.value.map(\.value)),
                    actual: network.notes.isEmpty
                        ? "none" : zip(kinds, network.notes).map { "\($0): \($1)" }.joined(separator: " | "))
            }
        }
        return out
    }

    /// "closed", "stayed open and got better", ... for messages.
    private static func describe(_ key: String) -> String {
        switch key {
        case "stayed": return "stayed open"
        case "no_gap": return "had no gap before or now"
        case "new": return "are new (not assessed before)"
        case "better": return "stayed open but got better"
        case "worse": return "stayed open and got worse"
        default: return key
        }
    }

    /// Every area of an agency with its change and bands, for a failure's "actual".
    private static func summary(_ change: TrainingNetwork.AgencyChange, _ network: TrainingNetwork) -> String {
        network.areas.compactMap { area in
            guard let cell = change.cells[area] else { return nil }
            return "\(area): \(cell.before?.rag ?? "-") → \(cell.after.rag) \(cell.change.rawValue)"
        }.joined(separator: "; ")
    }
}
