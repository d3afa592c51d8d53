extension FHIRResponseDecoder {
    /// Reads a response's `item` list straight from its bytes into `evaluation`, without building the
    /// JSON tree, when it has the shape a forms renderer writes; answers false otherwise.
    ///
    /// Invariant (docs/internals.md, "QuestionnaireResponse fast path"): when this answers true, the
    /// slots and texts it wrote are exactly what ``readItems`` would write for the same `item` value,
    /// and ``readItems`` would not have failed. It answers false, leaving `scanner` anywhere, for
    /// anything it does not handle itself (escapes, members other than `linkId`, `item`, `answer`,
    /// `text`, `id` and `definition`, `linkId` after the item's other members, duplicates, malformed JSON,
    /// and every answer the general reader would refuse); the caller then reads the same bytes
    /// the general way, which finds the same answers or reports the problem.
    ///
    /// - Parameters:
    ///   - scanner: At the `item` value.
    ///   - runtime: The pack the response answers (its questionnaire already checked).
    ///   - limits: Per-record limits.
    ///   - evaluation: Prepared here, then filled in.
    /// - Returns: Whether the items were read (and the scanner is just after them).
    static func readCompactItems(
        _ scanner: inout JSONScanner, runtime: PackRuntime, limits: CaseLimits, into evaluation: inout Evaluation
    ) -> Bool {
        runtime.prepare(&evaluation)
        var reader = CompactReader(runtime: runtime, limits: limits)
        do throws(CaseError) {
            return try reader.items(&scanner, into: &evaluation)
        } catch {
            return false
        }
    }

    /// The state of one compact read: which groups and questions were seen, how many answered.
    private struct CompactReader {
        let runtime: PackRuntime
        let limits: CaseLimits
        var seenGroups: UInt64 = 0
        var answered: [Bool]
        var count = 0
        /// The question after the last one read: answers usually come in questionnaire order.
        var hint = 0

        init(runtime: PackRuntime, limits: CaseLimits) {
            self.runtime = runtime
            self.limits = limits
            answered = Array(repeating: false, count: runtime.specs.count)
        }

        /// The members an item may have here (each at most once); anything else is read the general way.
        enum Member: UInt8 {
            case linkId = 1
            case item = 2
            case answer = 4
            case text = 8
            case id = 16
            case definition = 32
        }

        /// The next member name, if it is one of ``Member`` written without escapes.
        func member(_ scanner: inout JSONScanner) throws(CaseError) -> Member? {
            scanner.skipWhitespace()
            let key = try scanner.readString(path: "")
            guard !key.hasEscapes else { return nil }
            try scanner.expect(0x3A, "':'", path: "")
            scanner.skipWhitespace()
            let name = scanner.slice(key)
            if CaseDecoder.equals(name, "linkId") { return .linkId }
            if CaseDecoder.equals(name, "item") { return .item }
            if CaseDecoder.equals(name, "answer") { return .answer }
            if CaseDecoder.equals(name, "text") { return .text }
            if CaseDecoder.equals(name, "id") { return .id }
            if CaseDecoder.equals(name, "definition") { return .definition }
            return nil
        }

        /// A string value without escapes (so already checked as UTF-8 by the scanner).
        func plainString(_ scanner: inout JSONScanner) throws(CaseError) -> UnsafeBufferPointer<UInt8>? {
            guard scanner.peek == 0x22 else { return nil }
            let token = try scanner.readString(path: "")
            return token.hasEscapes ? nil : scanner.slice(token)
        }

        /// Opens a list; answers nil if it is not a list, false if it is empty (and closed).
        func open(_ scanner: inout JSONScanner, _ bracket: UInt8) -> Bool? {
            scanner.skipWhitespace()
            guard scanner.peek == bracket else { return nil }
            scanner.position += 1
            scanner.skipWhitespace()
            if scanner.peek == bracket + 2 {
                scanner.position += 1
                return false
            }
            return true
        }

        mutating func items(_ scanner: inout JSONScanner, into evaluation: inout Evaluation) throws(CaseError) -> Bool {
            guard let any = open(&scanner, 0x5B) else { return false }
            guard any else { return true }
            repeat {
                guard try group(&scanner, into: &evaluation) else { return false }
            } while try scanner.another(closing: 0x5D, path: "")
            return true
        }

        /// `{"linkId": section, "item": [questions]}`, with `text`, `id` or `definition` strings anywhere after the linkId.
        mutating func group(_ scanner: inout JSONScanner, into evaluation: inout Evaluation) throws(CaseError) -> Bool {
            guard open(&scanner, 0x7B) == true, try member(&scanner) == .linkId, let link = try plainString(&scanner),
                let section = runtime.fhir.section(link), section < 64
            else { return false }
            guard seenGroups & (1 << UInt64(section)) == 0 else { return false }
            seenGroups |= 1 << UInt64(section)
            var seen = Member.linkId.rawValue
            while try scanner.another(closing: 0x7D, path: "") {
                guard let name = try member(&scanner), seen & name.rawValue == 0 else { return false }
                seen |= name.rawValue
                switch name {
                case .item:
                    guard let any = open(&scanner, 0x5B) else { return false }
                    guard any else { continue }
                    repeat {
                        guard try question(&scanner, section: section, into: &evaluation) else { return false }
                    } while try scanner.another(closing: 0x5D, path: "")
                case .text, .id, .definition:
                    guard try plainString(&scanner) != nil else { return false }
                case .linkId, .answer:
                    return false
                }
            }
            return true
        }

        /// `{"linkId": question, "answer": [answers]}`, with `text`, `id` or `definition` strings anywhere after the linkId.
        mutating func question(_ scanner: inout JSONScanner, section: Int, into evaluation: inout Evaluation) throws(CaseError) -> Bool {
            guard open(&scanner, 0x7B) == true, try member(&scanner) == .linkId, let link = try plainString(&scanner),
                let index = runtime.keys.find(link, hint: hint), runtime.fhir.questionSection[index] == section, !answered[index]
            else { return false }
            answered[index] = true
            hint = index + 1
            var seen = Member.linkId.rawValue
            while try scanner.another(closing: 0x7D, path: "") {
                guard let name = try member(&scanner), seen & name.rawValue == 0 else { return false }
                seen |= name.rawValue
                switch name {
                case .answer:
                    guard let any = open(&scanner, 0x5B) else { return false }
                    guard any else { continue }
                    count += 1
                    guard count <= limits.maxAnswers, let value = try answers(&scanner, index: index, texts: &evaluation.texts) else {
                        return false
                    }
                    evaluation.slots[index] = value
                case .text, .id, .definition:
                    guard try plainString(&scanner) != nil else { return false }
                case .linkId, .item:
                    return false
                }
            }
            return true
        }

        /// The answers of one question (the list already open and not empty), as ``readAnswers`` reads them.
        mutating func answers(_ scanner: inout JSONScanner, index: Int, texts: inout [Int: String]) throws(CaseError) -> Value? {
            let spec = runtime.specs[index]
            var bits: UInt64 = 0
            var multipleNotKnown = false
            var result: Value?
            repeat {
                // One answer, and only multiple-choice questions take more.
                guard result == nil, open(&scanner, 0x7B) == true else { return nil }
                scanner.skipWhitespace()
                let key = try scanner.readString(path: "")
                guard !key.hasEscapes else { return nil }
                try scanner.expect(0x3A, "':'", path: "")
                scanner.skipWhitespace()
                let name = scanner.slice(key)
                if CaseDecoder.equals(name, "valueCoding") {
                    guard let (system, code) = try coding(&scanner) else { return nil }
                    if CaseDecoder.equals(code, "UNK"), let system, CaseDecoder.equals(system, FHIRResponseDecoder.nullFlavorBytes) {
                        guard spec.allowsNotKnown else { return nil }
                        if spec.kind == .multipleChoice {
                            multipleNotKnown = true
                        } else {
                            result = .missing(.notKnown)
                        }
                    } else {
                        switch spec.kind {
                        case .yesNo where spec.allowsNotKnown:
                            guard system.map({ CaseDecoder.equals($0, FHIRResponseDecoder.yesNoBytes) }) ?? true else { return nil }
                            if CaseDecoder.equals(code, "Y") {
                                result = .bool(true)
                            } else if CaseDecoder.equals(code, "N") {
                                result = .bool(false)
                            } else {
                                return nil
                            }
                        case .singleChoice, .multipleChoice:
                            guard system.map({ CaseDecoder.equals($0, runtime.fhir.choiceSystems[index]) }) ?? true else { return nil }
                            let choices = runtime.choiceBytes[index]
                            guard let choice = choices.firstIndex(where: { CaseDecoder.equals(code, $0) }) else { return nil }
                            if spec.kind == .singleChoice {
                                result = .symbol(runtime.pack.choiceSymbols[index][choice])
                            } else {
                                let bit = UInt64(1) << UInt64(choice)
                                guard bits & bit == 0 else { return nil }
                                bits |= bit
                            }
                        default:
                            return nil
                        }
                    }
                } else if CaseDecoder.equals(name, "valueBoolean") {
                    guard spec.kind == .yesNo, !spec.allowsNotKnown, let flag = try scanner.readLiteral(path: "") else { return nil }
                    result = .bool(flag)
                } else if CaseDecoder.equals(name, "valueInteger") || CaseDecoder.equals(name, "valueDecimal") {
                    let integer = CaseDecoder.equals(name, "valueInteger")
                    guard spec.kind == (integer ? .integer : .decimal), scanner.peek == 0x2D || (scanner.peek >= 0x30 && scanner.peek <= 0x39),
                        let x = try scanner.readNumber(path: ""), !integer || x == x.rounded(), x >= spec.min, x <= spec.max
                    else { return nil }
                    result = .number(x)
                } else if CaseDecoder.equals(name, "valueDate") {
                    guard spec.kind == .date, let text = try plainString(&scanner),
                        let days = CalendarDate.days(fromISO: String(decoding: text, as: UTF8.self))
                    else { return nil }
                    result = .date(days)
                } else if CaseDecoder.equals(name, "valueString") {
                    guard spec.kind == .text, let bytes = try plainString(&scanner) else { return nil }
                    let text = String(decoding: bytes, as: UTF8.self)
                    guard text.count <= spec.maxLength else { return nil }
                    texts[index] = text
                    result = .text
                } else {
                    return nil
                }
                // The answer object has its value[x] only.
                scanner.skipWhitespace()
                guard scanner.peek == 0x7D else { return nil }
                scanner.position += 1
            } while try scanner.another(closing: 0x5D, path: "")
            if let result { return result }
            if multipleNotKnown { return bits == 0 ? .missing(.notKnown) : nil }
            return .choices(bits)
        }

        /// A Coding with a `code` and, at most once each, `system` and `display` (plain strings).
        func coding(_ scanner: inout JSONScanner) throws(CaseError) -> (system: UnsafeBufferPointer<UInt8>?, code: UnsafeBufferPointer<UInt8>)? {
            guard open(&scanner, 0x7B) == true else { return nil }
            var system: UnsafeBufferPointer<UInt8>?
            var code: UnsafeBufferPointer<UInt8>?
            var display = false
            repeat {
                scanner.skipWhitespace()
                let key = try scanner.readString(path: "")
                guard !key.hasEscapes else { return nil }
                try scanner.expect(0x3A, "':'", path: "")
                scanner.skipWhitespace()
                let name = scanner.slice(key)
                guard let value = try plainString(&scanner) else { return nil }
                if CaseDecoder.equals(name, "code"), code == nil {
                    code = value
                } else if CaseDecoder.equals(name, "system"), system == nil {
                    system = value
                } else if CaseDecoder.equals(name, "display"), !display {
                    display = true
                } else {
                    return nil
                }
            } while try scanner.another(closing: 0x7D, path: "")
            guard let code else { return nil }
            return (system, code)
        }
    }

    static let nullFlavorBytes = Array(FHIRCodes.nullFlavorSystem.utf8)
    static let yesNoBytes = Array(FHIRCodes.yesNoSystem.utf8)
}
