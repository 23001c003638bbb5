import OCR
import PDFLayout

/// Fewest words OCR must read in a whole document for an image-only PDF to count as legible.
let minLegibleWords = 20

extension ReportExtractor {
    /// Reads every page of an image-only PDF with OCR (tables cell by cell, then the rest).
    /// - Throws: `ExtractionError.noTextLayer` when Tesseract is missing or reads nothing legible.
    static func readImageOnly(doc: PDFDocument, pages: [PDFPage], path: String) throws -> ([PDFPage], [OCRPage]) {
        guard let ocr = try? PageOCR() else { throw ExtractionError.noTextLayer(path: path, pages: doc.pageCount) }
        var out = pages, reads: [OCRPage] = []
        for i in out.indices {
            guard let r = try? ocr.read(doc, page: out[i].number, rotation: out[i].rotation, wholePage: true) else { continue }
            out[i].words = r.words
            reads.append(r)
        }
        guard out.reduce(0, { $0 + $1.words.count }) >= minLegibleWords else {
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
            func inTable(_ w: Word) -> Bool {
                let cx = (w.bbox.x0 + w.bbox.x1) / 2, cy = (w.bbox.y0 + w.bbox.y1) / 2
                return r.tables.contains { cx >= $0.x0 && cx <= $0.x1 && cy >= $0.y0 && cy <= $0.y1 }
            }
            for j in r.cells.indices {
                let c = r.cells[j].bbox
                r.cells[j].textLayer = layer.filter { w in
                    let cx = (w.bbox.x0 + w.bbox.x1) / 2, cy = (w.bbox.y0 + w.bbox.y1) / 2
                    return cx >= c.x0 && cx <= c.x1 && cy >= c.y0 && cy <= c.y1
                }.map(\.text).joined(separator: " ")
            }
            // Inside tables the cell words replace the text layer's, except in cells OCR left
            // empty, where the text layer's words stay (a reading is better than none; the
            // reconciler's sums check it like any other).
            let readCells = r.cells.filter { !$0.free.isEmpty || !($0.constrained ?? "").isEmpty }.map(\.bbox)
            func inReadCell(_ w: Word) -> Bool {
                let cx = (w.bbox.x0 + w.bbox.x1) / 2, cy = (w.bbox.y0 + w.bbox.y1) / 2
                return readCells.contains { cx >= $0.x0 && cx <= $0.x1 && cy >= $0.y0 && cy <= $0.y1 }
            }
            out[i].words = layer.filter { !inTable($0) || !inReadCell($0) } + r.words
            reads.append(r)
        }
        return (out, reads)
    }
}
