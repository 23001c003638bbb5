import OCR
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
    ///   - knownHash: the file's SHA-256 as the caller took it (the batch's parent), used when
    ///     the file still has the identity it had then (see `PDFDocument.init`).
    ///   - willOCR: called with the number of pages about to be read by OCR (a scan; an
    ///     image-only PDF, in two runs: its first `reportProbePages` pages, then the rest), so a
    ///     caller can allow for the time OCR takes; never for a born-digital report.
    /// - Returns: the report; `findings` holds only extraction notes (inferred months), the
    ///   Reconcile module adds the rest.
    /// Scans are read again from their page images (`OCR.PageOCR`): a scan's ruled tables are
    /// read cell by cell and their words replace the text layer's there; an image-only PDF is read
    /// whole (`variant` `image-only`). Born-digital reports never go through OCR.
    ///
    /// - Throws: `ExtractionError` (`.pdf` wrapping `PDFLayoutError`, `.noTextLayer` when the
    ///   page images hold nothing legible, `.blank`, `.notAReport`).
    public static func extract(path: String, password: String? = nil, knownHash: KnownHash? = nil,
                               willOCR: (Int) -> Void = { _ in }) throws -> Report {
        let doc: PDFDocument
        do { doc = try PDFDocument(path: path, password: password, knownHash: knownHash) } catch let e as PDFLayoutError { throw ExtractionError.pdf(e) }
        var pages: [PDFPage]
        // Page 1's image coverage tells a scan from a born-digital report; measure it in the same pass.
        do { pages = try (1...doc.pageCount).map { try doc.page($0, imageCoverage: $0 == 1) } } catch let e as PDFLayoutError { throw ExtractionError.pdf(e) }
        let sha = doc.sha256  // the hash of the very bytes parsed
        let source = Source(file: path, sha256: sha, pages: doc.pageCount, producer: doc.metadata.producer)

        var ocr: [OCRPage] = [], variant: String? = nil
        if pages.allSatisfy({ $0.words.isEmpty }) {
            let imaged = (1...min(doc.pageCount, 3)).contains { (try? doc.page($0, imageCoverage: true).imageCoverage ?? 0) ?? 0 > 0.3 }
            guard imaged else { throw ExtractionError.blank(path: path, pages: doc.pageCount) }
            (pages, ocr) = try readImageOnly(doc: doc, pages: pages, path: path, willOCR: willOCR) { first in
                let r = build(pages: first, source: source, metadata: doc.metadata, isScan: { true })
                return !looksLikeNoReport(r)
            }
            variant = "image-only"
        } else if isScanned(doc: doc, pages: pages) {
            willOCR(doc.pageCount)
            (pages, ocr) = fuseScanned(doc: doc, pages: pages)
            variant = "scanned"
        }
        let scan = variant != nil
        // Text a person cannot see is dropped from born-digital pages (a scan's OCR layer is invisible by design).
        let visiblePages = scan ? pages : pages.map { visibleWords(of: $0, in: doc) }
        var report = build(pages: visiblePages, source: source, metadata: doc.metadata, isScan: { scan })
        if !scan, let inked = inkedTableWords(report: report, pages: visiblePages, doc: doc) {
            report = build(pages: inked, source: source, metadata: doc.metadata, isScan: { scan })
        }
        if let variant { report.variant = variant }
        if !ocr.isEmpty { OCRFusion.apply(ocr, to: &report) }
        if variant != nil { LabelMatching.apply(to: &report) }
        if looksLikeNoReport(report) {
            throw ExtractionError.notAReport(path: path, reason: "no \"Operations Report — <Month> <Year>\" title and none of its tables were found")
        }
        ReportSanitizer.apply(&report)
        return report
    }

    /// No report title and (next to) none of the report's tables: not an Operations Report.
    static func looksLikeNoReport(_ report: Report) -> Bool { report.period == nil && report.missingSections.count >= 6 }

    /// Whether the text layer is OCR over page images: a producer that says so, the OCR
    /// engine's glyph-less font, or an image covering page 1.
    static func isScanned(doc: PDFDocument, pages: [PDFPage]) -> Bool {
        let meta = [doc.metadata.producer, doc.metadata.creator].compactMap { $0?.lowercased() }
        if meta.contains(where: { $0.contains("scan") || $0.contains("tesseract") || $0.contains("ocr") }) { return true }
        if pages.first?.words.contains(where: { $0.fontName.lowercased().contains("glyphless") }) == true { return true }
        return (pages.first?.imageCoverage ?? 0) > 0.85
    }

    /// The page without text a person cannot see (`InkFilter.visibleWords`).
    static func visibleWords(of page: PDFPage, in doc: PDFDocument) -> PDFPage {
        InkFilter.visibleWords(of: page, in: doc, scale: inkScale)
    }

    /// Table cells as a person sees them: the numeric words inside the tables just read lose
    /// glyphs that leave no ink on the rendered page (`InkFilter.trimInvisibleGlyphs`). Only the
    /// part of each page that holds table values is rendered. Returns the corrected pages, or
    /// `nil` when every glyph has ink (the report stands as read).
    static func inkedTableWords(report: Report, pages: [PDFPage], doc: PDFDocument) -> [PDFPage]? {
        var areas: [Int: BBox] = [:]
        var columns: [Int: [String: [BBox]]] = [:]
        for (pointer, p) in report.provenance where pointer.hasPrefix("/drivers/") || pointer.contains("/rows/") || pointer.contains("/total") {
            guard p.text.contains(where: \.isNumber) else { continue }
            areas[p.page] = areas[p.page].map { $0.union(p.bbox) } ?? p.bbox
            let parts = pointer.split(separator: "/")
            let column = "\(parts.first ?? "")/" + (parts.last.map { $0.allSatisfy(\.isNumber) ? String($0) : "value" } ?? "")
            if column.hasSuffix("value"), !(pointer.hasSuffix("/days") || pointer.hasSuffix("grand_total") || pointer.hasSuffix("/count") || pointer.hasSuffix("/total")) { continue }
            columns[p.page, default: [:]][column, default: []].append(p.bbox)
        }
        var out = pages, changed = false
        // Only pages whose value columns give cause are rendered (rendering costs as much as reading):
        // totals that do not add up, a printed value with digits that is not a number (`9 –`: a
        // hidden digit cut off a neighbour's value), or columns whose edges do not line up.
        let disputed = pagesWithUnbalancedTotals(report).union(pagesWithUnreadValues(report))
        for (number, area) in areas where disputed.contains(number) || InkFilter.needsInkCheck(columns: Array((columns[number] ?? [:]).values)) {
            guard let i = pages.firstIndex(where: { $0.number == number }) else { continue }
            let clip = BBox(x0: area.x0 - 4, y0: area.y0 - 4, x1: area.x1 + 12, y1: area.y1 + 4)
            guard let bitmap = try? doc.render(page: number, scale: inkScale, rotation: pages[i].rotation, clip: clip) else { continue }
            let r = InkFilter.trimInvisibleGlyphs(pages[i].words, check: { w in
                clip.containsCentre(of: w.bbox) && w.text.contains(where: \.isNumber)
            }, darkest: bitmap.darkest(in:))
            if r.changed { out[i].words = r.words; changed = true }
        }
        return changed ? out : nil
    }

    /// Pages printing a table value with digits that is not read as a number.
    static func pagesWithUnreadValues(_ r: Report) -> Set<Int> {
        Set(r.cells.compactMap { c in
            guard c.value == nil, let p = r.provenance[c.pointer], p.text.contains(where: \.isNumber) else { return nil }
            return p.page
        })
    }

    /// Pages printing a total that its table's rows do not add up to (the helpdesk's total row,
    /// the drivers' grand total): a digit read there may be one a person cannot see.
    static func pagesWithUnbalancedTotals(_ r: Report) -> Set<Int> {
        var pages = Set<Int>()
        if let h = r.helpdesk, !h.total.isEmpty {
            for j in h.total.indices {
                let sum = h.rows.reduce(0) { $0 &+ (j < $1.counts.count ? ($1.counts[j] ?? 0) : 0) }
                if h.total[j] != sum { for p in r.provenance.filter({ $0.key.hasPrefix("/helpdesk/") }).values { pages.insert(p.page) } ; break }
            }
        }
        if let d = r.drivers, let g = d.grandTotal, d.rows.reduce(0, { $0 &+ ($1.days?.hundredths ?? 0) }) != g.hundredths {
            for p in r.provenance.filter({ $0.key.hasPrefix("/drivers/") }).values { pages.insert(p.page) }
        }
        return pages
    }

    /// Pixels per point of the ink check (2 = 144 dpi: a 7 pt digit is 14 pixels high).
    static let inkScale = 2.0

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
