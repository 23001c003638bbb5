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
///   pass read (`crossCheckInput(rules:)`), stored with its findings.
/// - View `related_cells(finding_id, report_id, report, period, pointer, value)`: every cell
///   that is evidence of a `restatement` or `ocr_misreading` finding, the full list of which
///   `related` names a few: the cells of converted reports that print the finding's expected
///   value for the same table, measure and month (for a restatement, reports of the same kind,
///   text or scan, as the finding's; for a misreading, text reports), leaving out rows with an
///   empty or `label_variant`-flagged label as the rules do. Query it by finding:
///   `SELECT report, pointer FROM related_cells WHERE finding_id = ?`.
enum StoreIncremental {
    static let relatedCells = """
        CREATE VIEW related_cells AS
            WITH flagged AS (
                SELECT f.report_id, rtrim(f.pointer, '\(StoreViews.labelKeyLetters)') AS row_prefix
                  FROM findings f
                 WHERE f.code = 'label_variant' AND f.report_id IS NOT NULL AND f.pointer LIKE '/%/rows/%/%'
            )
            SELECT f.id AS finding_id, o.report_id, r.name AS report, r.period, o.pointer, o.value
              FROM findings f
              JOIN reports fr ON fr.id = f.report_id
              JOIN monthly_values c ON c.report_id = f.report_id AND c.pointer = f.pointer
              JOIN monthly_values o ON o.table_name = c.table_name AND o.measure = c.measure AND o.month = c.month
              JOIN reports r ON r.id = o.report_id
             WHERE f.scope = 'archive' AND f.code IN ('restatement', 'ocr_misreading') AND r.status = 'converted'
               AND o.value = json_extract(f.expected, '$') AND o.measure <> ''
               AND CASE f.code WHEN 'restatement' THEN (r.variant = 'text') = (fr.variant = 'text') ELSE r.variant = 'text' END
               AND NOT EXISTS (SELECT 1 FROM flagged g
                                WHERE g.report_id = o.report_id AND substr(o.pointer, 1, length(g.row_prefix)) = g.row_prefix)
        """

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
    /// rules. When it equals `storedCrossCheckInput()`, the stored archive findings are those the
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

    /// The input digest stored by the last `replaceArchiveFindings(_:input:)`, if any.
    /// - Throws: a database error.
    public func storedCrossCheckInput() throws -> String? {
        try dbQueue.read { db in
            try String.fetchOne(db, sql: "SELECT value FROM archive_state WHERE key = ?", arguments: [Self.crossCheckInputKey])
        }
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
