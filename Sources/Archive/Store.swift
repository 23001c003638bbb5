import Foundation
import GRDB
import OpsReport
import PDFLayout

/// What the database holds about one input file (a `reports` row).
public struct FileRecord: Equatable, Sendable {
    public var id: Int64
    public var file: String
    public var name: String
    public var sha256: String
    public var toolVersion: String
    /// `converted`, `failed` or `duplicate`.
    public var status: String
    /// A `FailureReason` raw value for a failed file.
    public var reason: String?
    public var message: String?
    public var jsonPath: String?
    public var period: String?
}

/// A conversion started but not committed (see `ArchiveStore.beginConversion`).
public struct PendingConversion: Equatable, Sendable {
    public var file: String
    public var sha256: String
    public var toolVersion: String
    public var jsonPath: String
}

/// One point of the consolidated monthly series (a `monthly_series` row).
public struct SeriesPoint: Equatable, Sendable {
    public var table: String
    public var measure: String
    /// `YYYY-MM`.
    public var month: String
    /// The newest report's value: a count, or days (two decimals) for `unit == "days"`.
    public var value: Double
    /// `count` or `days`.
    public var unit: String
    public var sourceReportId: Int64
    public var sourcePeriod: String?
    /// Reports that print this month and measure.
    public var reportCount: Int
    /// Distinct values they print.
    public var distinctValues: Int
    public var disagree: Bool
}

/// The SQLite archive (GRDB): reports, their long-form tables, findings and the consolidated
/// series. See `StoreMigrations` for the schema. Thread-safe: all access goes through one
/// `DatabaseQueue`, and each write method is one transaction.
public final class ArchiveStore: @unchecked Sendable {
    /// The underlying queue (for ad-hoc SQL).
    public let dbQueue: DatabaseQueue

    /// Opens (creating if needed) the database at `path` in WAL mode and migrates it; safe when
    /// several processes open the same new database at once (see `migrate`).
    /// - Throws: `DatabaseError` when the file cannot be opened or migrated.
    public init(path: String) throws {
        var config = Configuration()
        config.journalMode = .wal
        config.busyMode = .timeout(10)
        dbQueue = try Self.open(path: path, configuration: config)
        try Self.migrate(dbQueue)
    }

    /// Opens an existing database read-only, without migrating it (for readers such as the audit
    /// page, which must not change their input).
    /// - Throws: `DatabaseError` when the file cannot be opened or is not an archive database
    ///   (no `grdb_migrations` record of `v1`).
    public init(readOnlyPath path: String) throws {
        var config = Configuration()
        config.readonly = true
        config.busyMode = .timeout(10)
        dbQueue = try DatabaseQueue(path: path, configuration: config)
        let applied = try dbQueue.read { db in
            try db.tableExists("grdb_migrations") ? try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations") : []
        }
        guard applied.contains("v1") else {
            throw DatabaseError(resultCode: .SQLITE_NOTADB, message: "no OpsReport archive schema (tables reports, findings, monthly_series)")
        }
    }

    /// A fresh in-memory database (for tests and one-off analyses).
    public init() throws {
        dbQueue = try DatabaseQueue()
        try StoreMigrations.migrator.migrate(dbQueue)
    }

    static let iso: ISO8601DateFormatter = ISO8601DateFormatter()
    static func now() -> String { iso.string(from: Date()) }
    static func json<T: Encodable>(_ v: T) -> String {
        let e = JSONEncoder(); e.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? String(decoding: e.encode(v), as: UTF8.self)) ?? "null"
    }

    // MARK: Writing

    /// Stores a converted report and all its values in one transaction, replacing any earlier row
    /// for the same `file` (and its values and findings) and clearing its pending conversion.
    ///
    /// - Parameters:
    ///   - file: the key: the input file's absolute path (any unique string for reports not read from a file).
    ///   - name: display name (path relative to the batch folder); defaults to `file`.
    ///   - sha256: defaults to `report.source.sha256`.
    /// - Returns: the new `reports.id`.
    @discardableResult
    public func importReport(_ report: Report, file: String, name: String? = nil, sha256: String? = nil,
                             toolVersion: String = ToolVersion.current, jsonPath: String? = nil,
                             durationMs: Int? = nil) throws -> Int64 {
        try dbQueue.write { db in
            try db.execute(sql: "DELETE FROM reports WHERE file = ?", arguments: [file])
            try db.execute(sql: """
                INSERT INTO reports (file, name, sha256, tool_version, status, json_path, period, reference, title, variant,
                                     pages, producer, schema_version, missing_sections, duration_ms, processed_at)
                VALUES (?, ?, ?, ?, 'converted', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [file, name ?? file, sha256 ?? report.source.sha256, toolVersion, jsonPath, report.period,
                                 report.reference, report.title, report.variant, report.source.pages, report.source.producer,
                                 report.schemaVersion, Self.json(report.missingSections), durationMs, Self.now()])
            let id = db.lastInsertedRowID
            try Self.insertValues(db, id, report)
            try db.execute(sql: "DELETE FROM pending_conversions WHERE file = ?", arguments: [file])
            return id
        }
    }

    static func insertValues(_ db: Database, _ id: Int64, _ r: Report) throws {
        try StoreProvenance.insert(db, id, r)
        let n = r.narrative
        let narrative: [(String, DatabaseValueConvertible?)] = [
            ("resource_days_total", n.resourceDaysTotal.map { Double($0.hundredths) / 100 }),
            ("telephone_enquiries", n.telephoneEnquiries), ("email_enquiries", n.emailEnquiries),
            ("parties", n.parties), ("voting_groups", n.votingGroups)]
        for (k, v) in narrative where v != nil {
            try db.cachedStatement(sql: "INSERT INTO narrative VALUES (?, ?, ?, ?)").execute(arguments: [id, k, v, "/narrative/\(k)"])
        }
        if let d = r.drivers {
            let rows = d.rows.enumerated().map { ($0.offset, $0.element.group, $0.element.driver, 0, $0.element.days, "/drivers/rows/\($0.offset)/days") }
            let total = d.grandTotal.map { [(-1, "", SeriesConsolidation.grandTotalLabel, 1, Optional($0), "/drivers/grand_total")] } ?? []
            for (i, g, name, isTotal, days, ptr) in rows + total {
                try db.cachedStatement(sql: "INSERT INTO driver_days VALUES (?, ?, ?, ?, ?, ?, ?, ?)").execute(
                               arguments: [id, i, g, name, isTotal, days?.hundredths, days.map { Double($0.hundredths) / 100 }, ptr])
            }
        }
        func month(_ months: [String], _ j: Int) -> String? { j < months.count ? months[j] : nil }
        if let h = r.helpdesk {
            for (i, row) in h.rows.enumerated() {
                for (j, c) in row.counts.enumerated() {
                    try db.cachedStatement(sql: "INSERT INTO helpdesk_emails VALUES (?, ?, ?, ?, ?, 0, ?, ?)").execute(
                                   arguments: [id, i, j, month(h.months, j), row.category, c, "/helpdesk/rows/\(i)/counts/\(j)"])
                }
            }
            for (j, c) in h.total.enumerated() {
                try db.cachedStatement(sql: "INSERT INTO helpdesk_emails VALUES (?, -1, ?, ?, ?, 1, ?, ?)").execute(
                               arguments: [id, j, month(h.months, j), SeriesConsolidation.totalLabel, c, "/helpdesk/total/\(j)"])
            }
        }
        if let w = r.website {
            for (i, row) in w.rows.enumerated() {
                for (j, v) in row.values.enumerated() {
                    try db.cachedStatement(sql: "INSERT INTO website_statistics VALUES (?, ?, ?, ?, ?, ?, ?)").execute(
                                   arguments: [id, i, j, month(w.months, j), row.metric, v, "/website/rows/\(i)/values/\(j)"])
                }
            }
        }
        if let p = r.partyStatistics {
            for (i, row) in p.rows.enumerated() {
                for (j, v) in row.counts.enumerated() {
                    try db.cachedStatement(sql: "INSERT INTO party_statistics VALUES (?, ?, ?, ?, ?, ?, ?)").execute(
                                   arguments: [id, i, j, month(p.months, j), row.measure, v, "/party_statistics/rows/\(i)/counts/\(j)"])
                }
            }
        }
        for (i, g) in (r.votingGroups ?? []).enumerated() {
            try db.cachedStatement(sql: "INSERT INTO voting_groups VALUES (?, ?, ?, ?, ?)").execute(arguments: [id, i, g.category, g.count, "/voting_groups/\(i)/count"])
        }
        for (i, m) in (r.meetings ?? []).enumerated() {
            let dates: [String?] = m.dates.isEmpty ? [nil] : m.dates
            for (k, d) in dates.enumerated() {
                try db.cachedStatement(sql: "INSERT INTO meetings VALUES (?, ?, ?, ?, ?, ?, ?)").execute(
                               arguments: [id, i, m.category, m.meeting, k, d, d == nil ? "/meetings/\(i)/dates" : "/meetings/\(i)/dates/\(k)"])
            }
        }
        if let m = r.modificationStatus {
            for (i, row) in m.rows.enumerated() {
                try db.cachedStatement(sql: "INSERT INTO modification_status VALUES (?, ?, ?, 0, ?, ?)").execute(
                               arguments: [id, i, row.status, row.count, "/modification_status/rows/\(i)/count"])
            }
            if let t = m.total {
                try db.cachedStatement(sql: "INSERT INTO modification_status VALUES (?, -1, ?, 1, ?, ?)").execute(
                               arguments: [id, SeriesConsolidation.totalLabel, t, "/modification_status/total"])
            }
        }
        for f in r.findings { try insertFinding(db, reportId: id, scope: "report", f) }
    }

    static func insertFinding(_ db: Database, reportId: Int64?, scope: String, _ f: Finding) throws {
        try db.cachedStatement(sql: """
            INSERT INTO findings (report_id, scope, report, code, severity, pointer, related, printed, expected, message, suggestion, page, bbox)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """).execute(arguments: [reportId, scope, f.report, f.code, f.severity.rawValue, f.pointer, json(f.related), f.printed,
                             f.expected.map { json($0) }, f.message, f.suggestion.map { json($0) }, f.page, f.bbox.map { json($0) }])
    }

    /// Records a file that could not be converted (replacing any earlier row for `file`).
    public func recordFailure(file: String, name: String, sha256: String, toolVersion: String = ToolVersion.current,
                              reason: FailureReason, message: String, exitStatus: Int32? = nil, signal: Int32? = nil,
                              durationMs: Int? = nil) throws {
        try dbQueue.write { db in
            try db.execute(sql: "DELETE FROM reports WHERE file = ?", arguments: [file])
            try db.execute(sql: """
                INSERT INTO reports (file, name, sha256, tool_version, status, reason, message, exit_status, signal, duration_ms, processed_at)
                VALUES (?, ?, ?, ?, 'failed', ?, ?, ?, ?, ?, ?)
                """, arguments: [file, name, sha256, toolVersion, reason.rawValue, message, exitStatus, signal, durationMs, Self.now()])
            try db.execute(sql: "DELETE FROM pending_conversions WHERE file = ?", arguments: [file])
        }
    }

    /// Records `file` as holding the same bytes as the file recorded as `originalFile`.
    public func recordDuplicate(file: String, name: String, sha256: String, toolVersion: String = ToolVersion.current,
                                originalFile: String) throws {
        try dbQueue.write { db in
            let orig = try Int64.fetchOne(db, sql: "SELECT id FROM reports WHERE file = ?", arguments: [originalFile])
            let origName = try String.fetchOne(db, sql: "SELECT name FROM reports WHERE file = ?", arguments: [originalFile]) ?? originalFile
            try db.execute(sql: "DELETE FROM reports WHERE file = ?", arguments: [file])
            try db.execute(sql: """
                INSERT INTO reports (file, name, sha256, tool_version, status, message, duplicate_of, processed_at)
                VALUES (?, ?, ?, ?, 'duplicate', ?, ?, ?)
                """, arguments: [file, name, sha256, toolVersion, "same bytes as \(origName)", orig, Self.now()])
        }
    }

    /// Marks the start of a conversion, in one transaction: drops any earlier row for `file` (its
    /// values and findings go with it) and records the pending conversion. After a crash, a pending
    /// conversion whose JSON exists at `jsonPath` is re-imported instead of converted again.
    public func beginConversion(file: String, sha256: String, toolVersion: String = ToolVersion.current, jsonPath: String) throws {
        try dbQueue.write { db in
            try db.execute(sql: "DELETE FROM reports WHERE file = ?", arguments: [file])
            try db.execute(sql: "INSERT OR REPLACE INTO pending_conversions VALUES (?, ?, ?, ?, ?)",
                           arguments: [file, sha256, toolVersion, jsonPath, Self.now()])
        }
    }

    /// Replaces all archive-level findings (scope `archive`) with `findings`, in one transaction.
    /// Each finding is attached to the converted report whose `file` (or, failing that, period)
    /// equals its `report` field.
    public func replaceArchiveFindings(_ findings: [Finding]) throws {
        try dbQueue.write { db in
            try db.execute(sql: "DELETE FROM findings WHERE scope = 'archive'")
            for f in findings {
                var rid: Int64?
                if let r = f.report {
                    rid = try Int64.fetchOne(db, sql: "SELECT id FROM reports WHERE file = ? AND status = 'converted'", arguments: [r])
                    if rid == nil {
                        rid = try Int64.fetchOne(db, sql: "SELECT id FROM reports WHERE period = ? AND status = 'converted' ORDER BY (variant = 'text') DESC, file DESC LIMIT 1", arguments: [r])
                    }
                }
                try Self.insertFinding(db, reportId: rid, scope: "archive", f)
            }
        }
    }

    /// Deletes the rows of files under `root` that no longer exist on disk (moved or deleted
    /// reports), so that the archive mirrors the folder. Returns the names removed.
    public func forgetMissingFiles(under root: String) throws -> [String] {
        let prefix = root.hasSuffix("/") ? root : root + "/"
        return try dbQueue.write { db in
            let rows = try Row.fetchAll(db, sql: "SELECT file, name FROM reports")
            var gone: [String] = []
            for r in rows {
                let f: String = r["file"]
                guard f.hasPrefix(prefix), !FileManager.default.fileExists(atPath: f) else { continue }
                try db.execute(sql: "DELETE FROM reports WHERE file = ?", arguments: [f])
                gone.append(r["name"])
            }
            return gone
        }
    }

    // MARK: Reading

    static func record(_ r: Row) -> FileRecord {
        FileRecord(id: r["id"], file: r["file"], name: r["name"], sha256: r["sha256"], toolVersion: r["tool_version"],
                   status: r["status"], reason: r["reason"], message: r["message"], jsonPath: r["json_path"], period: r["period"])
    }

    /// The row for `file`, if any.
    public func record(forFile file: String) throws -> FileRecord? {
        try dbQueue.read { db in try Row.fetchOne(db, sql: "SELECT * FROM reports WHERE file = ?", arguments: [file]).map(Self.record) }
    }

    /// All rows, ordered by `name`.
    public func records() throws -> [FileRecord] {
        try dbQueue.read { db in try Row.fetchAll(db, sql: "SELECT * FROM reports ORDER BY name, id").map(Self.record) }
    }

    /// The pending conversion of `file`, if any.
    public func pending(forFile file: String) throws -> PendingConversion? {
        try dbQueue.read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM pending_conversions WHERE file = ?", arguments: [file]).map {
                PendingConversion(file: $0["file"], sha256: $0["sha256"], toolVersion: $0["tool_version"], jsonPath: $0["json_path"])
            }
        }
    }

    /// The consolidated series for `table` (and `measure`, when given), ordered by measure and month.
    public func series(table: String, measure: String? = nil) throws -> [SeriesPoint] {
        try dbQueue.read { db in
            try Row.fetchAll(db, sql: """
                SELECT * FROM monthly_series WHERE table_name = ? AND (? IS NULL OR measure = ?) ORDER BY measure, month
                """, arguments: [table, measure, measure]).map(Self.seriesPoint)
        }
    }

    /// A `monthly_series` row as a point.
    static func seriesPoint(_ r: Row) -> SeriesPoint {
        SeriesPoint(table: r["table_name"], measure: r["measure"], month: r["month"], value: r["value"], unit: r["unit"],
                    sourceReportId: r["source_report_id"], sourcePeriod: r["source_period"], reportCount: r["n_reports"],
                    distinctValues: r["n_values"], disagree: r["disagree"])
    }

    /// Number of findings per severity (all scopes).
    public func findingCounts() throws -> [Finding.Severity: Int] {
        try dbQueue.read { db in
            var out: [Finding.Severity: Int] = [:]
            for r in try Row.fetchAll(db, sql: "SELECT severity, COUNT(*) AS n FROM findings GROUP BY severity") {
                if let s = Finding.Severity(rawValue: r["severity"]) { out[s] = r["n"] }
            }
            return out
        }
    }

    /// The findings stored for the archive (`scope == "archive"`) or for reports (`"report"`).
    public func findings(scope: String) throws -> [Finding] {
        try dbQueue.read { db in try Row.fetchAll(db, sql: "SELECT * FROM findings WHERE scope = ? ORDER BY id", arguments: [scope]).map(Self.finding) }
    }

    static func finding(_ r: Row) -> Finding {
        func decode<T: Decodable>(_ t: T.Type, _ s: String?) -> T? {
            guard let s else { return nil }
            return try? JSONDecoder().decode(T.self, from: Data(s.utf8))
        }
        let related: String = r["related"]
        return Finding(code: r["code"], severity: Finding.Severity(rawValue: r["severity"]) ?? .info, pointer: r["pointer"],
                       related: decode([String].self, related) ?? [], printed: r["printed"],
                       expected: decode(JSONValue.self, r["expected"]), message: r["message"],
                       suggestion: decode(Suggestion.self, r["suggestion"]), page: r["page"], bbox: decode(BBox.self, r["bbox"]),
                       report: r["report"])
    }

    /// Every converted report, rebuilt from the long-form tables, ordered by `file` (so that the
    /// input order tie-break of `SeriesConsolidation.isNewer` matches the SQL view's).
    ///
    /// The rebuilt report has the stored values, `source` (file, sha256, pages, producer) and its
    /// own (`report`-scope) findings; it has no provenance. Enough for `CrossReportRules`.
    public func loadReports() throws -> [Report] {
        try dbQueue.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM reports WHERE status = 'converted' ORDER BY file").map { try Self.rebuild(db, $0) }
        }
    }

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

    /// What the cross-report rules need, with memory that grows with the disagreements, not with
    /// the archive: every converted report with its header fields, narrative, party statistics
    /// and row labels (what the continuity, gap and label rules read), plus the values of every
    /// (table, measure, month) that two reports print differently (any two values of
    /// `monthly_values`, before the exclusions of `monthly_series`: a superset of what the
    /// restatement rule can report), placed at their JSON Pointers. `valueCounts` gives each
    /// report's complete number of values, so the "more values" tie-break ranks these partial
    /// reports as their complete versions; `CrossCheckArchive.findings()` therefore equals
    /// `CrossReportRules.all` over the full reports.
    public func loadReportsForCrossChecks() throws -> CrossCheckArchive {
        try dbQueue.read { db in
            let disputed = try Row.fetchAll(db, sql: """
                WITH v AS (
                    SELECT mv.report_id, mv.table_name, mv.measure, mv.month, mv.value, mv.pointer FROM monthly_values mv
                      JOIN reports r ON r.id = mv.report_id WHERE r.status = 'converted' AND mv.value IS NOT NULL
                ),
                d AS (SELECT table_name, measure, month FROM v GROUP BY table_name, measure, month HAVING COUNT(DISTINCT value) > 1)
                SELECT v.report_id, v.table_name, v.measure, v.month, v.value, v.pointer FROM v JOIN d USING (table_name, measure, month)
                """)
            var byReport: [Int64: [Row]] = [:]
            for row in disputed { byReport[row["report_id"], default: []].append(row) }
            var counts: [Int64: Int] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT report_id, COUNT(value) AS n FROM monthly_values GROUP BY report_id") {
                counts[row["report_id"]] = row["n"]
            }
            var reports: [Report] = [], valueCounts: [Int] = []
            for row in try Row.fetchAll(db, sql: "SELECT * FROM reports WHERE status = 'converted' ORDER BY file") {
                let id: Int64 = row["id"]
                var r = try Self.rebuild(db, row, full: false)
                for v in byReport[id] ?? [] { Self.place(v, into: &r) }
                reports.append(r)
                valueCounts.append(counts[id] ?? 0)
            }
            return CrossCheckArchive(reports: reports, valueCounts: valueCounts)
        }
    }

    /// Puts one `monthly_values` row back into a partial report at its JSON Pointer
    /// (`/helpdesk/rows/3/counts/5`, `/helpdesk/total/9`, `/website/rows/1/values/2`,
    /// `/drivers/rows/4/days`, `/drivers/grand_total`, `/voting_groups/2/count`,
    /// `/modification_status/rows/1/count`, `/modification_status/total`); narrative and party
    /// statistics are already complete in a partial report.
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
            break // narrative and party statistics: already in the partial report
        }
    }

    /// Rebuilds a report from its rows; with `full == false` only the header fields, narrative,
    /// party statistics and the other tables' row labels (no values).
    static func rebuild(_ db: Database, _ row: Row, full: Bool = true) throws -> Report {
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
        if !full {
            r.partyStatistics = try partyStatistics(db, id)
            try rebuildLabels(db, id, &r)
            return r
        }
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

    /// Row labels only (values left out) of the drivers (with their groups), helpdesk and website
    /// tables, in row order: what `LabelVariantRule` and `DriverGroupRule` read.
    static func rebuildLabels(_ db: Database, _ id: Int64, _ r: inout Report) throws {
        let drivers = try Row.fetchAll(db, sql: "SELECT grp, driver FROM driver_days WHERE report_id = ? AND is_total = 0 ORDER BY row_index", arguments: [id])
        if !drivers.isEmpty { r.drivers = Drivers(rows: drivers.map { DriverRow(group: $0["grp"], driver: $0["driver"], days: nil) }) }
        let categories = try String.fetchAll(db, sql: """
            SELECT category FROM helpdesk_emails WHERE report_id = ? AND is_total = 0 GROUP BY row_index ORDER BY row_index
            """, arguments: [id])
        if !categories.isEmpty { r.helpdesk = Helpdesk(months: [], rows: categories.map { HelpdeskRow(category: $0, counts: []) }) }
        let metrics = try String.fetchAll(db, sql: "SELECT metric FROM website_statistics WHERE report_id = ? GROUP BY row_index ORDER BY row_index", arguments: [id])
        if !metrics.isEmpty { r.website = Website(months: [], rows: metrics.map { WebsiteRow(metric: $0, values: []) }) }
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
