import PDFLayout
import TableLayout
import Foundation

/// Reads an Operations Report PDF into a `Report`.
public enum ReportExtractor {
    /// Extracts every section of the report at `path`.
    ///
    /// Opens the PDF with poppler (`PDFDocument`), lays out each page's words into lines with
    /// running headers and footers removed (`DocumentLayout`), finds each table by its caption
    /// (`SectionLocator`) and rebuilds it (`MonthMatrixParser`, `KeyValueTableParser`,
    /// `MeetingsParser`, `VotingGroupsParser`); narrative figures come from the running text
    /// (`NarrativeParser`). Every value gets a provenance entry under its JSON Pointer.
    ///
    /// - Parameters:
    ///   - path: the PDF file.
    ///   - password: user password for an encrypted PDF.
    /// - Returns: the report; `findings` holds only extraction notes (inferred months), the
    ///   Reconcile module adds the rest.
    /// - Throws: `ExtractionError` (`.pdf` wrapping `PDFLayoutError`, `.noTextLayer`,
    ///   `.blank`, `.notAReport`).
    public static func extract(path: String, password: String? = nil) throws -> Report {
        let doc: PDFDocument
        do { doc = try PDFDocument(path: path, password: password) } catch let e as PDFLayoutError { throw ExtractionError.pdf(e) }
        let pages: [PDFPage]
        // Page 1's image coverage tells a scan from a born-digital report; measure it in the same pass.
        do { pages = try (1...doc.pageCount).map { try doc.page($0, imageCoverage: $0 == 1) } } catch let e as PDFLayoutError { throw ExtractionError.pdf(e) }
        let sha = doc.sha256  // the hash of the very bytes parsed
        let source = Source(file: path, sha256: sha, pages: doc.pageCount, producer: doc.metadata.producer)

        if pages.allSatisfy({ $0.words.isEmpty }) {
            let imaged = (1...min(doc.pageCount, 3)).contains { (try? doc.page($0, imageCoverage: true).imageCoverage ?? 0) ?? 0 > 0.3 }
            throw imaged ? ExtractionError.noTextLayer(path: path, pages: doc.pageCount) : ExtractionError.blank(path: path, pages: doc.pageCount)
        }
        let report = build(pages: pages, source: source, metadata: doc.metadata, isScan: { isScanned(doc: doc, pages: pages) })
        if report.period == nil && report.missingSections.count >= 6 {
            throw ExtractionError.notAReport(path: path, reason: "no \"Operations Report — <Month> <Year>\" title and none of its tables were found")
        }
        return report
    }

    /// Whether the text layer is OCR over page images: a producer that says so, the OCR
    /// engine's glyph-less font, or an image covering page 1.
    static func isScanned(doc: PDFDocument, pages: [PDFPage]) -> Bool {
        let meta = [doc.metadata.producer, doc.metadata.creator].compactMap { $0?.lowercased() }
        if meta.contains(where: { $0.contains("scan") || $0.contains("tesseract") || $0.contains("ocr") }) { return true }
        if pages.first?.words.contains(where: { $0.fontName.lowercased().contains("glyphless") }) == true { return true }
        return (pages.first?.imageCoverage ?? 0) > 0.85
    }

    /// Builds the report from laid-out pages (no I/O).
    static func build(pages: [PDFPage], source: Source, metadata: PDFMetadata, isScan: () -> Bool) -> Report {
        var report = Report(source: source, variant: isScan() ? "scanned" : "text")
        var prov = ProvenanceRecorder()
        let rawLines = pages.map { LineBuilder.lines($0.words) }
        let layout = DocumentLayout(pages: pages, lines: rawLines)

        let header = DocumentHeaderParser.parse(rawPages: rawLines)
        report.title = header.title; report.period = header.period; report.reference = header.reference
        prov.record("/title", header.titleCell); prov.record("/period", header.titleCell); prov.record("/reference", header.referenceCell)

        let narrative = NarrativeParser.parse(layout.pages.flatMap { $0.lines.flatMap(\.words) })
        func nInt(_ k: String) -> Int? {
            guard let f = narrative[k] else { return nil }
            prov.record("/narrative/\(k)", f.cell, text: f.text)
            return NumberText.parseInt(f.text)
        }
        if let f = narrative["resource_days_total"] {
            prov.record("/narrative/resource_days_total", f.cell, text: f.text)
            report.narrative.resourceDaysTotal = NumberText.parseDays(f.text)
        }
        report.narrative.telephoneEnquiries = nInt("telephone_enquiries")
        report.narrative.emailEnquiries = nInt("email_enquiries")
        report.narrative.parties = nInt("parties")
        report.narrative.votingGroups = nInt("voting_groups")

        var missing: [String] = []
        SectionReaders.drivers(layout, into: &report, prov: &prov, missing: &missing)
        SectionReaders.helpdesk(layout, into: &report, prov: &prov, missing: &missing)
        SectionReaders.website(layout, into: &report, prov: &prov, missing: &missing)
        SectionReaders.partyStatistics(layout, into: &report, prov: &prov, missing: &missing)
        SectionReaders.votingGroups(layout, into: &report, prov: &prov, missing: &missing)
        SectionReaders.meetings(layout, into: &report, prov: &prov, missing: &missing)
        SectionReaders.modificationStatus(layout, into: &report, prov: &prov)
        report.missingSections = missing
        report.provenance = prov.entries
        report.findings = prov.notes
        return report
    }
}

/// Collects provenance entries and extraction notes while sections are read.
struct ProvenanceRecorder {
    var entries: [String: Provenance] = [:]
    var notes: [Finding] = []
    mutating func record(_ pointer: String, _ cell: Cell?, text: String? = nil) {
        guard let cell else { return }
        entries[pointer] = Provenance(page: cell.page, bbox: cell.bbox, text: text ?? cell.text)
    }
}
