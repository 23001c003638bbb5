import Foundation
import GRDB
import OpsReport
import PDFLayout

extension ArchiveStore {
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
            INSERT INTO findings (report_id, scope, report, code, severity, pointer, related, related_count, printed, expected, message, suggestion, page, bbox)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """).execute(arguments: [reportId, scope, f.report, f.code, f.severity.rawValue, f.pointer, json(f.related), f.relatedCount, f.printed,
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
    /// - Parameter input: the `crossCheckInput(rules:)` digest the findings were computed from,
    ///   stored with them (see `archiveFindingsAreCurrent(input:)`); `nil` forgets any stored one.
    public func replaceArchiveFindings(_ findings: [Finding], input: String? = nil) throws {
        try dbQueue.write { db in
            try db.execute(sql: "DELETE FROM findings WHERE scope = 'archive'")
            let byFile = try db.cachedStatement(sql: "SELECT id FROM reports WHERE file = ? AND status = 'converted'")
            let byPeriod = try db.cachedStatement(sql: "SELECT id FROM reports WHERE period = ? AND status = 'converted' ORDER BY (variant = 'text') DESC, file DESC LIMIT 1")
            var ids: [String: Int64?] = [:]  // a report's findings come together: look it up once
            for f in findings {
                var rid: Int64?
                if let r = f.report {
                    if let known = ids[r] { rid = known } else {
                        rid = try Int64.fetchOne(byFile, arguments: [r])
                        if rid == nil { rid = try Int64.fetchOne(byPeriod, arguments: [r]) }
                        ids[r] = .some(rid)
                    }
                }
                try Self.insertFinding(db, reportId: rid, scope: "archive", f)
            }
            if let input {
                try db.execute(sql: "INSERT OR REPLACE INTO archive_state VALUES (?, ?)", arguments: [Self.crossCheckInputKey, try Self.stamp(db, input)])
            } else {
                try db.execute(sql: "DELETE FROM archive_state WHERE key = ?", arguments: [Self.crossCheckInputKey])
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
}
