/// Writes results as one line of JSON each, in a fixed key order, byte-for-byte deterministic.
///
/// This is the only encoder of results: `evaluate`, the guided CLI's `--out` and the tests all use it.
public enum ResultWriter {
    /// Appends the result of an evaluation (without a trailing newline).
    ///
    /// - Parameters:
    ///   - evaluation: The evaluated case.
    ///   - runtime: The pack it was evaluated with.
    ///   - id: The case id as raw JSON (a string with quotes, or a number), or nil.
    ///   - out: The buffer to append to.
    public static func write(_ evaluation: Evaluation, runtime: PackRuntime, id: [UInt8]?, to out: inout [UInt8]) {
        let pack = runtime.pack
        let f = runtime.fragments
        let rules = pack.rules
        evaluation.slots.withUnsafeBufferPointer { slotBuffer in
            guard let slots = slotBuffer.baseAddress else { return }
            JSONOutput.raw("{\"id\":", to: &out)
            if let id { out.append(contentsOf: id) } else { JSONOutput.raw("null", to: &out) }
            JSONOutput.raw(",\"ok\":true,", to: &out)
            out.append(contentsOf: f.pack)
            out.append(0x2C)
            out.append(contentsOf: f.outcomes[evaluation.outcome])

            JSONOutput.raw(",\"undetermined_outcomes\":[", to: &out)
            for (n, band) in evaluation.undetermined.enumerated() {
                if n > 0 { out.append(0x2C) }
                out.append(contentsOf: f.undeterminedOpen[band])
                writeQuestionList(evaluation.missingQuestions(among: pack.dependencies.outcomes[band]), f, &out)
                JSONOutput.raw("]}", to: &out)
            }

            JSONOutput.raw("],\"scores\":{", to: &out)
            for (n, slot) in pack.scoreSlots.enumerated() {
                if n > 0 { out.append(0x2C) }
                out.append(contentsOf: f.scoreKeys[n])
                writeValue(slots[slot], pack, &out)
            }

            JSONOutput.raw("},\"values\":{", to: &out)
            for (n, (index, key)) in f.valueKeys.enumerated() {
                if n > 0 { out.append(0x2C) }
                out.append(contentsOf: key)
                writeValue(slots[pack.valueSlots[index]], pack, &out)
            }

            JSONOutput.raw("},\"categories\":{", to: &out)
            if !f.categoryKeys.isEmpty {
                let strengthCount = max(1, f.strengthKeys.count)
                var counts = [Int](repeating: 0, count: f.categoryKeys.count * strengthCount)
                for (indicator, slot) in pack.indicatorSlots.enumerated() where slots[slot].isTrue {
                    let category = f.indicatorCategory[indicator]
                    guard category >= 0 else { continue }
                    counts[category * strengthCount + max(0, f.indicatorStrength[indicator])] += 1
                }
                for (c, key) in f.categoryKeys.enumerated() {
                    if c > 0 { out.append(0x2C) }
                    out.append(contentsOf: key)
                    if f.strengthKeys.isEmpty {
                        JSONOutput.integer(counts[c], to: &out)
                        continue
                    }
                    out.append(0x7B)
                    for (s, strengthKey) in f.strengthKeys.enumerated() {
                        if s > 0 { out.append(0x2C) }
                        out.append(contentsOf: strengthKey)
                        JSONOutput.integer(counts[c * strengthCount + s], to: &out)
                    }
                    out.append(0x7D)
                }
            }

            JSONOutput.raw("},\"indicators\":[", to: &out)
            var first = true
            var indeterminate: [Int] = []
            for (indicator, slot) in pack.indicatorSlots.enumerated() {
                switch slots[slot] {
                case .bool(true):
                    if !first { out.append(0x2C) }
                    first = false
                    out.append(contentsOf: f.indicatorOpen[indicator])
                    for (n, question) in evaluation.evidence(forIndicator: indicator, in: pack).enumerated() {
                        if n > 0 { out.append(0x2C) }
                        out.append(contentsOf: f.evidenceOpen[question])
                        writeAnswer(slots[question], question, pack, &out)
                        out.append(0x7D)
                    }
                    JSONOutput.raw("]}", to: &out)
                case .missing:
                    indeterminate.append(indicator)
                default:
                    break
                }
            }

            JSONOutput.raw("],\"indeterminate_indicators\":[", to: &out)
            for (n, indicator) in indeterminate.enumerated() {
                if n > 0 { out.append(0x2C) }
                out.append(contentsOf: f.indeterminateOpen[indicator])
                let deps = pack.dependencies.bySlot[pack.indicatorSlots[indicator]] ?? []
                writeQuestionList(evaluation.missingQuestions(among: deps), f, &out)
                JSONOutput.raw("]}", to: &out)
            }

            JSONOutput.raw("],\"recommendations\":[", to: &out)
            for (n, recommendation) in evaluation.recommendations.enumerated() {
                if n > 0 { out.append(0x2C) }
                out.append(contentsOf: f.recommendations[recommendation])
            }
            JSONOutput.raw("],\"unanswered\":[", to: &out)
            writeQuestionList(evaluation.unanswered, f, &out)
            JSONOutput.raw("],\"not_known\":[", to: &out)
            writeQuestionList(evaluation.notKnown, f, &out)
            JSONOutput.raw("],\"ignored_answers\":[", to: &out)
            writeQuestionList(evaluation.ignored, f, &out)
            JSONOutput.raw("],\"unanswered_required\":[", to: &out)
            writeQuestionList(evaluation.unanswered.filter { pack.questionnaire.questions[$0].required }, f, &out)
            out.append(0x5D)
            _ = rules
            out.append(contentsOf: f.closing)
        }
    }

    /// Appends an error result for a record that could not be evaluated.
    ///
    /// - Parameters:
    ///   - error: What went wrong.
    ///   - line: The 1-based input line.
    ///   - id: The case id as raw JSON, if it was read.
    ///   - out: The buffer.
    public static func writeError(_ error: CaseError, line: Int, id: [UInt8]?, to out: inout [UInt8]) {
        JSONOutput.raw("{\"id\":", to: &out)
        if let id { out.append(contentsOf: id) } else { JSONOutput.raw("null", to: &out) }
        JSONOutput.raw(",\"ok\":false,\"line\":", to: &out)
        JSONOutput.integer(line, to: &out)
        JSONOutput.raw(",\"error\":{\"code\":", to: &out)
        JSONOutput.string(error.code, to: &out)
        JSONOutput.raw(",\"message\":", to: &out)
        JSONOutput.string(error.message, to: &out)
        JSONOutput.raw(",\"path\":", to: &out)
        JSONOutput.string(error.path, to: &out)
        if let column = error.column {
            JSONOutput.raw(",\"column\":", to: &out)
            JSONOutput.integer(column, to: &out)
        }
        JSONOutput.raw("}}", to: &out)
    }

    private static func writeQuestionList(_ questions: [Int], _ f: ResultFragments, _ out: inout [UInt8]) {
        for (n, question) in questions.enumerated() {
            if n > 0 { out.append(0x2C) }
            out.append(contentsOf: f.questionIDs[question])
        }
    }

    private static func writeValue(_ value: Value, _ pack: CompiledPack, _ out: inout [UInt8]) {
        switch value {
        case .missing, .text, .choices: JSONOutput.raw("null", to: &out)
        case .bool(let flag): flag ? JSONOutput.raw("true", to: &out) : JSONOutput.raw("false", to: &out)
        case .number(let x): JSONOutput.number(x, to: &out)
        case .symbol(let symbol): JSONOutput.string(pack.symbols.name(symbol), to: &out)
        case .date(let days): JSONOutput.string(CalendarDate.iso(fromDays: days), to: &out)
        }
    }

    /// An answer in the same JSON form a case uses for it.
    private static func writeAnswer(_ value: Value, _ question: Int, _ pack: CompiledPack, _ out: inout [UInt8]) {
        switch value {
        case .missing(let reason): JSONOutput.string(reason.identifier, to: &out)
        case .bool(let flag): flag ? JSONOutput.raw("\"yes\"", to: &out) : JSONOutput.raw("\"no\"", to: &out)
        case .number(let x): JSONOutput.number(x, to: &out)
        case .symbol(let symbol): JSONOutput.string(pack.symbols.name(symbol), to: &out)
        case .choices(let bits):
            out.append(0x5B)
            let choices = pack.questionnaire.questions[question].kind.choices
            var first = true
            for index in choices.indices where bits & (UInt64(1) << UInt64(index)) != 0 {
                if !first { out.append(0x2C) }
                first = false
                JSONOutput.string(choices[index].id, to: &out)
            }
            out.append(0x5D)
        case .date(let days): JSONOutput.string(CalendarDate.iso(fromDays: days), to: &out)
        case .text: JSONOutput.raw("\"[free text]\"", to: &out)
        }
    }
}
