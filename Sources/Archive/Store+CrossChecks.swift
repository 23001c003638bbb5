import Foundation
import GRDB
import OpsReport
import PDFLayout

extension ArchiveStore {
    /// What the cross-report rules need, with memory that grows with the archive by a few hundred
    /// bytes a report plus the disagreements:
    /// - every converted report's `source.file`, `period`, `variant`, `schema_version` and
    ///   `missing_sections` (no hash, title or producer: no rule reads them) and its row labels
    ///   (drivers with their groups, helpdesk, website and party statistics; what the label and
    ///   group rules read), identical label lists shared between reports;
    /// - the narrative and party statistics in full of the newest report of each period (by
    ///   `SeriesConsolidation.isNewer`: what the party count rule compares);
    /// - the values of every (table, measure, month) that two reports print differently (any two
    ///   values of `monthly_values`, before the exclusions of `monthly_series`: a superset of what
    ///   the restatement and misreading rules can report), placed at their JSON Pointers.
    ///
    /// `valueCounts` gives each report's complete number of values, so the "more values"
    /// tie-break ranks these partial reports as their complete versions;
    /// `CrossCheckArchive.findings()` therefore equals `CrossReportRules.all` over the full reports.
    /// The labels come from one query per table, not one per report.
    /// - Throws: a database error.
    public func loadReportsForCrossChecks() throws -> CrossCheckArchive {
        try dbQueue.read { db in
            var counts: [Int64: Int] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT report_id, COUNT(value) AS n FROM monthly_values GROUP BY report_id") {
                counts[row["report_id"]] = row["n"]
            }
            var reports: [Report] = [], valueCounts: [Int] = [], ids: [Int64] = [], index: [Int64: Int] = [:]
            let heads = try Row.fetchCursor(db, sql: """
                SELECT id, file, period, variant, schema_version, missing_sections FROM reports WHERE status = 'converted' ORDER BY file
                """)
            while let row = try heads.next() {
                let id: Int64 = row["id"], file: String = row["file"], variant: String? = row["variant"]
                var r = Report(source: Source(file: file, sha256: "", pages: 0), variant: variant ?? "text")
                let schemaVersion: String? = row["schema_version"]
                r.schemaVersion = schemaVersion ?? Report.currentSchemaVersion
                r.period = row["period"]
                let missing: String? = row["missing_sections"]
                if let missing, missing != "[]", let a = try? JSONDecoder().decode([String].self, from: Data(missing.utf8)) { r.missingSections = a }
                index[id] = reports.count
                reports.append(r); valueCounts.append(counts[id] ?? 0); ids.append(id)
            }
            try Self.loadLabels(db, into: &reports, index: index)
            for (_, i) in CrossReportRules.canonicalByPeriod(reports, valueCounts: valueCounts) {
                try Self.rebuildNarrative(db, ids[i], &reports[i])
                reports[i].partyStatistics = try Self.partyStatistics(db, ids[i])
            }
            let disputed = try Row.fetchCursor(db, sql: """
                WITH v AS (
                    SELECT mv.report_id, mv.table_name, mv.measure, mv.month, mv.value, mv.pointer FROM monthly_values mv
                      JOIN reports r ON r.id = mv.report_id WHERE r.status = 'converted' AND mv.value IS NOT NULL
                ),
                d AS (SELECT table_name, measure, month FROM v GROUP BY table_name, measure, month HAVING COUNT(DISTINCT value) > 1)
                SELECT v.report_id, v.table_name, v.measure, v.month, v.value, v.pointer FROM v JOIN d USING (table_name, measure, month)
                """)
            while let v = try disputed.next() {
                if let i = index[v["report_id"] as Int64] { Self.place(v, into: &reports[i]) }
            }
            return CrossCheckArchive(reports: reports, valueCounts: valueCounts)
        }
    }

    /// Sets the row labels of `reports` (`index`: report id → position) from one query per
    /// table, in row order, without values: drivers (with groups), helpdesk categories, website
    /// metrics and party statistics measures. Equal label lists share one array.
    static func loadLabels(_ db: Database, into reports: inout [Report], index: [Int64: Int]) throws {
        // One report's label list at a time (rows come ordered by report), built into its table
        // once per distinct list and shared by every report that prints the same list.
        func collect<K: Hashable, V>(_ sql: String, key: (Row) -> K, build: ([K]) -> V, set: (inout Report, V) -> Void) throws {
            var seen: [[K]: V] = [:], current: [K] = [], owner = -1
            func flush() {
                guard owner >= 0, !current.isEmpty else { return }
                let table = seen[current] ?? build(current)
                if seen[current] == nil { seen[current] = table }
                set(&reports[owner], table)
            }
            let rows = try Row.fetchCursor(db, sql: sql)
            while let row = try rows.next() {
                guard let i = index[row[0] as Int64] else { continue }
                if i != owner { flush(); owner = i; current = [] }
                current.append(key(row))
            }
            flush()
        }
        try collect("SELECT report_id, grp, driver FROM driver_days WHERE is_total = 0 ORDER BY report_id, row_index",
                    key: { DriverLabel(group: $0[1], driver: $0[2]) },
                    build: { Drivers(rows: $0.map { DriverRow(group: $0.group, driver: $0.driver, days: nil) }) },
                    set: { $0.drivers = $1 })
        try collect("SELECT report_id, category FROM helpdesk_emails WHERE is_total = 0 GROUP BY report_id, row_index ORDER BY report_id, row_index",
                    key: { $0[1] as String },
                    build: { Helpdesk(months: [], rows: $0.map { HelpdeskRow(category: $0, counts: []) }) },
                    set: { $0.helpdesk = $1 })
        try collect("SELECT report_id, metric FROM website_statistics GROUP BY report_id, row_index ORDER BY report_id, row_index",
                    key: { $0[1] as String },
                    build: { Website(months: [], rows: $0.map { WebsiteRow(metric: $0, values: []) }) },
                    set: { $0.website = $1 })
        try collect("SELECT report_id, measure FROM party_statistics GROUP BY report_id, row_index ORDER BY report_id, row_index",
                    key: { $0[1] as String },
                    build: { PartyStatistics(months: [], rows: $0.map { PartyStatisticsRow(measure: $0, counts: []) }) },
                    set: { $0.partyStatistics = $1 })
    }

    struct DriverLabel: Hashable { var group: String; var driver: String }

    /// Puts one `monthly_values` row back into a partial report at its JSON Pointer
    /// (`/helpdesk/rows/3/counts/5`, `/helpdesk/total/9`, `/website/rows/1/values/2`,
    /// `/party_statistics/rows/0/counts/11`, `/drivers/rows/4/days`, `/drivers/grand_total`,
    /// `/narrative/parties`, `/voting_groups/2/count`, `/modification_status/rows/1/count`,
    /// `/modification_status/total`).
    static func place(_ v: Row, into r: inout Report) {
        let pointer: String = v["pointer"], month: String = v["month"], measure: String = v["measure"]
        let asDouble: Double = v["value"]
        // A value beyond Int hundredths (a hostile report) is left out rather than trapping.
        guard asDouble.isFinite, abs(asDouble) <= Days.maxDecodedMagnitude else { return }
        let count = Int(asDouble.rounded()), days = Days(hundredths: Int((asDouble * 100).rounded()))
        let t = pointer.split(separator: "/").map(String.init)
        func ix(_ k: Int) -> Int? { k < t.count ? Int(t[k]) : nil }
        func grow<T>(_ a: inout [T], to n: Int, _ fill: T) { if a.count < n { a += Array(repeating: fill, count: n - a.count) } }
        func setMonth(_ months: inout [String], _ j: Int) { grow(&months, to: j + 1, ""); months[j] = month }
        switch (t.first ?? "", t.count) {
        case ("helpdesk", 3) where t[1] == "total":
            guard let j = ix(2) else { return }
            var h = r.helpdesk ?? Helpdesk(); setMonth(&h.months, j); grow(&h.total, to: j + 1, nil); h.total[j] = count; r.helpdesk = h
        case ("helpdesk", 5):
            guard let i = ix(2), let j = ix(4) else { return }
            var h = r.helpdesk ?? Helpdesk(); setMonth(&h.months, j)
            grow(&h.rows, to: i + 1, HelpdeskRow(category: measure, counts: []))
            grow(&h.rows[i].counts, to: j + 1, nil); h.rows[i].counts[j] = count; r.helpdesk = h
        case ("website", 5):
            guard let i = ix(2), let j = ix(4) else { return }
            var w = r.website ?? Website(); setMonth(&w.months, j)
            grow(&w.rows, to: i + 1, WebsiteRow(metric: measure, values: []))
            grow(&w.rows[i].values, to: j + 1, nil); w.rows[i].values[j] = count; r.website = w
        case ("party_statistics", 5):
            guard let i = ix(2), let j = ix(4) else { return }
            var p = r.partyStatistics ?? PartyStatistics(); setMonth(&p.months, j)
            grow(&p.rows, to: i + 1, PartyStatisticsRow(measure: measure, counts: []))
            grow(&p.rows[i].counts, to: j + 1, nil); p.rows[i].counts[j] = count; r.partyStatistics = p
        case ("narrative", 2):
            switch t[1] {
            case "resource_days_total": r.narrative.resourceDaysTotal = days
            case "telephone_enquiries": r.narrative.telephoneEnquiries = count
            case "email_enquiries": r.narrative.emailEnquiries = count
            case "parties": r.narrative.parties = count
            case "voting_groups": r.narrative.votingGroups = count
            default: break
            }
        case ("drivers", 2):
            var d = r.drivers ?? Drivers(); d.grandTotal = days; r.drivers = d
        case ("drivers", 4):
            guard let i = ix(2) else { return }
            var d = r.drivers ?? Drivers(); grow(&d.rows, to: i + 1, DriverRow(group: "", driver: measure, days: nil))
            d.rows[i].days = days; r.drivers = d
        case ("voting_groups", 3):
            guard let i = ix(1) else { return }
            var g = r.votingGroups ?? []; grow(&g, to: i + 1, VotingGroup(category: "", count: nil))
            g[i] = VotingGroup(category: measure, count: count); r.votingGroups = g
        case ("modification_status", 2):
            var m = r.modificationStatus ?? ModificationStatus(); m.total = count; r.modificationStatus = m
        case ("modification_status", 4):
            guard let i = ix(2) else { return }
            var m = r.modificationStatus ?? ModificationStatus(); grow(&m.rows, to: i + 1, ModificationStatusRow(status: "", count: nil))
            m.rows[i] = ModificationStatusRow(status: measure, count: count); r.modificationStatus = m
        default:
            break
        }
    }
}
