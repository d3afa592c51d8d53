/// Writes results as one line of JSON each, in a fixed key order, byte-for-byte deterministic.
///
/// This is the only encoder of results: `evaluate`, the guided CLI's `--out` and the tests all use it.
/// It writes either profile (``ResultProfile``); the summary is in `ResultWriter+Summary.swift`.
public enum ResultWriter {
    /// Appends the result of an evaluation (without a trailing newline).
    ///
    /// - Parameters:
    ///   - evaluation: The evaluated case (prepared for `runtime`'s pack; anything else stops the program).
    ///   - runtime: The pack it was evaluated with.
    ///   - id: The case id as raw JSON (a string with quotes, or a number), or nil.
    ///   - profile: How much of the evaluation to write.
    ///   - out: The buffer to append to.
    public static func write(_ evaluation: Evaluation, runtime: PackRuntime, id: [UInt8]?, profile: ResultProfile = .full, to out: inout ByteBuffer) {
        guard let id else { return write(evaluation, runtime: runtime, idBytes: nil, profile: profile, to: &out) }
        id.withUnsafeBufferPointer { write(evaluation, runtime: runtime, idBytes: $0, profile: profile, to: &out) }
    }

    /// Appends the result of an evaluation, taking the case id straight from the input line.
    ///
    /// - Parameters:
    ///   - evaluation: The evaluated case (prepared for `runtime`'s pack; anything else stops the program).
    ///   - runtime: The pack it was evaluated with.
    ///   - idBytes: The case id as raw JSON, or nil.
    ///   - profile: How much of the evaluation to write.
    ///   - out: The buffer to append to.
    public static func write(
        _ evaluation: Evaluation, runtime: PackRuntime, idBytes: UnsafeBufferPointer<UInt8>?, profile: ResultProfile = .full,
        to out: inout ByteBuffer
    ) {
        // The writer reads slots by the pack's numbers: never over an evaluation of another pack.
        precondition(runtime.owns(evaluation), "ResultWriter.write needs an Evaluation prepared for the runtime's pack")
        if profile == .summary { return writeSummary(evaluation, runtime: runtime, idBytes: idBytes, to: &out) }
        let pack = runtime.pack
        let f = runtime.fragments
        evaluation.slots.withUnsafeBufferPointer { slotBuffer in
            guard let slots = slotBuffer.baseAddress else { return }
            out.append("{\"id\":")
            if let idBytes { out.append(idBytes) } else { out.append("null") }
            out.append(",\"ok\":true,")
            out.append(f.pack)
            out.append(0x2C)
            f.outcomes.append(evaluation.outcome, to: &out)
            writeJudgement(evaluation, pack, &out)

            out.append(",\"undetermined_outcomes\":[")
            for (n, band) in evaluation.undetermined.enumerated() {
                if n > 0 { out.append(0x2C) }
                f.undeterminedOpen.append(band, to: &out)
                writeQuestionList(evaluation.missingQuestions(among: pack.dependencies.outcomes[band]), f, &out)
                out.append("]}")
            }

            out.append("],")
            writeScoresAndValues(slots, pack, f, &out)

            // One pass over the indicators: the present ones, then the undecided ones, in pack order.
            let indicatorCount = f.indicatorSlots.count
            withUnsafeTemporaryAllocation(of: Int.self, capacity: max(1, indicatorCount)) { found in
                var fired = 0
                var undecided = indicatorCount
                for indicator in 0..<indicatorCount {
                    switch slots[f.indicatorSlots[indicator]] {
                    case .bool(true):
                        found[fired] = indicator
                        fired += 1
                    case .missing(let reason) where reason != .notAsked:
                        undecided -= 1
                        found[undecided] = indicator
                    default:
                        break
                    }
                }
                let present = UnsafeBufferPointer(rebasing: found[0..<fired])

                out.append("},\"categories\":{")
                writeCategories(present, f, &out)

                out.append("},\"indicators\":[")
                for (n, indicator) in present.enumerated() {
                    if n > 0 { out.append(0x2C) }
                    f.indicatorOpen.append(indicator, to: &out)
                    if f.hasStaticEvidence[indicator] {
                        for (k, position) in (f.staticEvidenceStart[indicator]..<f.staticEvidenceStart[indicator + 1]).enumerated() {
                            writeEvidence(f.staticEvidence[position], first: k == 0, slots, pack, f, &out)
                        }
                    } else {
                        for (k, question) in evaluation.dynamicEvidence(forIndicator: indicator, in: pack).enumerated() {
                            writeEvidence(question, first: k == 0, slots, pack, f, &out)
                        }
                    }
                    out.append("]}")
                }

                out.append("],\"indeterminate_indicators\":[")
                // Collected from the end of the buffer backwards: write them in pack order.
                for position in stride(from: indicatorCount - 1, through: undecided, by: -1) {
                    let indicator = found[position]
                    if position < indicatorCount - 1 { out.append(0x2C) }
                    f.indeterminateOpen.append(indicator, to: &out)
                    let deps = pack.dependencies.bySlot[f.indicatorSlots[indicator]] ?? []
                    writeQuestionList(evaluation.missingQuestions(among: deps), f, &out)
                    out.append("]}")
                }
            }

            out.append("],\"recommendations\":[")
            for (n, recommendation) in evaluation.recommendations.enumerated() {
                if n > 0 { out.append(0x2C) }
                // A service chosen from the answers (services_from), such as that council's front door.
                if let chosen = pack.chosenService(ofRecommendation: recommendation, slots),
                    !pack.rules.recommendations[recommendation].services.contains(chosen.id), let json = f.serviceJSON[chosen.id]
                {
                    f.recommendationHeads.append(recommendation, to: &out)
                    if f.recommendationHasServices[recommendation] { out.append(0x2C) }
                    out.append(json)
                    f.recommendationTails.append(recommendation, to: &out)
                } else {
                    f.recommendations.append(recommendation, to: &out)
                }
            }
            let questionCount = pack.questionCount
            let visible = evaluation.visible
            // Most cases answer every question: one pass decides whether the lists can be skipped.
            var anyMissing = false
            for question in 0..<questionCount where slots[question].isMissing {
                anyMissing = true
                break
            }
            guard anyMissing else {
                out.append("],\"unanswered\":[],\"not_known\":[],\"ignored_answers\":[")
                writeQuestionList(evaluation.ignored, f, &out)
                out.append("],\"unanswered_required\":[]")
                out.append(f.closing)
                return
            }
            out.append("],\"unanswered\":[")
            writeQuestions(where: { visible[$0] && slots[$0] == .missing(.unanswered) }, count: questionCount, f, &out)
            out.append("],\"not_known\":[")
            writeQuestions(where: { slots[$0] == .missing(.notKnown) }, count: questionCount, f, &out)
            out.append("],\"ignored_answers\":[")
            writeQuestionList(evaluation.ignored, f, &out)
            out.append("],\"unanswered_required\":[")
            let required = f.required
            writeQuestions(where: { required[$0] && visible[$0] && slots[$0] == .missing(.unanswered) }, count: questionCount, f, &out)
            out.append(0x5D)
            out.append(f.closing)
        }
    }

    /// Appends an error result for a record that could not be evaluated.
    ///
    /// - Parameters:
    ///   - error: What went wrong.
    ///   - file: The input file the record is in (nil for standard input or a single document).
    ///   - line: The 1-based input line of the problem.
    ///   - id: The case id as raw JSON, if it was read.
    ///   - out: The buffer.
    public static func writeError(_ error: CaseError, file: String? = nil, line: Int, id: [UInt8]?, to out: inout ByteBuffer) {
        guard let id else { return writeError(error, file: file, line: line, idBytes: nil, to: &out) }
        id.withUnsafeBufferPointer { writeError(error, file: file, line: line, idBytes: $0, to: &out) }
    }

    /// Appends an error result, taking the case id straight from the input line.
    ///
    /// - Parameters:
    ///   - error: What went wrong.
    ///   - file: The input file the record is in (nil for standard input or a single document).
    ///   - line: The 1-based input line of the problem (counted in its file).
    ///   - idBytes: The case id as raw JSON, if it was read.
    ///   - out: The buffer.
    public static func writeError(
        _ error: CaseError, file: String? = nil, line: Int, idBytes: UnsafeBufferPointer<UInt8>?, to out: inout ByteBuffer
    ) {
        out.append("{\"id\":")
        if let idBytes { out.append(idBytes) } else { out.append("null") }
        out.append(",\"ok\":false,")
        if let file {
            out.append("\"file\":")
            JSONOutput.string(file, to: &out)
            out.append(",")
        }
        out.append("\"line\":")
        JSONOutput.integer(line, to: &out)
        out.append(",\"error\":{\"code\":")
        JSONOutput.string(error.code.rawValue, to: &out)
        out.append(",\"message\":")
        JSONOutput.string(error.message, to: &out)
        out.append(",\"path\":")
        JSONOutput.string(error.path, to: &out)
        if let column = error.column {
            out.append(",\"column\":")
            JSONOutput.integer(column, to: &out)
        }
        out.append("}}")
    }

    /// The count of present indicators per category (and strength), from the zero template when
    /// every count is a single digit.
    static func writeCategories(_ present: UnsafeBufferPointer<Int>, _ f: ResultFragments, _ out: inout ByteBuffer) {
        guard !f.categoryKeys.isEmpty else { return }
        withCategoryCounts(present, f) { counts, largest in
            guard largest <= 9 else {
                writeCategoryMembers(counts, f, presentOnly: false, &out)
                return
            }
            let start = out.count
            out.append(f.categoriesTemplate)
            for index in counts.indices where counts[index] != 0 {
                out.overwrite(UInt8(0x30 + counts[index]), at: start + f.categoryDigits[index])
            }
        }
    }

    /// Counts the present indicators per category × strength (``ResultFragments/indicatorCell``)
    /// in a temporary stack buffer, so no allocation per case, and hands `body` the counts and the
    /// largest of them.
    @inline(__always)
    static func withCategoryCounts(
        _ present: UnsafeBufferPointer<Int>, _ f: ResultFragments, _ body: (UnsafeMutableBufferPointer<Int>, Int) -> Void
    ) {
        withUnsafeTemporaryAllocation(of: Int.self, capacity: f.categoryKeys.count * f.categoryWidth) { counts in
            for index in counts.indices { counts[index] = 0 }
            var largest = 0
            f.indicatorCell.withUnsafeBufferPointer { cellOf in
                for indicator in present {
                    let cell = cellOf[indicator]
                    guard cell >= 0 else { continue }
                    counts[cell] += 1
                    largest = max(largest, counts[cell])
                }
            }
            body(counts, largest)
        }
    }

    /// The members of the categories object (`"id":{"strong":1,…}`, or `"id":1` without strengths)
    /// from counts made by ``withCategoryCounts(_:_:_:)``; `presentOnly` leaves out every count of
    /// 0 and every category left with none (the summary profile).
    static func writeCategoryMembers(
        _ counts: UnsafeMutableBufferPointer<Int>, _ f: ResultFragments, presentOnly: Bool, _ out: inout ByteBuffer
    ) {
        guard let cells = counts.baseAddress else { return }
        let strengths = f.strengthKeys.count
        let width = f.categoryWidth
        var firstCategory = true
        for c in 0..<f.categoryKeys.count {
            let row = cells + c * width
            if presentOnly {
                var any = 0
                for s in 0..<width { any |= row[s] }
                if any == 0 { continue }
            }
            if !firstCategory { out.append(0x2C) }
            firstCategory = false
            f.categoryKeys.append(c, to: &out)
            if strengths == 0 {
                out.append(integer: row[0])
                continue
            }
            out.append(0x7B)
            var firstStrength = true
            for s in 0..<strengths where !presentOnly || row[s] != 0 {
                if !firstStrength { out.append(0x2C) }
                firstStrength = false
                f.strengthKeys.append(s, to: &out)
                out.append(integer: row[s])
            }
            out.append(0x7D)
        }
    }

    /// One evidence object: the question, its text and the answer.
    @inline(__always)
    private static func writeEvidence(
        _ question: Int, first: Bool, _ slots: UnsafePointer<Value>, _ pack: CompiledPack, _ f: ResultFragments, _ out: inout ByteBuffer
    ) {
        if !first { out.append(0x2C) }
        f.evidenceOpen.append(question, to: &out)
        writeAnswer(slots[question], question, pack, f, &out)
        out.append(0x7D)
    }

    private static func writeQuestions(where test: (Int) -> Bool, count: Int, _ f: ResultFragments, _ out: inout ByteBuffer) {
        var first = true
        for question in 0..<count where test(question) {
            if !first { out.append(0x2C) }
            first = false
            f.questionIDs.append(question, to: &out)
        }
    }

    private static func writeQuestionList(_ questions: [Int], _ f: ResultFragments, _ out: inout ByteBuffer) {
        for (n, question) in questions.enumerated() {
            if n > 0 { out.append(0x2C) }
            f.questionIDs.append(question, to: &out)
        }
    }

    /// Writes `"scores":{…},"values":{…` (the values object left open for the caller): the same
    /// bytes in the full and the summary profile.
    @inline(__always)
    static func writeScoresAndValues(_ slots: UnsafePointer<Value>, _ pack: CompiledPack, _ f: ResultFragments, _ out: inout ByteBuffer) {
        out.append("\"scores\":{")
        for (n, slot) in pack.scoreSlots.enumerated() {
            if n > 0 { out.append(0x2C) }
            f.scoreKeys.append(n, to: &out)
            writeValue(slots[slot], f, &out)
        }
        out.append("},\"values\":{")
        for (n, (index, key)) in f.valueKeys.enumerated() {
            if n > 0 { out.append(0x2C) }
            out.append(key)
            writeValue(slots[pack.valueSlots[index]], f, &out)
        }
    }

    static func writeValue(_ value: Value, _ f: ResultFragments, _ out: inout ByteBuffer) {
        switch value {
        case .missing, .text, .choices: out.append("null")
        case .bool(let flag): out.append(flag ? "true" : "false")
        case .number(let x): JSONOutput.number(x, to: &out)
        case .symbol(let symbol): f.symbolJSON.append(Int(symbol), to: &out)
        case .date(let days): JSONOutput.string(CalendarDate.iso(fromDays: days), to: &out)
        }
    }

    /// An answer in the same JSON form a case uses for it.
    private static func writeAnswer(_ value: Value, _ question: Int, _ pack: CompiledPack, _ f: ResultFragments, _ out: inout ByteBuffer) {
        switch value {
        case .missing(let reason): f.missingJSON.append(Int(reason.rawValue), to: &out)
        case .bool(let flag): flag ? out.append("\"yes\"") : out.append("\"no\"")
        case .number(let x): JSONOutput.number(x, to: &out)
        case .symbol(let symbol): f.symbolJSON.append(Int(symbol), to: &out)
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
        case .text: out.append("\"[free text]\"")
        }
    }

    /// `,"judgement":null`, or the worker's level with the computed one, whether it raised the
    /// level of concern, and the reason (free text, kept only in the worker's own result).
    static func writeJudgement(_ evaluation: Evaluation, _ pack: CompiledPack, _ out: inout ByteBuffer) {
        guard let judgement = evaluation.judgement else {
            out.append(",\"judgement\":null")
            return
        }
        out.append(",\"judgement\":{\"level\":")
        out.append(integer: judgement.level)
        out.append(",\"computed_level\":")
        out.append(integer: evaluation.computedLevel(in: pack))
        out.append(evaluation.judgementRaises(in: pack) ? ",\"raised\":true,\"reason\":" : ",\"raised\":false,\"reason\":")
        JSONOutput.string(judgement.reason, to: &out)
        out.append(0x7D)
    }
}
