import TableLayout
import OCR
import PDFLayout

/// Fewest words OCR must read in a whole document for an image-only PDF to count as legible.
let minLegibleWords = 20

extension ReportExtractor {
    /// Pages of an image-only PDF read by OCR before the rest: when these hold nothing legible,
    /// or no report title and none of its tables, the file is refused without reading the others
    /// (a 100-page scan of noise ends after seconds, not after a quarter of an hour of OCR).
    public static let reportProbePages = 3

    /// Reads every page of an image-only PDF with OCR (tables cell by cell, then the rest): the
    /// first `reportProbePages` pages, then, when `isReport` holds for them, the others.
    /// `willOCR` is called with the number of pages before each of the two runs.
    /// - Throws: `ExtractionError.noTextLayer` when Tesseract is missing or reads nothing legible;
    ///   `ExtractionError.notAReport` when the first pages are legible but `isReport` fails.
    static func readImageOnly(doc: PDFDocument, pages: [PDFPage], path: String, willOCR: (Int) -> Void,
                              isReport: ([PDFPage]) -> Bool) throws -> ([PDFPage], [OCRPage]) {
        guard let ocr = try? PageOCR() else { throw ExtractionError.noTextLayer(path: path, pages: doc.pageCount) }
        var out = pages, reads: [OCRPage] = []
        func legible(_ read: [PDFPage]) -> Bool { read.reduce(0, { $0 + $1.words.count }) >= minLegibleWords }
        let probe = min(Self.reportProbePages, out.count)
        for run in [0..<probe, probe..<out.count] where !run.isEmpty {
            if run.lowerBound > 0 {
                let first = Array(out[..<run.lowerBound])
                guard legible(first) else {
                    throw ExtractionError.noTextLayer(path: path, pages: doc.pageCount)
                }
                guard isReport(first) else {
                    throw ExtractionError.notAReport(path: path, reason: "the first \(run.lowerBound) of \(out.count) pages, read by OCR, have no \"Operations Report — <Month> <Year>\" title and none of its tables")
                }
            }
            willOCR(run.count)
            for i in run {
                guard let r = try? ocr.read(doc, page: out[i].number, rotation: out[i].rotation, wholePage: true) else { continue }
                out[i].words = CaptionWords.repaired(r.words)
                reads.append(r)
            }
        }
        guard legible(out) else {
            throw ExtractionError.noTextLayer(path: path, pages: doc.pageCount)
        }
        return (out, reads)
    }

    /// A scan with an OCR text layer: its ruled tables are read again cell by cell, and inside
    /// them the cell words replace the text layer's (whose readings stay in `OCRPage.cells`
    /// votes through `OCRFusion`). Without Tesseract the text layer is used as it is.
    static func fuseScanned(doc: PDFDocument, pages: [PDFPage]) -> ([PDFPage], [OCRPage]) {
        guard let ocr = try? PageOCR() else { return (pages, []) }
        var out = pages, reads: [OCRPage] = []
        for i in out.indices {
            guard var r = try? ocr.read(doc, page: out[i].number, rotation: out[i].rotation, wholePage: false), !r.tables.isEmpty else { continue }
            let layer = out[i].words
            for j in r.cells.indices {
                let c = r.cells[j].bbox
                r.cells[j].textLayer = layer.filter { c.containsCentre(of: $0.bbox) }.map(\.text).joined(separator: " ")
            }
            // Inside tables the cell words replace the text layer's, except in cells OCR left
            // empty, where the text layer's words stay (a reading is better than none; the
            // reconciler's sums check it like any other).
            // The same when the cell OCR is no number, month or date and the text layer's is one
            // (a month header the cell OCR garbled).
            let ocrCells = r.cells.filter { c in
                let read = c.constrained ?? c.free
                return !read.isEmpty && (isValue(read) || !isValue(c.textLayer ?? ""))
            }.map(\.bbox)
            let layerCells = r.cells.map(\.bbox).filter { b in !ocrCells.contains(b) }
            // Word by word too (a merged header cell holds many): an OCR word that is no value,
            // over a text layer word that is one, gives way to it.
            let cellWords = r.words.filter { w in !layerCells.contains { $0.containsCentre(of: w.bbox) } }.map { w -> Word in
                guard !isValue(w.text) else { return w }
                let under = WordOverlay.words(under: w, in: layer)
                return under.count == 1 && isValue(under[0].text) ? under[0] : w
            }
            out[i].words = CaptionWords.repaired(layer.filter { w in !r.tables.contains { $0.containsCentre(of: w.bbox) } || !ocrCells.contains { $0.containsCentre(of: w.bbox) } } + cellWords)
            reads.append(r)
        }
        return (out, reads)
    }
}

/// Whether a cell's text reads as a value of a table: a number (count or days), a month header
/// (`Jul-16`, `Jul- 16` over two lines) or a date.
func isValue(_ text: String) -> Bool {
    let t = text.filter { !$0.isWhitespace }
    guard !t.isEmpty else { return false }
    return NumberText.parseDays(t) != nil || MonthText.parseHeader(t) != nil || !DateText.dates(in: text).isEmpty
}

/// The word that opens a caption ("Table 5:", "Figure 4:") read one OCR edit off (`Tabie 5:`,
/// `Figu re`): put right, so that the caption is found. Only a word followed on its line by a
/// caption number is touched.
enum CaptionWords {
    static let keywords = ["Table", "Figure"]

    static func repaired(_ words: [Word]) -> [Word] {
        var out = words
        for i in out.indices where i + 1 < out.count && !keywords.contains(out[i].text) {
            let next = out[i + 1]
            guard WordOverlay.onSameLine(out[i], next), next.bbox.x0 > out[i].bbox.x0,
                  let first = next.text.first, first.isNumber, next.text.allSatisfy({ $0.isNumber || $0 == ":" || $0 == "." }) else { continue }
            if let k = keywords.first(where: { LabelMatching.distance(Array($0), Array(out[i].text)) == 1 }) { out[i].text = k }
        }
        return out
    }
}
