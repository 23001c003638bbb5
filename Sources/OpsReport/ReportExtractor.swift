import PDFLayout
import Foundation

/// Reads an Operations Report PDF into a `Report`.
public enum ReportExtractor {
    /// Extracts every section of the report at `path`.
    ///
    /// - Parameters:
    ///   - path: the PDF file.
    ///   - password: user password for an encrypted PDF.
    /// - Returns: the report with provenance; `findings` is empty (the Reconcile module fills it).
    /// - Throws: `ExtractionError`.
    public static func extract(path: String, password: String? = nil) throws -> Report {
        fatalError("not yet built")
    }
}
