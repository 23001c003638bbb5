import Foundation
import GRDB
import OpsReport
import PDFLayout

extension ArchiveStore {
    /// A months × rows grid read back from a long-form table.
    struct Grid {
        var months: [String] = []
        var labels: [String] = []
        var cells: [[Int?]] = []
        var total: [Int?] = []
    }

    /// Reads `table` of report `id` into a grid; `label` and `value` name the row-label and value
    /// columns; rows with `is_total = 1` (helpdesk only) form `total`. `nil` when there are no cells.
    static func grid(_ db: Database, table: String, id: Int64, label: String, value: String) throws -> Grid? {
        let hasTotal = table == "helpdesk_emails"
        let rows = try Row.fetchAll(db, sql: "SELECT * FROM \(table) WHERE report_id = ? ORDER BY row_index, col_index", arguments: [id])
        if rows.isEmpty { return nil }
        var g = Grid()
        var monthByColumn: [Int: String] = [:]
        var lastRow = Int.min
        for c in rows {
            let i: Int = c["row_index"]
            let j: Int = c["col_index"]
            let month: String? = c["month"]
            if let month { monthByColumn[j] = month }
            let v: Int? = c[value]
            var isTotal = 0
            if hasTotal { isTotal = c["is_total"] }
            if isTotal == 1 {
                g.total.append(v)
                continue
            }
            if i != lastRow {
                lastRow = i
                let name: String = c[label]
                g.labels.append(name)
                g.cells.append([])
            }
            g.cells[g.cells.count - 1].append(v)
        }
        for j in monthByColumn.keys.sorted() { g.months.append(monthByColumn[j]!) }
        return g
    }
    /// Rebuilds a report from its rows (no provenance).
    static func rebuild(_ db: Database, _ row: Row) throws -> Report {
        let id: Int64 = row["id"]
        let file: String = row["file"]
        let sha: String = row["sha256"]
        let pages: Int? = row["pages"]
        let producer: String? = row["producer"]
        let variant: String? = row["variant"]
        var r = Report(source: Source(file: file, sha256: sha, pages: pages ?? 0, producer: producer), variant: variant ?? "text")
        let schemaVersion: String? = row["schema_version"]
        r.schemaVersion = schemaVersion ?? Report.currentSchemaVersion
        r.period = row["period"]
        r.reference = row["reference"]
        r.title = row["title"]
        let missing: String? = row["missing_sections"]
        if let missing, let a = try? JSONDecoder().decode([String].self, from: Data(missing.utf8)) { r.missingSections = a }
        try rebuildNarrative(db, id, &r)
        try rebuildDrivers(db, id, &r)
        if let g = try grid(db, table: "helpdesk_emails", id: id, label: "category", value: "count") {
            var rows: [HelpdeskRow] = []
            for (l, c) in zip(g.labels, g.cells) { rows.append(HelpdeskRow(category: l, counts: c)) }
            r.helpdesk = Helpdesk(months: g.months, rows: rows, total: g.total)
        }
        if let g = try grid(db, table: "website_statistics", id: id, label: "metric", value: "value") {
            var rows: [WebsiteRow] = []
            for (l, c) in zip(g.labels, g.cells) { rows.append(WebsiteRow(metric: l, values: c)) }
            r.website = Website(months: g.months, rows: rows)
        }
        r.partyStatistics = try partyStatistics(db, id)
        try rebuildLists(db, id, &r)
        r.findings = try Row.fetchAll(db, sql: "SELECT * FROM findings WHERE report_id = ? AND scope = 'report' ORDER BY id", arguments: [id]).map(finding)
        return r
    }

    static func partyStatistics(_ db: Database, _ id: Int64) throws -> PartyStatistics? {
        guard let g = try grid(db, table: "party_statistics", id: id, label: "measure", value: "count") else { return nil }
        return PartyStatistics(months: g.months, rows: zip(g.labels, g.cells).map { PartyStatisticsRow(measure: $0, counts: $1) })
    }

    static func rebuildNarrative(_ db: Database, _ id: Int64, _ r: inout Report) throws {
        for n in try Row.fetchAll(db, sql: "SELECT measure, value FROM narrative WHERE report_id = ?", arguments: [id]) {
            let measure: String = n["measure"]
            let asDouble: Double? = n["value"]
            let asInt: Int? = asDouble.map { Int($0.rounded()) }
            switch measure {
            case "resource_days_total": r.narrative.resourceDaysTotal = asDouble.map { Days(hundredths: Int(($0 * 100).rounded())) }
            case "telephone_enquiries": r.narrative.telephoneEnquiries = asInt
            case "email_enquiries": r.narrative.emailEnquiries = asInt
            case "parties": r.narrative.parties = asInt
            case "voting_groups": r.narrative.votingGroups = asInt
            default: break
            }
        }
    }

    static func rebuildDrivers(_ db: Database, _ id: Int64, _ r: inout Report) throws {
        let rows = try Row.fetchAll(db, sql: "SELECT * FROM driver_days WHERE report_id = ? ORDER BY row_index", arguments: [id])
        if rows.isEmpty { return }
        var d = Drivers()
        for x in rows {
            let hundredths: Int? = x["days_hundredths"]
            let days = hundredths.map { Days(hundredths: $0) }
            let isTotal: Int = x["is_total"]
            if isTotal == 1 {
                d.grandTotal = days
            } else {
                let group: String = x["grp"]
                let driver: String = x["driver"]
                d.rows.append(DriverRow(group: group, driver: driver, days: days))
            }
        }
        r.drivers = d
    }

    static func rebuildLists(_ db: Database, _ id: Int64, _ r: inout Report) throws {
        let vg = try Row.fetchAll(db, sql: "SELECT * FROM voting_groups WHERE report_id = ? ORDER BY row_index", arguments: [id])
        if !vg.isEmpty {
            var groups: [VotingGroup] = []
            for x in vg {
                let category: String = x["category"]
                let count: Int? = x["count"]
                groups.append(VotingGroup(category: category, count: count))
            }
            r.votingGroups = groups
        }
        let mt = try Row.fetchAll(db, sql: "SELECT * FROM meetings WHERE report_id = ? ORDER BY row_index, date_index", arguments: [id])
        if !mt.isEmpty {
            var meetings: [Meeting] = []
            var lastRow = Int.min
            for x in mt {
                let i: Int = x["row_index"]
                if i != lastRow {
                    lastRow = i
                    let category: String = x["category"]
                    let meeting: String = x["meeting"]
                    meetings.append(Meeting(category: category, meeting: meeting, dates: []))
                }
                let date: String? = x["date"]
                if let date { meetings[meetings.count - 1].dates.append(date) }
            }
            r.meetings = meetings
        }
        let ms = try Row.fetchAll(db, sql: "SELECT * FROM modification_status WHERE report_id = ? ORDER BY row_index", arguments: [id])
        if !ms.isEmpty {
            var m = ModificationStatus()
            for x in ms {
                let isTotal: Int = x["is_total"]
                let count: Int? = x["count"]
                if isTotal == 1 {
                    m.total = count
                } else {
                    let status: String = x["status"]
                    m.rows.append(ModificationStatusRow(status: status, count: count))
                }
            }
            r.modificationStatus = m
        }
    }
}
