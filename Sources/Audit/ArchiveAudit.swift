import Archive
import Foundation
import OpsReport
import PDFLayout

/// A batch database to audit: its converted reports (each with the findings the database holds,
/// its own and the cross-report ones, and the provenance of the JSON the batch wrote) and its
/// consolidated monthly series.
public struct ArchiveAudit: Sendable {
    public var databasePath: String
    public var reports: [ReportAudit]
    /// `reports.id` → index into `reports`.
    public var reportIndex: [Int64: Int]
    public var series: [AuditSeriesMonth]
    /// Archive findings that belong to no report (`archive_gap`).
    public var archiveFindings: [Finding]

    /// Reads the database at `path`, read-only (it is not changed, nor migrated). `password`
    /// opens encrypted report PDFs for their crops (the one given to `batch --password`).
    /// - Throws: `AuditError.notADatabase` when the file is missing or not an OpsReport database.
    public static func load(path: String, password: String? = nil) throws -> ArchiveAudit {
        guard FileManager.default.fileExists(atPath: path) else { throw AuditError.notADatabase(path: path, reason: "no such file") }
        let store: ArchiveStore
        let rows: [ArchivedReport]
        do {
            store = try ArchiveStore(readOnlyPath: path)
            rows = try store.archivedReports()
        } catch {
            throw AuditError.notADatabase(path: path, reason: "\(error)")
        }
        var reports: [ReportAudit] = [], index: [Int64: Int] = [:]
        for row in rows {
            var report: Report
            var notes: [String] = []
            if let json = row.jsonPath, let data = FileManager.default.contents(atPath: json), let r = try? ReportCoding.decode(data) {
                report = r
            } else {
                report = Report(source: Source(file: row.file, sha256: row.sha256, pages: row.pages ?? 0))
                report.period = row.period
                notes.append("The report JSON \(row.jsonPath ?? "(none recorded)") is gone: no table drawings, findings from the database.")
            }
            report.findings = try store.findings(reportId: row.id)
            report.source.file = row.file
            report.source.sha256 = row.sha256
            let (pdf, note) = ReportAudit.locatePDF(report.source, near: nil)
            if let note { notes.append(note) }
            var audit = ReportAudit(name: row.name, report: report, pdfPath: pdf, pdfNote: notes.isEmpty ? nil : notes.joined(separator: " "),
                                    password: password)
            audit.anchor = "report-\(row.id)"
            index[row.id] = reports.count
            reports.append(audit)
        }
        return ArchiveAudit(databasePath: path, reports: reports, reportIndex: index, series: try store.auditSeries(),
                            archiveFindings: try store.unattachedFindings())
    }
}

/// Why an audit cannot be made.
public enum AuditError: Error, Equatable, Sendable {
    case notADatabase(path: String, reason: String)
    case notAReportJSON(path: String, reason: String)

    /// A sentence naming the file, the reason and what to do.
    public var message: String {
        switch self {
        case let .notADatabase(p, r): return "\(p): not an OpsReport batch database (\(r)). Give a database written by `opsreport batch`."
        case let .notAReportJSON(p, r): return "\(p): not a report JSON (\(r)). Give a report JSON written by `opsreport extract`."
        }
    }
}
