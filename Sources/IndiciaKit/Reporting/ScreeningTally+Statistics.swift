extension ScreeningTally {
    /// The published tables over everything counted, with disclosure control applied.
    ///
    /// - Parameters:
    ///   - threshold: Counts from 1 to `threshold - 1` are hidden, with whatever would reveal them.
    ///   - fromText: The start of the period as given, for the heading.
    ///   - toText: The end of the period as given.
    /// - Returns: The statistics.
    func statistics(threshold: Int, fromText: String?, toText: String?) -> ScreeningStatistics {
        typealias Heading = ScreeningStatistics.Heading
        typealias Label = ReportPack.Label
        let notKnown = Label(id: "not_known", label: "Not known")
        // Quarters: every quarter of the period (or from the first to the last seen), so a quarter
        // with no screenings shows as 0 in the trend.
        let dated = byQuarter.keys.filter { $0 >= 0 }
        let first = from.map { Self.quarter(ofDay: $0) } ?? dated.min()
        let last = to.map { Self.quarter(ofDay: $0) } ?? dated.max()
        var quarters: [Label] = []
        if let first, let last, first <= last, last - first < 400 {
            quarters = (first...last).map { Label(id: Self.quarterID($0), label: Self.quarterLabel($0)) }
        }
        var quarterKeys = quarters.isEmpty ? [] : Array((first ?? 0)...(last ?? 0))
        if from == nil && to == nil {
            quarters.append(notKnown)
            quarterKeys.append(-1)
        }
        var bands = pack.bands.map { Label(id: $0.id, label: $0.label) }
        let otherBand = byQuarter.values.reduce(0) { $0 + $1[pack.bands.count] }
        if otherBand > 0 { bands.append(Label(id: "other", label: "Other (a band this revision of the pack does not have)")) }
        let areas = pack.areas + [notKnown]
        let organisations = pack.organisations + [notKnown]
        let actions = pack.actions + [notKnown]
        let nrm = Set(pack.conventions.nrmActions)
        let notReferred = pack.actions.filter { !nrm.contains($0.id) }.map(\.id)
        let yesNo = [Label(id: "yes", label: "Yes"), Label(id: "no", label: "No")]

        var dimensions: [ScreeningStatistics.Dimension] = [
            .init(id: "quarter", title: "Quarter", categories: quarters, groups: []),
            .init(id: "level", title: "Level of concern", categories: bands, groups: []),
        ]
        // The place's heading is the pack's (a region other than a council area names its own).
        let areaTitle = pack.conventions.area?.title ?? "Council area"
        if pack.conventions.area != nil { dimensions.append(.init(id: "area", title: areaTitle, categories: areas, groups: [])) }
        for type in pack.types { dimensions.append(.init(id: type.id, title: type.label, categories: yesNo, groups: [])) }
        if pack.conventions.organisation != nil {
            dimensions.append(.init(id: "organisation", title: "Worker's organisation", categories: organisations, groups: []))
        }
        if pack.conventions.action != nil {
            dimensions.append(
                .init(
                    id: "action", title: "Action taken", categories: actions,
                    groups: nrm.isEmpty ? [] : [("not_referred", "Not referred into the NRM (every known action but a referral)", notReferred)]))
        }
        let judgements = [
            Label(id: "raised", label: "The worker's judgement raised the level of concern"),
            Label(id: "not_raised", label: "A judgement was recorded; it did not change the level"),
            Label(id: "none", label: "No judgement recorded"),
            notKnown,
        ]
        dimensions.append(.init(id: "judgement", title: "Professional judgement", categories: judgements, groups: []))
        for indicator in pack.indicators {
            dimensions.append(.init(id: "indicator_" + indicator.id, title: indicator.label, categories: yesNo, groups: []))
        }

        // Every count, once, keyed by the categories it fixes.
        var control = DisclosureControl()
        var cells: [String: Int] = [:]
        func key(_ coordinates: [(String, String)]) -> String {
            coordinates.sorted { $0.0 < $1.0 }.map { "\($0.0)=\($0.1)" }.joined(separator: ";")
        }
        func cell(_ coordinates: [(String, String)], _ value: Int, shown: Bool = true) -> Int {
            let k = key(coordinates)
            if let existing = cells[k] {
                if shown { control.show(existing) }
                return existing
            }
            let index = control.add(value, shown: shown)
            cells[k] = index
            return index
        }
        var tables: [(ScreeningStatistics.Table, [[Int]])] = []
        func table(_ id: String, _ title: String, _ rowTitle: String, _ rows: [Heading], _ columns: [Heading], _ value: (Int, Int) -> Int)
            -> [[Int]]
        {
            var indices: [[Int]] = []
            for (r, row) in rows.enumerated() {
                indices.append(
                    columns.indices.map { c in
                        cell(
                            row.coordinates.map { ($0.dimension, $0.category) } + columns[c].coordinates.map { ($0.dimension, $0.category) },
                            value(r, c))
                    })
            }
            tables.append((ScreeningStatistics.Table(id: id, title: title, rowTitle: rowTitle, rows: rows, columns: columns, counts: []), indices))
            return indices
        }
        func heading(_ label: String, _ coordinates: (String, String)...) -> Heading {
            Heading(label: label, coordinates: coordinates.map { (dimension: $0.0, category: $0.1) })
        }

        // 1. Level of concern by quarter (the trend).
        let grand = cell([], total)
        let bandCount = bands.count
        let quarterCounts: [[Int]] = quarterKeys.map { q in
            let counts = byQuarter[q] ?? Array(repeating: 0, count: pack.bands.count + 1)
            return Array(counts.prefix(bandCount))
        }
        let levelTotals = (0..<bandCount).map { b in quarterCounts.reduce(0) { $0 + $1[b] } }
        let t1 = table(
            "quarter_level", "Screenings by quarter and level of concern", "Quarter",
            quarters.map { heading($0.label, ("quarter", $0.id)) } + [heading("All quarters")],
            bands.map { heading($0.label, ("level", $0.id)) } + [heading("All levels")]
        ) { r, c in
            let isTotalRow = r == quarters.count
            let isTotalColumn = c == bandCount
            switch (isTotalRow, isTotalColumn) {
            case (false, false): return quarterCounts[r][c]
            case (false, true): return quarterCounts[r].reduce(0, +)
            case (true, false): return levelTotals[c]
            case (true, true): return quarterCounts.reduce(0) { $0 + $1.reduce(0, +) }
            }
        }
        for r in quarters.indices { control.addEquation(parts: Array(t1[r].prefix(bandCount)), total: t1[r][bandCount]) }
        for c in 0...bandCount { control.addEquation(parts: quarters.indices.map { t1[$0][c] }, total: t1[quarters.count][c]) }

        // 2. Place (council area) by type of exploitation (types are not exclusive: each is yes or no).
        if pack.conventions.area != nil {
            let t2 = table(
                "area_type", "Screenings by \(areaTitle.lowercased()) and type of exploitation indicated", areaTitle,
                areas.map { heading($0.label, ("area", $0.id)) } + [heading("All areas")],
                [heading("Screenings")] + pack.types.map { heading($0.label, ($0.id, "yes")) }
            ) { r, c in
                r < areas.count ? byArea[r][c] : byArea.reduce(0) { $0 + $1[c] }
            }
            control.addEquation(parts: areas.indices.map { t2[$0][0] }, total: t2[areas.count][0])
            for (t, type) in pack.types.enumerated() {
                var noCells: [Int] = []
                for (r, area) in areas.enumerated() {
                    let no = cell([("area", area.id), (type.id, "no")], byArea[r][0] - byArea[r][1 + t], shown: false)
                    noCells.append(no)
                    control.addEquation(parts: [t2[r][1 + t], no], total: t2[r][0])
                }
                let yesTotal = t2[areas.count][1 + t]
                let noTotal = cell([(type.id, "no")], total - byArea.reduce(0) { $0 + $1[1 + t] }, shown: false)
                control.addEquation(parts: areas.indices.map { t2[$0][1 + t] }, total: yesTotal)
                control.addEquation(parts: noCells, total: noTotal)
                control.addEquation(parts: [yesTotal, noTotal], total: grand)
            }
        }

        // 3. Worker's organisation.
        if pack.conventions.organisation != nil {
            let t3 = table(
                "organisation", "Screenings by the worker's organisation", "Organisation",
                organisations.map { heading($0.label, ("organisation", $0.id)) } + [heading("All organisations")], [heading("Screenings")]
            ) { r, _ in r < organisations.count ? byOrganisation[r] : total }
            control.addEquation(parts: organisations.indices.map { t3[$0][0] }, total: t3[organisations.count][0])
        }

        // 4. Action taken, with everyone not referred into the NRM.
        if pack.conventions.action != nil {
            var rows = actions.map { heading($0.label, ("action", $0.id)) }
            if !nrm.isEmpty { rows.append(heading("Not referred into the NRM (every known action but a referral)", ("action", "not_referred"))) }
            rows.append(heading("All screenings"))
            let notReferredCount = pack.actions.indices.filter { !nrm.contains(pack.actions[$0].id) }.reduce(0) { $0 + byAction[$1] }
            let t4 = table("action", "What the worker did", "Action taken", rows, [heading("Screenings")]) { r, _ in
                if r < actions.count { return byAction[r] }
                return r == actions.count && !nrm.isEmpty ? notReferredCount : total
            }
            control.addEquation(parts: actions.indices.map { t4[$0][0] }, total: t4[rows.count - 1][0])
            if !nrm.isEmpty {
                let members = pack.actions.indices.filter { !nrm.contains(pack.actions[$0].id) }.map { t4[$0][0] }
                control.addEquation(parts: members, total: t4[actions.count][0])
            }
        }

        // 5. Professional judgement (results from before it existed: not known).
        let t6 = table(
            "judgement", "Professional judgement", "Judgement",
            judgements.map { heading($0.label, ("judgement", $0.id)) } + [heading("All screenings")], [heading("Screenings")]
        ) { r, _ in r < judgements.count ? byJudgement[r] : total }
        control.addEquation(parts: judgements.indices.map { t6[$0][0] }, total: t6[judgements.count][0])

        // 6. Indicators present (each is present or not).
        if !pack.indicators.isEmpty {
            let t5 = table(
                "indicator", "Screenings with each indicator present", "Indicator",
                pack.indicators.map { heading($0.label, ("indicator_" + $0.id, "yes")) } + [heading("All screenings")], [heading("Screenings")]
            ) { r, _ in r < pack.indicators.count ? byIndicator[r] : total }
            for (r, indicator) in pack.indicators.enumerated() {
                let no = cell([("indicator_" + indicator.id, "no")], total - byIndicator[r], shown: false)
                control.addEquation(parts: [t5[r][0], no], total: grand)
            }
        }

        let hidden = control.suppress(threshold: threshold)
        let published = tables.map { entry -> ScreeningStatistics.Table in
            var table = entry.0
            table.counts = entry.1.map { row in row.map { hidden.contains($0) ? nil : control.values[$0] } }
            return table
        }
        return ScreeningStatistics(
            title: pack.title, screenings: hidden.contains(grand) ? nil : total, threshold: threshold, from: fromText, to: toText,
            dimensions: dimensions, tables: published, undatedLeftOut: undatedLeftOut, outsidePeriod: outsidePeriod)
    }
}
