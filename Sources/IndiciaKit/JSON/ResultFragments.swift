/// JSON pieces fixed by the pack, encoded once at load so writing a result is mostly copying.
/// A class, so that handing it to the writer per case costs one reference count rather than one
/// for each of its tables.
final class ResultFragments: Sendable {
    /// `"pack":{...}`
    let pack: [UInt8]
    /// Per outcome band: `"outcome":{...}`
    let outcomes: FragmentTable
    /// Per outcome band: `{"id":..,"level":..,"label":..,"missing":[` for undetermined outcomes.
    let undeterminedOpen: FragmentTable
    /// Per question: `{"question":"q","text":"...","answer":`
    let evidenceOpen: FragmentTable
    /// Per question: whether it is required.
    let required: [Bool]
    /// Per question: the id as a JSON string.
    let questionIDs: FragmentTable
    /// Per indicator: `{"id":...,"evidence":[`
    let indicatorOpen: FragmentTable
    /// Per indicator: `{"id":"..","label":"..","missing":[`
    let indeterminateOpen: FragmentTable
    /// Per recommendation: the whole object.
    let recommendations: FragmentTable
    /// Per recommendation: the object up to the end of its fixed services, and the rest, for
    /// writing a service chosen by `services_from` in between.
    let recommendationHeads: FragmentTable
    let recommendationTails: FragmentTable
    /// Per recommendation: whether it lists fixed services (so a chosen one needs a comma first).
    let recommendationHasServices: [Bool]
    /// Every service of the pack as a JSON object, by id.
    let serviceJSON: [String: [UInt8]]
    /// Per score: `"id":`
    let scoreKeys: FragmentTable
    /// Per value marked output (index into rules.values, key bytes).
    let valueKeys: [(Int, [UInt8])]
    /// Per category: `"id":`, and the strength keys.
    let categoryKeys: FragmentTable
    let strengthKeys: FragmentTable
    /// The categories object's members with every count 0, and where each count's digit is
    /// (by category × strength): most results only change a few digits.
    let categoriesTemplate: [UInt8]
    let categoryDigits: [Int]
    /// Per indicator, its slot; and the questions behind it when they do not depend on the answers
    /// (`staticEvidence[staticEvidenceStart[i]..<staticEvidenceStart[i + 1]]`), or
    /// `hasStaticEvidence[i] == false` when they are found case by case. Flat, so reading them
    /// per case copies no arrays.
    let indicatorSlots: [Int]
    let hasStaticEvidence: [Bool]
    let staticEvidenceStart: [Int]
    let staticEvidence: [Int]
    /// Cells of the categories object per category (its strengths, or 1 when the pack has none),
    /// and per indicator its cell (`category * categoryWidth + strength`), or -1 without a category.
    let categoryWidth: Int
    let indicatorCell: [Int]
    /// Every interned symbol as a JSON string, by symbol number.
    let symbolJSON: FragmentTable
    /// `"not_asked"`, `"not_known"`, `"unanswered"` by `Missing` raw value.
    let missingJSON: FragmentTable
    /// `,"disclaimer":"..."}` closing the result.
    let closing: [UInt8]
    /// Per outcome band, what the summary profile writes between the case id and the scores:
    /// `,"ok":true,"pack":{"id":..,"revision":..,"sha256":..},"outcome":{"id":..,"level":..,"urgent":..},`.
    let summaryHeads: FragmentTable
    /// Per indicator and per recommendation: the id as a JSON string.
    let indicatorIDs: FragmentTable
    let recommendationIDs: FragmentTable

    init(pack: CompiledPack) {
        let rules = pack.rules
        var out: [UInt8] = []
        func s(_ text: String) -> [UInt8] { JSONOutput.string(text) }
        let identity = pack.identity
        out = Array("\"pack\":{\"id\":".utf8) + s(identity.id) + Array(",\"revision\":".utf8) + s(identity.revision)
        out += Array(",\"questionnaire\":".utf8) + s(identity.questionnaire) + Array(",\"questionnaire_revision\":".utf8)
        out += s(identity.questionnaireRevision) + Array(",\"sha256\":".utf8) + s(identity.sha256)
        out += Array(",\"engine\":".utf8) + s(identity.engine) + [0x7D]
        self.pack = out
        let summaryPack =
            Array(",\"ok\":true,\"pack\":{\"id\":".utf8) + s(identity.id) + Array(",\"revision\":".utf8) + s(identity.revision)
            + Array(",\"sha256\":".utf8) + s(identity.sha256) + Array("},".utf8)
        summaryHeads = FragmentTable(
            rules.outcomes.map { band in
                var bytes = summaryPack + Array("\"outcome\":{\"id\":".utf8) + s(band.id) + Array(",\"level\":".utf8)
                JSONOutput.integer(band.level, to: &bytes)
                return bytes + Array(",\"urgent\":\(band.urgent)},".utf8)
            })
        indicatorIDs = FragmentTable(rules.indicators.map { s($0.id) })
        recommendationIDs = FragmentTable(rules.recommendations.map { s($0.id) })
        outcomes = FragmentTable(
            rules.outcomes.map { band in
                var bytes = Array("\"outcome\":{\"id\":".utf8) + s(band.id) + Array(",\"level\":".utf8)
                JSONOutput.integer(band.level, to: &bytes)
                bytes += Array(",\"label\":".utf8) + s(band.label)
                if let summary = band.summary { bytes += Array(",\"summary\":".utf8) + s(summary) }
                bytes += Array(",\"urgent\":\(band.urgent)}".utf8)
                return bytes
            })
        undeterminedOpen = FragmentTable(
            rules.outcomes.map { band in
                var bytes = Array("{\"id\":".utf8) + s(band.id) + Array(",\"level\":".utf8)
                JSONOutput.integer(band.level, to: &bytes)
                return bytes + Array(",\"label\":".utf8) + s(band.label) + Array(",\"missing\":[".utf8)
            })
        questionIDs = FragmentTable(pack.questionnaire.questions.map { s($0.id) })
        required = pack.questionnaire.questions.map(\.required)
        evidenceOpen = FragmentTable(
            pack.questionnaire.questions.map { question in
                Array("{\"question\":".utf8) + s(question.id) + Array(",\"text\":".utf8) + s(question.text) + Array(",\"answer\":".utf8)
            })
        indicatorOpen = FragmentTable(
            rules.indicators.map { indicator in
                var bytes = Array("{\"id\":".utf8) + s(indicator.id) + Array(",\"label\":".utf8) + s(indicator.label)
                if let category = indicator.category { bytes += Array(",\"category\":".utf8) + s(category) }
                if let strength = indicator.strength { bytes += Array(",\"strength\":".utf8) + s(strength) }
                bytes += Array(",\"weight\":".utf8)
                JSONOutput.number(indicator.weight, to: &bytes)
                if !indicator.tags.isEmpty {
                    bytes += Array(",\"tags\":[".utf8)
                    bytes += indicator.tags.map(s).joined(separator: [0x2C]) + [0x5D]
                }
                bytes += Array(",\"source\":".utf8) + (indicator.source.map(s) ?? Array("null".utf8))
                bytes += Array(",\"verified\":\(indicator.verified),\"evidence\":[".utf8)
                return bytes
            })
        indeterminateOpen = FragmentTable(
            rules.indicators.map { indicator in
                Array("{\"id\":".utf8) + s(indicator.id) + Array(",\"label\":".utf8) + s(indicator.label) + Array(",\"missing\":[".utf8)
            })
        func service(_ service: Service) -> [UInt8] {
            var bytes = Array("{\"id\":".utf8) + s(service.id) + Array(",\"name\":".utf8) + s(service.name)
            if let phone = service.phone { bytes += Array(",\"phone\":".utf8) + s(phone) }
            if let url = service.url { bytes += Array(",\"url\":".utf8) + s(url) }
            if let email = service.email { bytes += Array(",\"email\":".utf8) + s(email) }
            if let description = service.description { bytes += Array(",\"description\":".utf8) + s(description) }
            bytes += Array(",\"scope\":".utf8) + s(service.scope) + Array(",\"verified\":\(service.verified)".utf8)
            if let checked = service.checked { bytes += Array(",\"checked\":".utf8) + s(CalendarDate.iso(fromDays: checked)) }
            return bytes + [0x7D]
        }
        var heads: [[UInt8]] = []
        var tails: [[UInt8]] = []
        var hasServices: [Bool] = []
        for recommendation in rules.recommendations {
            var head = Array("{\"id\":".utf8) + s(recommendation.id) + Array(",\"text\":".utf8) + s(recommendation.text)
            head += Array(",\"services\":[".utf8)
            let fixed = recommendation.services.compactMap { pack.services[$0] }
            head += fixed.map(service).joined(separator: [0x2C])
            heads.append(head)
            hasServices.append(!fixed.isEmpty)
            var tail = Array("],\"source\":".utf8) + (recommendation.source.map(s) ?? Array("null".utf8))
            tail += Array(",\"verified\":\(recommendation.verified)}".utf8)
            tails.append(tail)
        }
        recommendations = FragmentTable(zip(heads, tails).map { $0 + $1 })
        recommendationHeads = FragmentTable(heads)
        recommendationTails = FragmentTable(tails)
        recommendationHasServices = hasServices
        serviceJSON = pack.services.mapValues(service)
        scoreKeys = FragmentTable(rules.scores.map { s($0.id) + [0x3A] })
        valueKeys = rules.values.enumerated().filter { $0.element.output }.map { ($0.offset, s($0.element.id) + [0x3A]) }
        categoryKeys = FragmentTable(rules.categories.map { s($0.id) + [0x3A] })
        strengthKeys = FragmentTable(rules.strengths.map { s($0.id) + [0x3A] })
        var template: [UInt8] = []
        var digits: [Int] = []
        for c in rules.categories.indices {
            if c > 0 { template.append(0x2C) }
            template += s(rules.categories[c].id) + [0x3A]
            if rules.strengths.isEmpty {
                digits.append(template.count)
                template.append(0x30)
                continue
            }
            template.append(0x7B)
            for n in rules.strengths.indices {
                if n > 0 { template.append(0x2C) }
                template += s(rules.strengths[n].id) + [0x3A]
                digits.append(template.count)
                template.append(0x30)
            }
            template.append(0x7D)
        }
        categoriesTemplate = template
        categoryDigits = digits
        indicatorSlots = pack.indicatorSlots
        hasStaticEvidence = pack.staticEvidence.map { $0 != nil }
        var evidenceStart = [0]
        var evidence: [Int] = []
        for questions in pack.staticEvidence {
            evidence += questions ?? []
            evidenceStart.append(evidence.count)
        }
        staticEvidenceStart = evidenceStart
        staticEvidence = evidence
        let width = max(1, rules.strengths.count)
        categoryWidth = width
        indicatorCell = rules.indicators.map { indicator in
            guard let category = rules.categories.firstIndex(where: { $0.id == indicator.category }) else { return -1 }
            return category * width + (rules.strengths.firstIndex { $0.id == indicator.strength } ?? 0)
        }
        symbolJSON = FragmentTable(pack.symbols.names.map(s))
        missingJSON = FragmentTable([Missing.notAsked, .notKnown, .unanswered].map { s($0.identifier) })
        var closing = Array(",\"disclaimer\":".utf8)
        closing += rules.disclaimer.map(s) ?? Array("null".utf8)
        closing.append(0x7D)
        self.closing = closing
    }
}
