extension ResultWriter {
    /// Appends the summary profile of a result: what a pipeline acts on, without evidence, labels,
    /// sources or services (those are in the full result).
    ///
    /// `{"id","ok","pack":{"id","revision","sha256"},"outcome":{"id","level","urgent"},"scores","values",
    /// "categories","indicators":[ids],"next_steps":[ids],"missing_data":[flags]}`, in that order.
    /// Like the indicators and next steps, the categories and missing-data flags name only what is
    /// there: a category and strength with no indicator present is left out (its count is 0), and
    /// `missing_data` lists the flags that are raised, in a fixed order (empty: nothing missing).
    ///
    /// - Parameters:
    ///   - evaluation: The evaluated case.
    ///   - runtime: The pack it was evaluated with.
    ///   - idBytes: The case id as raw JSON, or nil.
    ///   - out: The buffer to append to.
    static func writeSummary(_ evaluation: Evaluation, runtime: PackRuntime, idBytes: UnsafeBufferPointer<UInt8>?, to out: inout ByteBuffer) {
        let pack = runtime.pack
        let f = runtime.fragments
        evaluation.slots.withUnsafeBufferPointer { slotBuffer in
            guard let slots = slotBuffer.baseAddress else { return }
            out.append("{\"id\":")
            if let idBytes { out.append(idBytes) } else { out.append("null") }
            f.summaryHeads.append(evaluation.outcome, to: &out)
            writeScoresAndValues(slots, pack, f, &out)
            let indicatorCount = f.indicatorSlots.count
            var indeterminate = false
            withUnsafeTemporaryAllocation(of: Int.self, capacity: max(1, indicatorCount)) { found in
                var fired = 0
                f.indicatorSlots.withUnsafeBufferPointer { indicatorSlots in
                    for indicator in 0..<indicatorCount {
                        switch slots[indicatorSlots[indicator]] {
                        case .bool(true):
                            found[fired] = indicator
                            fired &+= 1
                        case .missing(let reason) where reason != .notAsked:
                            indeterminate = true
                        default:
                            break
                        }
                    }
                }
                let present = UnsafeBufferPointer(rebasing: found[0..<fired])
                out.append("},\"categories\":{")
                writePresentCategories(present, f, &out)
                out.append("},\"indicators\":[")
                for (n, indicator) in present.enumerated() {
                    if n > 0 { out.append(0x2C) }
                    f.indicatorIDs.append(indicator, to: &out)
                }
            }
            out.append("],\"next_steps\":[")
            for (n, recommendation) in evaluation.recommendations.enumerated() {
                if n > 0 { out.append(0x2C) }
                f.recommendationIDs.append(recommendation, to: &out)
            }
            var unanswered = false
            var notKnown = false
            var unansweredRequired = false
            let questionCount = pack.questionCount
            evaluation.visible.withUnsafeBufferPointer { visible in
                f.required.withUnsafeBufferPointer { required in
                    for question in 0..<questionCount {
                        guard case .missing(let reason) = slots[question] else { continue }
                        if reason == .unanswered, visible[question] {
                            unanswered = true
                            if required[question] { unansweredRequired = true }
                        } else if reason == .notKnown {
                            notKnown = true
                        }
                    }
                }
            }
            // The flags raised, in the schema's order (`SchemaGenerator`): no array built per case.
            out.append("],\"missing_data\":[")
            var first = true
            func flag(_ raised: Bool, _ name: StaticString) {
                guard raised else { return }
                if !first { out.append(0x2C) }
                first = false
                out.append(name)
            }
            flag(unanswered, "\"unanswered\"")
            flag(notKnown, "\"not_known\"")
            flag(unansweredRequired, "\"unanswered_required\"")
            flag(indeterminate, "\"indeterminate_indicators\"")
            flag(!evaluation.undetermined.isEmpty, "\"undetermined_outcomes\"")
            flag(!evaluation.ignored.isEmpty, "\"ignored_answers\"")
            out.append("]}")
        }
    }

    /// The count of present indicators per category and strength, leaving out every category and
    /// strength with none present (so `{}` when no indicator is present).
    static func writePresentCategories(_ present: UnsafeBufferPointer<Int>, _ f: ResultFragments, _ out: inout ByteBuffer) {
        guard !f.categoryKeys.isEmpty, !present.isEmpty else { return }
        withCategoryCounts(present, f) { counts, _ in writeCategoryMembers(counts, f, presentOnly: true, &out) }
    }
}
