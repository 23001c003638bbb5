import OpsReport

/// One printed number of a report placed on the monthly time line.
///
/// The 12-month tables give one value per column month; single-month figures (narrative, driver
/// days, voting groups, modification status) are placed at the report's own period.
public struct MonthlyValue: Equatable, Sendable {
    /// Domain table: `helpdesk`, `website`, `party_statistics`, `drivers`, `narrative`,
    /// `voting_groups` or `modification_status`.
    public var table: String
    /// Row label: helpdesk category (or `Total`), website metric, party measure, driver name (or
    /// `Grand Total`), narrative key (`parties`, …), voting group category, modification status.
    public var measure: String
    /// `YYYY-MM`.
    public var month: String
    /// The number: a count, or for `unit == .days` the days in hundredths (exact).
    public var value: Int
    public var unit: Unit
    /// JSON Pointer of the value in its report, e.g. `/helpdesk/total/10`.
    public var pointer: String

    public enum Unit: String, Sendable, Codable { case count, days }

    /// The value as printed: `1149`, or `223.75` for days.
    public var text: String { unit == .days ? Days(hundredths: value).description : String(value) }

    public init(table: String, measure: String, month: String, value: Int, unit: Unit, pointer: String) {
        self.table = table; self.measure = measure; self.month = month; self.value = value; self.unit = unit; self.pointer = pointer
    }
}

/// The consolidated value for one (table, measure, month): what the newest report that prints it
/// says, and how far the other reports agree. Mirrors the SQL view `monthly_series`; values of
/// rows with an empty or OCR-damaged label (`label_variant`) are left out (see
/// `SeriesConsolidation.consolidatedValues(of:)`).
public struct ConsolidatedValue: Equatable, Sendable {
    public var table: String
    public var measure: String
    public var month: String
    /// The value printed by the newest report (`value` as in `MonthlyValue`: count or hundredths).
    public var value: Int
    public var unit: MonthlyValue.Unit
    /// Index (into the input array) of the report the value is taken from.
    public var sourceIndex: Int
    /// That report's period.
    public var sourcePeriod: String?
    /// How many reports print a value for this month and measure.
    public var reportCount: Int
    /// How many distinct values they print.
    public var distinctValues: Int
    /// `distinctValues > 1`.
    public var disagree: Bool { distinctValues > 1 }
}

/// Turns reports into `MonthlyValue`s and consolidates them into one series.
public enum SeriesConsolidation {
    /// Every non-nil number of `report` with its month. Values in a column with no month (more cells
    /// than month headings) and single-month figures of a report without a period are left out.
    public static func values(of report: Report) -> [MonthlyValue] {
        var out: [MonthlyValue] = []
        func grid(_ table: String, _ months: [String], _ rows: [(String, [Int?])], _ key: String) {
            for (i, (label, cells)) in rows.enumerated() {
                for (j, v) in cells.enumerated() where j < months.count {
                    if let v { out.append(MonthlyValue(table: table, measure: label, month: months[j], value: v, unit: .count,
                                                       pointer: "/\(table)/rows/\(i)/\(key)/\(j)")) }
                }
            }
        }
        if let h = report.helpdesk {
            grid("helpdesk", h.months, h.rows.map { ($0.category, $0.counts) }, "counts")
            for (j, v) in h.total.enumerated() where j < h.months.count {
                if let v { out.append(MonthlyValue(table: "helpdesk", measure: totalLabel, month: h.months[j], value: v, unit: .count, pointer: "/helpdesk/total/\(j)")) }
            }
        }
        if let w = report.website { grid("website", w.months, w.rows.map { ($0.metric, $0.values) }, "values") }
        if let p = report.partyStatistics { grid("party_statistics", p.months, p.rows.map { ($0.measure, $0.counts) }, "counts") }
        guard let period = report.period else { return out }
        let n = report.narrative
        if let d = n.resourceDaysTotal { out.append(MonthlyValue(table: "narrative", measure: "resource_days_total", month: period, value: d.hundredths, unit: .days, pointer: "/narrative/resource_days_total")) }
        for (k, v) in [("telephone_enquiries", n.telephoneEnquiries), ("email_enquiries", n.emailEnquiries), ("parties", n.parties), ("voting_groups", n.votingGroups)] {
            if let v { out.append(MonthlyValue(table: "narrative", measure: k, month: period, value: v, unit: .count, pointer: "/narrative/\(k)")) }
        }
        if let d = report.drivers {
            for (i, r) in d.rows.enumerated() {
                if let v = r.days { out.append(MonthlyValue(table: "drivers", measure: r.driver, month: period, value: v.hundredths, unit: .days, pointer: "/drivers/rows/\(i)/days")) }
            }
            if let g = d.grandTotal { out.append(MonthlyValue(table: "drivers", measure: grandTotalLabel, month: period, value: g.hundredths, unit: .days, pointer: "/drivers/grand_total")) }
        }
        for (i, g) in (report.votingGroups ?? []).enumerated() {
            if let c = g.count { out.append(MonthlyValue(table: "voting_groups", measure: g.category, month: period, value: c, unit: .count, pointer: "/voting_groups/\(i)/count")) }
        }
        if let m = report.modificationStatus {
            for (i, r) in m.rows.enumerated() {
                if let c = r.count { out.append(MonthlyValue(table: "modification_status", measure: r.status, month: period, value: c, unit: .count, pointer: "/modification_status/rows/\(i)/count")) }
            }
            if let t = m.total { out.append(MonthlyValue(table: "modification_status", measure: totalLabel, month: period, value: t, unit: .count, pointer: "/modification_status/total")) }
        }
        return out
    }

    /// Measure name used for a table's printed total row.
    public static let totalLabel = "Total"
    /// Measure name used for the drivers' grand total.
    public static let grandTotalLabel = "Grand Total"

    /// What decides which of two reports counts as newer (see `isNewer`).
    struct Rank {
        var period: String
        var isText: Bool
        var missingSections: Int
        var valueCount: Int
        var index: Int
        init(_ r: Report, index: Int, valueCount: Int? = nil) {
            period = r.period ?? ""; isText = r.variant == "text"; missingSections = r.missingSections.count
            self.valueCount = valueCount ?? SeriesConsolidation.values(of: r).count; self.index = index
        }
        func isNewer(than b: Rank) -> Bool {
            if period != b.period { return period > b.period }
            if isText != b.isText { return isText }
            if missingSections != b.missingSections { return missingSections < b.missingSections }
            if valueCount != b.valueCount { return valueCount > b.valueCount }
            return index > b.index
        }
    }

    /// The order in which reports count as newer: later period first; for the same period a text
    /// variant before a scanned one, then the report with fewer `missingSections`, then the one
    /// with more values on the time line (`values(of:)`, all of them), then the later position
    /// in the input (the store orders by file path, so the SQL view `monthly_series` breaks the
    /// last tie by the larger path). Returns `true` when `a` is newer than `b`.
    public static func isNewer(_ a: (report: Report, index: Int), than b: (report: Report, index: Int)) -> Bool {
        Rank(a.report, index: a.index).isNewer(than: Rank(b.report, index: b.index))
    }

    /// The values of each report that enter the consolidation: `values(of:)` without the values
    /// of rows whose label is empty or flagged by `LabelVariantRule` (an OCR-damaged label, which
    /// would otherwise start a series of its own). The SQL view `monthly_series` leaves out the
    /// same values, reading the flags from the stored `label_variant` findings.
    public static func consolidatedValues(of reports: [Report]) -> [[MonthlyValue]] {
        consolidatedValues(of: reports, all: reports.map(values(of:)))
    }

    static func consolidatedValues(of reports: [Report], all: [[MonthlyValue]]) -> [[MonthlyValue]] {
        let flagged = LabelVariantRule.flaggedRows(reports)
        return all.enumerated().map { i, vs in
            let rows = flagged[i] ?? []
            return vs.filter { v in !v.measure.isEmpty && !rows.contains { v.pointer.hasPrefix($0) } }
        }
    }

    /// Consolidates `reports` into one value per (table, measure, month), sorted by table,
    /// measure, month. Only `consolidatedValues(of:)` take part; the source is the newest report
    /// by `isNewer`.
    /// - Parameter valueCounts: each report's number of values on the time line when `reports`
    ///   hold only some of their values (the batch's sparse cross-check load); the tie-break then
    ///   ranks them as their complete versions.
    public static func consolidate(_ reports: [Report], valueCounts: [Int]? = nil) -> [ConsolidatedValue] {
        consolidation(reports, valueCounts: valueCounts).cells.map(\.value)
    }

    /// One consolidated value with the values it was made from (in input order).
    struct Cell {
        var value: ConsolidatedValue
        var entries: [(index: Int, value: MonthlyValue)]
    }

    /// `consolidate` with each cell's entries and every report's rank (what `restatement` needs).
    static func consolidation(_ reports: [Report], valueCounts: [Int]? = nil) -> (cells: [Cell], ranks: [Rank]) {
        struct Key: Hashable { var table, measure, month: String }
        let all = reports.map(values(of:))
        let ranks = reports.indices.map { Rank(reports[$0], index: $0, valueCount: valueCounts?[$0] ?? all[$0].count) }
        var groups: [Key: [(index: Int, value: MonthlyValue)]] = [:]
        for (i, vs) in consolidatedValues(of: reports, all: all).enumerated() {
            for v in vs { groups[Key(table: v.table, measure: v.measure, month: v.month), default: []].append((i, v)) }
        }
        var out: [Cell] = []
        out.reserveCapacity(groups.count)
        for (k, entries) in groups {
            let newest = entries.max { ranks[$1.index].isNewer(than: ranks[$0.index]) }!
            var reportsSeen = Set<Int>(), valuesSeen = Set<Int>()
            for e in entries { reportsSeen.insert(e.index); valuesSeen.insert(e.value.value) }
            out.append(Cell(value: ConsolidatedValue(table: k.table, measure: k.measure, month: k.month, value: newest.value.value,
                                                     unit: newest.value.unit, sourceIndex: newest.index, sourcePeriod: reports[newest.index].period,
                                                     reportCount: reportsSeen.count, distinctValues: valuesSeen.count),
                            entries: entries))
        }
        out.sort { ($0.value.table, $0.value.measure, $0.value.month) < ($1.value.table, $1.value.measure, $1.value.month) }
        return (out, ranks)
    }
}
