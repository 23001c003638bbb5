import Foundation
import OpsReport
import PDFLayout
import Reconcile

/// One report to audit: the report (with provenance and findings) and the PDF it was read from,
/// when that PDF is still there with the same bytes.
public struct ReportAudit: Sendable {
    /// Name shown in the page (the input path, or the batch's name of the file).
    public var name: String
    public var report: Report
    /// The PDF to crop, `nil` when it is gone or has changed (see `pdfNote`).
    public var pdfPath: String?
    /// Why there are no crops, when `pdfPath` is `nil`.
    public var pdfNote: String?
    /// Password of the PDF, if encrypted.
    public var password: String?
    /// Anchor of this report in the page, e.g. `report-2`.
    public var anchor: String = "report-0"

    public init(name: String, report: Report, pdfPath: String?, pdfNote: String? = nil, password: String? = nil) {
        self.name = name; self.report = report; self.pdfPath = pdfPath; self.pdfNote = pdfNote; self.password = password
    }

    /// Extracts and reconciles the PDF at `path`; `willOCR` is called with the number of pages
    /// before they are read by OCR (as in `ReportExtractor.extract`).
    /// - Throws: `ExtractionError` as `ReportExtractor.extract`.
    public static func fromPDF(path: String, name: String? = nil, password: String? = nil,
                               willOCR: (Int) -> Void = { _ in }) throws -> ReportAudit {
        let report = Reconciler.reconcile(try ReportExtractor.extract(path: path, password: password, willOCR: willOCR))
        return ReportAudit(name: name ?? path, report: report, pdfPath: path, password: password)
    }

    /// A report JSON written by `extract` (or `reconcile -o`). Its PDF is looked for at
    /// `source.file` as written, then next to the JSON; when neither is there, or the bytes no
    /// longer have `source.sha256`, the audit has no crops and says why.
    /// - Throws: `DecodingError` when `data` is not a report JSON; `AuditError.notAReportJSON`
    ///   when it has no period and nothing located (no provenance, no findings).
    public static func fromJSON(_ data: Data, name: String, jsonDirectory: String?, password: String? = nil) throws -> ReportAudit {
        let report = try ReportCoding.decode(data)
        guard report.period != nil || !report.provenance.isEmpty || !report.findings.isEmpty else {
            throw AuditError.notAReportJSON(path: name, reason: "it has no period, no provenance and no findings")
        }
        let (pdf, note) = locatePDF(report.source, near: jsonDirectory)
        return ReportAudit(name: name, report: report, pdfPath: pdf, pdfNote: note, password: password)
    }

    /// The PDF a report was read from, or why there is none to crop.
    static func locatePDF(_ source: Source, near directory: String?) -> (String?, String?) {
        guard !source.file.isEmpty else { return (nil, "The report names no source PDF (source.file is empty): no crops.") }
        var candidates = [source.file]
        if let directory, !source.file.hasPrefix("/") {
            candidates.append((directory as NSString).appendingPathComponent(source.file))
        }
        if let directory {
            candidates.append((directory as NSString).appendingPathComponent((source.file as NSString).lastPathComponent))
        }
        var changed: String?
        for c in candidates where FileManager.default.fileExists(atPath: c) {
            guard !source.sha256.isEmpty, let sha = try? PDFDocument.sha256(ofFile: c) else { return (c, nil) }
            if sha == source.sha256 { return (c, nil) }
            changed = c
        }
        if let changed {
            return (nil, "The source PDF \(changed) has changed since it was converted (its SHA-256 differs): no crops. Convert it again.")
        }
        return (nil, "The source PDF \(source.file) is gone (looked for: \(candidates.joined(separator: ", "))): no crops, findings and values only.")
    }
}
