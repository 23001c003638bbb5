import Foundation
import GRDB
import OpsReport
import PDFLayout

/// Migration `v4-incremental`: what lets a re-run skip work, and bounded evidence lists.
///
/// - `reports.file_identity`: the file's `FileIdentity` (`DEV:INO:SIZE:MTIME:CTIME`) when it was
///   last hashed, recorded only when it was settled then (`FileIdentity.isSettled(at:)`); a file
///   found with the same identity is known to hold the recorded `sha256` without being read.
/// - `findings.related_count`: `Finding.relatedCount` (NULL when `related` lists every cell).
/// - `archive_state(key, value)`: `cross_checks_input` is the digest of what the last cross-report
///   pass read (`crossCheckInput(rules:)`) and, after `@`, the largest id of the findings it
///   stored (so that findings replaced by any other program, e.g. an older version that does not
///   know this table, are not taken for the pass's own).
/// - View `related_cells(finding_id, report_id, report, period, pointer, value)`: every cell
///   that is evidence of a `restatement` or `ocr_misreading` finding, the full list of which
///   `related` names a few: the cells of converted reports that print the finding's expected
///   value for the same table, measure and month (for a restatement, reports of the same kind,
///   text or scan, as the finding's; for a misreading, text reports), leaving out rows with an
///   empty or `label_variant`-flagged label as the rules do. Query it by finding:
///   `SELECT report, pointer FROM related_cells WHERE finding_id = ?`.
enum StoreIncremental {
    /// The long-form tables as `monthly_values` reads them: table name, SQL table, label column,
    /// value column, and whether the month is the report's period (single-month tables).
    static let valueTables: [(name: String, table: String, label: String, value: String, periodMonth: Bool)] = [
        ("helpdesk", "helpdesk_emails", "category", "count", false), ("website", "website_statistics", "metric", "value", false),
        ("party_statistics", "party_statistics", "measure", "count", false), ("narrative", "narrative", "measure", "value", true),
        ("drivers", "driver_days", "driver", "days", true), ("voting_groups", "voting_groups", "category", "count", true),
        ("modification_status", "modification_status", "status", "count", true),
    ]

    /// The view `related_cells`: one arm per long-form table (not `monthly_values`), so that a
    /// query for one finding reads that finding's cells through the tables' month and period
    /// indexes instead of every value of the archive.
    static var relatedCells: String {
        let target = valueTables.map { t -> String in
            """
            SELECT f.id AS finding_id, '\(t.name)' AS table_name, x.\(t.label) AS measure, \(t.periodMonth ? "fr.period" : "x.month") AS month,
                   json_extract(f.expected, '$') AS expected, CASE f.code WHEN 'restatement' THEN (fr.variant = 'text') ELSE 1 END AS text_only
              FROM findings f JOIN reports fr ON fr.id = f.report_id JOIN \(t.table) x ON x.report_id = f.report_id AND x.pointer = f.pointer
             WHERE f.scope = 'archive' AND f.code IN ('restatement', 'ocr_misreading') AND f.pointer LIKE '/\(t.name)/%'
            """
        }.joined(separator: "\nUNION ALL\n")
        let letters = StoreViews.labelKeyLetters
        let cells = valueTables.map { t -> String in
            let join = t.periodMonth
                ? "JOIN reports r ON r.period = t.month JOIN \(t.table) x ON x.report_id = r.id AND x.\(t.label) = t.measure"
                : "JOIN \(t.table) x ON x.month = t.month AND x.\(t.label) = t.measure JOIN reports r ON r.id = x.report_id"
            return """
                SELECT t.finding_id, x.report_id, r.name AS report, r.period, x.pointer, x.\(t.value) AS value
                  FROM target t \(join)
                 WHERE t.table_name = '\(t.name)' AND t.measure <> '' AND r.status = 'converted' AND x.\(t.value) = t.expected
                   AND (r.variant = 'text') = t.text_only
                   AND NOT EXISTS (SELECT 1 FROM findings g
                                    WHERE g.code = 'label_variant' AND g.report_id = x.report_id AND g.pointer LIKE '/%/rows/%/%'
                                      AND substr(x.pointer, 1, length(rtrim(g.pointer, '\(letters)'))) = rtrim(g.pointer, '\(letters)'))
                """
        }.joined(separator: "\nUNION ALL\n")
        return "CREATE VIEW related_cells AS\nWITH target AS (\n\(target)\n)\n\(cells)"
    }

    static func register(_ m: inout DatabaseMigrator) {
        m.registerMigration("v4-incremental") { db in
            try db.execute(sql: "ALTER TABLE reports ADD COLUMN file_identity TEXT")
            try db.execute(sql: "ALTER TABLE findings ADD COLUMN related_count INTEGER")
            try db.execute(sql: "CREATE TABLE archive_state (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID")
            try db.execute(sql: relatedCells)
        }
    }
}

extension ArchiveStore {
    /// The `archive_state` key of the last cross-report pass's input digest.
    static let crossCheckInputKey = "cross_checks_input"

    /// A digest (SHA-256, hex) of everything the cross-report pass reads: each converted report's
    /// row id, file, SHA-256 and tool version, in file order (a row's values never change under
    /// its id: a conversion replaces the row), and `rules`, which names the code that runs the
    /// rules. When `archiveFindingsAreCurrent(input:)`, the stored archive findings are those the
    /// pass would compute again.
    /// - Throws: a database error.
    public func crossCheckInput(rules: String) throws -> String {
        try dbQueue.read { db in
            var text = "rules \(rules)\n"
            let rows = try Row.fetchCursor(db, sql: "SELECT id, file, sha256, tool_version FROM reports WHERE status = 'converted' ORDER BY file")
            while let r = try rows.next() {
                let id: Int64 = r[0], file: String = r[1], sha: String = r[2], tool: String = r[3]
                text += "\(id)\t\(file)\t\(sha)\t\(tool)\n"
            }
            return FileBytes.sha256(Array(text.utf8))
        }
    }

    /// Whether the stored archive findings are those `replaceArchiveFindings(_:input:)` stored
    /// for `input`, untouched since.
    /// - Throws: a database error.
    public func archiveFindingsAreCurrent(input: String) throws -> Bool {
        try dbQueue.read { db in
            try String.fetchOne(db, sql: "SELECT value FROM archive_state WHERE key = ?", arguments: [Self.crossCheckInputKey])
                == Self.stamp(db, input)
        }
    }

    /// `input@N`: N the largest id of the archive findings (0 for none).
    static func stamp(_ db: Database, _ input: String) throws -> String {
        "\(input)@\(try Int64.fetchOne(db, sql: "SELECT COALESCE(MAX(id), 0) FROM findings WHERE scope = 'archive'") ?? 0)"
    }

    /// The recorded file identities: file → (SHA-256, `FileIdentity`), for rows that have one.
    /// - Throws: a database error.
    public func recordedIdentities() throws -> [String: (sha256: String, identity: FileIdentity)] {
        try dbQueue.read { db in
            var out: [String: (String, FileIdentity)] = [:]
            let rows = try Row.fetchCursor(db, sql: "SELECT file, sha256, file_identity FROM reports WHERE file_identity IS NOT NULL")
            while let r = try rows.next() {
                let text: String = r[2]
                if let id = FileIdentity(text) { out[r[0]] = (r[1], id) }
            }
            return out
        }
    }

    /// Records, in one transaction, the identity each file had when it was hashed to `sha256`
    /// (NULL for an identity that was not settled), on its row when that row holds this hash.
    /// - Throws: a database error.
    public func recordIdentities(_ items: [(file: String, sha256: String, identity: FileIdentity?)]) throws {
        guard !items.isEmpty else { return }
        try dbQueue.write { db in
            let update = try db.cachedStatement(sql: "UPDATE reports SET file_identity = ? WHERE file = ? AND sha256 = ?")
            for i in items { try update.execute(arguments: [i.identity?.description, i.file, i.sha256]) }
        }
    }
}
