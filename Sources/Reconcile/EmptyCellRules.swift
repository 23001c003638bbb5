import OpsReport

/// Cells of the website and party statistics tables (which no total checks) that have neither a
/// value nor printed text: `cell_missing` (warning) per cell, or one per row when the whole row
/// is empty. These tables print every month, so an empty cell is lost text.
enum EmptyCellRules {
    static func check(_ report: Report, covered: [String], _ ev: Evidence) -> [Finding] {
        let coveredSet = Set(covered)
        var out: [Finding] = []
        var tables: [(String, [String], [(String, [Int?])])] = []
        if let w = report.website { tables.append(("website", w.months, w.rows.map { ($0.metric, $0.values) })) }
        if let p = report.partyStatistics { tables.append(("party_statistics", p.months, p.rows.map { ($0.measure, $0.counts) })) }
        for (key, months, rows) in tables {
            let valuesKey = key == "website" ? "values" : "counts"
            for (r, (printedLabel, values)) in rows.enumerated() where !values.isEmpty {
                let label = printedLabel.isEmpty ? "row \(r + 1)" : printedLabel
                let rowPointer = Pointer.make(key, "rows", r, valuesKey)
                let empty = values.indices.filter { values[$0] == nil && ev.text(Pointer.make(key, "rows", r, valuesKey, $0)) == nil }
                guard !empty.isEmpty, !coveredSet.contains(rowPointer) else { continue }
                if empty.count == values.count {
                    out.append(ev.finding(FindingCode.cellMissing, .warning, at: rowPointer,
                                          message: "\(label): no value could be read in any of its \(values.count) cells"))
                    continue
                }
                for j in empty {
                    let p = Pointer.make(key, "rows", r, valuesKey, j)
                    guard !coveredSet.contains(p) else { continue }
                    let month = months.count == values.count ? MonthLabel.short(months[j]) : "column \(j + 1)"
                    out.append(ev.finding(FindingCode.cellMissing, .warning, at: p, message: "\(month) \(label): no value could be read"))
                }
            }
        }
        return out
    }
}
