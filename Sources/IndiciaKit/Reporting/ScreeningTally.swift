/// Counts one screening pack's results as they stream past, in memory that does not grow with the
/// number of results, and turns the counts into ``ScreeningStatistics``.
struct ScreeningTally: Sendable {
    let pack: ReportPack
    /// Inclusive day numbers (days since 1970-01-01) of the period, if limited.
    let from: Int?
    let to: Int?

    private var dateKey: [UInt8] = []
    private var areaKey: [UInt8] = []
    private var organisationKey: [UInt8] = []
    private var actionKey: [UInt8] = []
    private var typeKeys: [[UInt8]] = []
    private var areaIDs: [[UInt8]] = []
    private var organisationIDs: [[UInt8]] = []
    private var actionIDs: [[UInt8]] = []
    private var indicatorIDs: [[UInt8]] = []
    /// Each outcome id (as bytes) with the index of its level-of-concern band.
    private var bandIDs: [(outcome: [UInt8], band: Int)] = []

    private(set) var total = 0
    /// Quarter (year * 4 + quarter - 1, or -1 when not known) → counts by band (the last is "other").
    var byQuarter: [Int: [Int]] = [:]
    /// [area][0] total, [area][1 + type] with that type (the last area is "not known").
    var byArea: [[Int]]
    var byOrganisation: [Int]
    var byAction: [Int]
    var byIndicator: [Int]
    /// Professional judgement: raised the level, recorded without raising it, none, not known.
    var byJudgement = [0, 0, 0, 0]
    private var lastDay = Int.min
    private var lastQuarter = -1
    private(set) var undatedLeftOut = 0
    private(set) var outsidePeriod = 0

    init(pack: ReportPack, from: Int?, to: Int?) {
        self.pack = pack
        self.from = from
        self.to = to
        let conventions = pack.conventions
        dateKey = Array((conventions.date ?? "").utf8)
        areaKey = Array((conventions.area?.value ?? "").utf8)
        organisationKey = Array((conventions.organisation?.value ?? "").utf8)
        actionKey = Array((conventions.action?.value ?? "").utf8)
        typeKeys = pack.types.map { Array($0.id.utf8) }
        areaIDs = pack.areas.map { Array($0.id.utf8) }
        organisationIDs = pack.organisations.map { Array($0.id.utf8) }
        actionIDs = pack.actions.map { Array($0.id.utf8) }
        indicatorIDs = pack.indicators.map { Array($0.id.utf8) }
        bandIDs = pack.bandOfOutcome.map { (Array($0.key.utf8), $0.value) }
        byArea = Array(repeating: Array(repeating: 0, count: 1 + pack.types.count), count: pack.areas.count + 1)
        byOrganisation = Array(repeating: 0, count: pack.organisations.count + 1)
        byAction = Array(repeating: 0, count: pack.actions.count + 1)
        byIndicator = Array(repeating: 0, count: pack.indicators.count)
    }

    /// Counts one screening result.
    mutating func add(_ digest: ResultDigest, in bytes: UnsafeBufferPointer<UInt8>) throws(CaseError) {
        var day: Int?
        var area = areaIDs.count
        var organisation = organisationIDs.count
        var action = actionIDs.count
        var types = [Bool](repeating: false, count: typeKeys.count)
        if let range = digest.values {
            var scanner = JSONScanner(UnsafeBufferPointer(rebasing: bytes[range]))
            try ResultDigest.forEachMember(&scanner) { (key, scanner) throws(CaseError) in
                if scanner.peek == 0x22 {
                    let isDate = ResultDigest.same(key, dateKey)
                    let isArea = !isDate && ResultDigest.same(key, areaKey)
                    let isOrganisation = !isDate && !isArea && ResultDigest.same(key, organisationKey)
                    let isAction = !isDate && !isArea && !isOrganisation && ResultDigest.same(key, actionKey)
                    guard isDate || isArea || isOrganisation || isAction else {
                        try ResultDigest.skipString(&scanner)
                        return
                    }
                    let text = try ResultDigest.text(&scanner)
                    if isDate {
                        day = Self.day(text)
                    } else if isArea {
                        area = areaIDs.firstIndex(of: text) ?? areaIDs.count
                    } else if isOrganisation {
                        organisation = organisationIDs.firstIndex(of: text) ?? organisationIDs.count
                    } else {
                        action = actionIDs.firstIndex(of: text) ?? actionIDs.count
                    }
                } else if scanner.peek == 0x74 || scanner.peek == 0x66 || scanner.peek == 0x6E {
                    let flag = try scanner.readLiteral(path: "")
                    if flag == true, let index = typeKeys.firstIndex(where: { ResultDigest.same(key, $0) }) { types[index] = true }
                } else {
                    try ResultDigest.skip(&scanner)
                }
            }
        }
        if from != nil || to != nil {
            guard let day else {
                undatedLeftOut += 1
                return
            }
            if let from, day < from {
                outsidePeriod += 1
                return
            }
            if let to, day > to {
                outsidePeriod += 1
                return
            }
        }
        if let range = digest.indicators {
            var scanner = JSONScanner(UnsafeBufferPointer(rebasing: bytes[range]))
            try scanner.expect(0x5B, "'['", path: "")
            scanner.skipWhitespace()
            if scanner.peek == 0x5D {
                scanner.position += 1
            } else {
                repeat {
                    scanner.skipWhitespace()
                    if scanner.peek == 0x7B {
                        try ResultDigest.forEachMember(&scanner) { (key, scanner) throws(CaseError) in
                            if ResultDigest.same(key, "id"), scanner.peek == 0x22 {
                                let token = try scanner.readString(path: "")
                                if token.hasEscapes {
                                    let id = try scanner.decodeBytes(token, path: "")
                                    if let index = indicatorIDs.firstIndex(of: id) { byIndicator[index] += 1 }
                                } else {
                                    let id = scanner.slice(token)
                                    if let index = indicatorIDs.firstIndex(where: { ResultDigest.same(id, $0) }) { byIndicator[index] += 1 }
                                }
                            } else {
                                try ResultDigest.skip(&scanner)
                            }
                        }
                    } else if scanner.peek == 0x22 {
                        // A summary result (`--result summary`) lists the indicators' ids alone.
                        let id = try ResultDigest.text(&scanner)
                        if let index = indicatorIDs.firstIndex(of: id) { byIndicator[index] += 1 }
                    } else {
                        try ResultDigest.skip(&scanner)
                    }
                } while try scanner.another(closing: 0x5D, path: "")
            }
        }
        total += 1
        let quarter: Int
        if let day {
            if day != lastDay {
                lastDay = day
                lastQuarter = Self.quarter(ofDay: day)
            }
            quarter = lastQuarter
        } else {
            quarter = -1
        }
        let band = digest.outcomeID.flatMap { id in bandIDs.first { $0.outcome == id }?.band } ?? pack.bands.count
        byQuarter[quarter, default: Array(repeating: 0, count: pack.bands.count + 1)][band] += 1
        byArea[area][0] += 1
        for (index, flag) in types.enumerated() where flag { byArea[area][1 + index] += 1 }
        byOrganisation[organisation] += 1
        byAction[action] += 1
        switch digest.judgement {
        case .raised?: byJudgement[0] += 1
        case .notRaised?: byJudgement[1] += 1
        case .none?: byJudgement[2] += 1
        case nil: byJudgement[3] += 1
        }
    }

    /// Adds another tally of the same pack and period (``NetworkReportBuilder/merge(_:)``).
    mutating func merge(_ other: ScreeningTally) {
        total += other.total
        for (quarter, counts) in other.byQuarter {
            var merged = byQuarter[quarter] ?? Array(repeating: 0, count: counts.count)
            for index in counts.indices { merged[index] += counts[index] }
            byQuarter[quarter] = merged
        }
        for area in byArea.indices {
            for column in byArea[area].indices { byArea[area][column] += other.byArea[area][column] }
        }
        for index in byOrganisation.indices { byOrganisation[index] += other.byOrganisation[index] }
        for index in byAction.indices { byAction[index] += other.byAction[index] }
        for index in byIndicator.indices { byIndicator[index] += other.byIndicator[index] }
        for index in byJudgement.indices { byJudgement[index] += other.byJudgement[index] }
        undatedLeftOut += other.undatedLeftOut
        outsidePeriod += other.outsidePeriod
    }

    /// Days since 1970-01-01 of a `YYYY-MM-DD` date, or nil.
    static func day(_ text: [UInt8]) -> Int? {
        guard text.count == 10, text[4] == 0x2D, text[7] == 0x2D else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            var n = 0
            for i in range {
                guard text[i] >= 0x30 && text[i] <= 0x39 else { return nil }
                n = n * 10 + Int(text[i] - 0x30)
            }
            return n
        }
        guard let year = number(0..<4), let month = number(5..<7), let dayOfMonth = number(8..<10), (1...12).contains(month),
            dayOfMonth >= 1, dayOfMonth <= CalendarDate.daysInMonth(year: year, month: month)
        else { return nil }
        return CalendarDate.daysFromCivil(year: year, month: month, day: dayOfMonth)
    }

    /// The quarter key (year * 4 + quarter - 1) of a day number.
    static func quarter(ofDay day: Int) -> Int {
        let iso = CalendarDate.iso(fromDays: Int32(clamping: day))
        let bytes = Array(iso.utf8)
        var year = 0
        for b in bytes.prefix(4) { year = year * 10 + Int(b - 0x30) }
        let month = Int(bytes[5] - 0x30) * 10 + Int(bytes[6] - 0x30)
        return year * 4 + (month - 1) / 3
    }

    static func quarterID(_ key: Int) -> String { "\(key / 4)-Q\(key % 4 + 1)" }

    static func quarterLabel(_ key: Int) -> String {
        ["Jan–Mar", "Apr–Jun", "Jul–Sep", "Oct–Dec"][key % 4] + " \(key / 4)"
    }
}
