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
            // One pass over the indicators: which are present (in pack order), whether any is
            // undecided, and the count per category and strength.
            let indicatorCount = f.indicatorSlots.count
            let cellCount = f.categoryKeys.count * f.categoryWidth
            var indeterminate = false
            withUnsafeTemporaryAllocation(of: Int.self, capacity: indicatorCount + cellCount + 1) { scratch in
                guard let found = scratch.baseAddress else { return }
                let counts = found + indicatorCount
                counts.initialize(repeating: 0, count: cellCount)
                var fired = 0
                f.indicatorSlots.withUnsafeBufferPointer { indicatorSlots in
                    f.indicatorCell.withUnsafeBufferPointer { cellOf in
                        for indicator in 0..<indicatorCount {
                            switch slots[indicatorSlots[indicator]] {
                            case .bool(true):
                                found[fired] = indicator
                                fired &+= 1
                                let cell = cellOf[indicator]
                                if cell >= 0 { counts[cell] &+= 1 }
                            case .missing(let reason) where reason != .notAsked:
                                indeterminate = true
                            default:
                                break
                            }
                        }
                    }
                }
                out.append("},\"categories\":{")
                if fired > 0 {
                    writeCategoryMembers(UnsafeMutableBufferPointer(start: counts, count: cellCount), f, presentOnly: true, &out)
                }
                out.append("},\"indicators\":[")
                for n in 0..<fired {
                    if n > 0 { out.append(0x2C) }
                    f.indicatorIDs.append(found[n], to: &out)
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
}
