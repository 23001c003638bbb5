import PDFLayout
import TableLayout

/// Turns reconstructed tables into the report's sections, recording provenance. A section
/// whose caption is absent, or whose table holds no rows, is added to `missing`.
enum SectionReaders {
    static func drivers(_ doc: DocumentLayout, into r: inout Report, prov: inout ProvenanceRecorder, missing: inout [String]) {
        guard let (_, t) = SectionLocator.read(SectionLocator.drivers, in: doc, { r in
            KeyValueTableParser.parse(r).flatMap { $0.rows.isEmpty ? nil : $0 }
        }) else { missing.append("drivers"); return }
        var d = Drivers()
        for (i, row) in t.rows.enumerated() {
            d.rows.append(DriverRow(group: row.group, driver: row.label, days: row.value.flatMap { NumberText.parseDays($0.text) }))
            prov.record("/drivers/rows/\(i)/group", row.groupCell)
            prov.record("/drivers/rows/\(i)/driver", row.labelCell)
            prov.record("/drivers/rows/\(i)/days", row.value)
        }
        if let total = t.total {
            d.grandTotal = total.value.flatMap { NumberText.parseDays($0.text) }
            prov.record("/drivers/grand_total", total.value)
        }
        r.drivers = d
    }

    /// Reads a month matrix and records months, labels and cells under `key`.
    static func matrix(_ doc: DocumentLayout, _ section: SectionLocator.Section, period: String?, prov: inout ProvenanceRecorder,
                       labelKey: String, valuesKey: String, totalKey: String?) -> (months: [String], rows: [(String, [Int?])], total: [Int?])? {
        guard let (region, m) = SectionLocator.read(section, in: doc, { r in
            MonthMatrixParser.parse(r, period: period).flatMap { $0.rows.isEmpty ? nil : $0 }
        }) else { return nil }
        let key = section.key
        for (j, c) in m.headerCells.enumerated() { prov.record("/\(key)/months/\(j)", c) }
        if m.monthsInferred {
            let missingCols = m.headerCells.indices.filter { m.headerCells[$0] == nil || MonthText.parseHeader(m.headerCells[$0]!.text) == nil }
            // Months that were not read exactly make every value of the table doubtful.
            prov.notes.append(Finding(code: "months_inferred", severity: .error, pointer: "/\(key)/months",
                                      related: missingCols.map { "/\(key)/months/\($0)" },
                                      message: "The month header of \(missingCols.count) column(s) is missing or illegible; months were inferred from the neighbouring columns and the report period.",
                                      page: region.caption.page, bbox: region.lines.first?.bbox))
        }
        var rows: [(String, [Int?])] = []
        var total: [Int?] = []
        for row in m.rows {
            let values = row.cells.map { $0.flatMap { NumberText.parseInt($0.text) } }
            if let totalKey, KeyValueTableParser.isTotalLabel(row.label) {
                total = values
                for (j, c) in row.cells.enumerated() { prov.record("/\(key)/\(totalKey)/\(j)", c) }
                continue
            }
            let i = rows.count
            rows.append((row.label, values))
            if row.label.isEmpty {
                let c = row.cells.compactMap { $0 }.first
                prov.notes.append(Finding(code: "label_missing", severity: .warning, pointer: "/\(key)/rows/\(i)/\(labelKey)",
                                          message: "Row \(i + 1) of the \(key.replacingOccurrences(of: "_", with: " ")) table has values but no legible label.",
                                          page: c?.page, bbox: c?.bbox))
            }
            prov.record("/\(key)/rows/\(i)/\(labelKey)", row.labelCell)
            for (j, c) in row.cells.enumerated() { prov.record("/\(key)/rows/\(i)/\(valuesKey)/\(j)", c) }
        }
        return (m.months, rows, total)
    }

    static func helpdesk(_ doc: DocumentLayout, into r: inout Report, prov: inout ProvenanceRecorder, missing: inout [String]) {
        guard let m = matrix(doc, SectionLocator.helpdesk, period: r.period, prov: &prov, labelKey: "category", valuesKey: "counts", totalKey: "total") else {
            missing.append("helpdesk"); return
        }
        r.helpdesk = Helpdesk(months: m.months, rows: m.rows.map { HelpdeskRow(category: $0.0, counts: $0.1) }, total: m.total)
    }

    static func website(_ doc: DocumentLayout, into r: inout Report, prov: inout ProvenanceRecorder, missing: inout [String]) {
        guard let m = matrix(doc, SectionLocator.website, period: r.period, prov: &prov, labelKey: "metric", valuesKey: "values", totalKey: nil) else {
            missing.append("website"); return
        }
        r.website = Website(months: m.months, rows: m.rows.map { WebsiteRow(metric: $0.0, values: $0.1) })
    }

    static func partyStatistics(_ doc: DocumentLayout, into r: inout Report, prov: inout ProvenanceRecorder, missing: inout [String]) {
        guard let m = matrix(doc, SectionLocator.partyStatistics, period: r.period, prov: &prov, labelKey: "measure", valuesKey: "counts", totalKey: nil) else {
            missing.append("party_statistics"); return
        }
        r.partyStatistics = PartyStatistics(months: m.months, rows: m.rows.map { PartyStatisticsRow(measure: $0.0, counts: $0.1) })
    }

    static func votingGroups(_ doc: DocumentLayout, into r: inout Report, prov: inout ProvenanceRecorder, missing: inout [String]) {
        guard let (_, pairs) = SectionLocator.read(SectionLocator.votingGroups, in: doc, { r in
            let p = VotingGroupsParser.parse(r); return p.isEmpty ? nil : p
        }) else { missing.append("voting_groups"); return }
        r.votingGroups = pairs.enumerated().map { i, p in
            prov.record("/voting_groups/\(i)/category", p.categoryCell)
            prov.record("/voting_groups/\(i)/count", p.countCell)
            return VotingGroup(category: p.category, count: p.count)
        }
    }

    static func meetings(_ doc: DocumentLayout, into r: inout Report, prov: inout ProvenanceRecorder, missing: inout [String]) {
        let noisy = r.variant == "scanned"
        guard let (_, rows) = SectionLocator.read(SectionLocator.meetings, in: doc, { region in
            let m = MeetingsParser.parse(region, noisyGeometry: noisy); return m.isEmpty ? nil : m
        }) else { missing.append("meetings"); return }
        r.meetings = rows.enumerated().map { i, m in
            prov.record("/meetings/\(i)/category", m.categoryCell)
            prov.record("/meetings/\(i)/meeting", m.meetingCell)
            for (k, d) in m.dates.enumerated() { prov.record("/meetings/\(i)/dates/\(k)", d.cell) }
            return Meeting(category: m.category, meeting: m.meeting, dates: m.dates.map(\.iso))
        }
    }

    static func modificationStatus(_ doc: DocumentLayout, into r: inout Report, prov: inout ProvenanceRecorder) {
        guard let (_, t) = SectionLocator.read(SectionLocator.modificationStatus, in: doc, { r in
            KeyValueTableParser.parse(r).flatMap { $0.rows.isEmpty ? nil : $0 }
        }) else { return }
        var ms = ModificationStatus()
        for (i, row) in t.rows.enumerated() {
            ms.rows.append(ModificationStatusRow(status: row.label, count: row.value.flatMap { NumberText.parseInt($0.text) }))
            prov.record("/modification_status/rows/\(i)/status", row.labelCell)
            prov.record("/modification_status/rows/\(i)/count", row.value)
        }
        ms.total = t.total?.value.flatMap { NumberText.parseInt($0.text) }
        prov.record("/modification_status/total", t.total?.value)
        r.modificationStatus = ms
    }
}
