import PDFLayout

extension ReportExtractor {
    /// Builds a report from pages already read (their words, in PDFLayout's coordinates: boxes
    /// clamped by `GeometryLimits`), with no I/O: the word-to-table pipeline alone, as used by the
    /// fuzz target (`Sources/OpsReportFuzz`) and by tests of synthetic layouts.
    ///
    /// - Returns: the report (never throws: a page set that is not a report gives a report with
    ///   every section in `missing_sections`).
    public static func extract(pages: [PDFPage], source: Source, metadata: PDFMetadata = PDFMetadata(), isScan: Bool = false) -> Report {
        build(pages: pages, source: source, metadata: metadata, isScan: { isScan })
    }
}
