import PDFLayout

/// The OCR of one page: words in the same model as a text layer, and what each table cell read.
public struct OCRPage: Sendable {
    /// 1-based page number.
    public var number: Int
    /// Words read from table cells (each cell on its own), plus, when the page was read whole,
    /// the words outside the tables. Boxes in PDF points of the deskewed page (origin top-left,
    /// y down; the deskew turns about the page centre, so boxes stay within a few tenths of a
    /// point per degree of skew of where the text layer puts them). `fontName` is `"OCR"`.
    public var words: [Word]
    /// Every non-empty table cell and its readings.
    public var cells: [OCRCellReading]
    /// Boxes (PDF points) of the ruled tables found on the page.
    public var tables: [BBox]
    /// The skew measured and undone, degrees (positive: lines fell to the right).
    public var skewDegrees: Double
}

/// Reads scanned pages: renders each with poppler (cairo), deskews it, inverts filled header
/// bands, finds and erases ruling lines, reads each table cell on its own with Tesseract and,
/// on request, the rest of the page as running text.
public final class PageOCR {
    let engine: TesseractEngine

    /// - Throws: `OCRError.libraryUnavailable` when libtesseract cannot be loaded,
    ///   `OCRError.engineUnavailable` when Tesseract's English model is missing.
    public init() throws { engine = try TesseractEngine() }

    /// Reads page `number` (1-based) of `doc`.
    /// - Parameters:
    ///   - rotation: the page's reading rotation (`PDFPage.rotation`).
    ///   - wholePage: also read the text outside the tables (for pages with no text layer).
    /// - Throws: `PDFLayoutError` when the page cannot be rendered.
    public func read(_ doc: PDFDocument, page number: Int, rotation: Int = 0, wholePage: Bool) throws -> OCRPage {
        let bitmap = try doc.render(page: number, scale: OCRTolerances.renderDPI / 72, rotation: rotation)
        var img = GreyImage(bitmap)
        let skew = Deskew.angle(of: img)
        img = Deskew.rotated(img, degrees: skew)
        let bands = FilledBands.invertBands(&img)
        let rules = RulingLines.find(in: img)
        let grids = TableGrid.find(horizontal: rules.horizontal, vertical: rules.vertical, bands: bands, scale: img.scale)
        // Only the rules of tables are erased: a chart's or a box's lines stay for page OCR.
        for g in grids {
            RulingLines.erase(g.horizontalRules, horizontal: true, in: &img)
            RulingLines.erase(g.verticalRules, horizontal: false, in: &img)
        }

        var words: [Word] = [], cells: [OCRCellReading] = []
        let reader = CellReader(engine: engine)
        for grid in grids {
            for r in reader.read(grid, in: img) {
                // The digits-only reading, unless it came back empty (a lone digit the
                // whitelisted modes all missed) and the free reading is a number.
                let freeIsNumber = CellReader.looksNumeric(r.free) && !r.free.contains { $0.isLetter }
                let chosen = r.constrained.flatMap { $0.isEmpty && freeIsNumber ? nil : $0 } ?? r.tokens
                words += chosen.map { Self.word($0, img, number) }
                let conf = chosen.map(\.confidence).min() ?? 0
                cells.append(OCRCellReading(page: number, bbox: box(r.cell.rect, img), numeric: r.constrained != nil, free: r.free,
                                            constrained: r.constrained.map { $0.map(\.text).joined(separator: " ") }, confidence: conf))
            }
        }
        if wholePage {
            var rest = img
            let m = img.px(OCRTolerances.mergeRule)
            for g in grids { rest.whiten(x0: g.bounds.x0 - m, y0: g.bounds.y0 - m, x1: g.bounds.x1 + m, y1: g.bounds.y1 + m) }
            words += engine.read(pixels: rest.pixels, width: rest.width, height: rest.height, ppi: rest.dpi, segmentation: .page)
                .filter { !CellReader.isJunk($0) }.map { Self.word($0, img, number) }
        }
        return OCRPage(number: number, words: words, cells: cells, tables: grids.map { box($0.bounds, img) }, skewDegrees: skew)
    }

    func box(_ r: PixelRect, _ img: GreyImage) -> BBox {
        BBox(x0: Double(r.x0) / img.scale, y0: Double(r.y0) / img.scale, x1: Double(r.x1) / img.scale, y1: Double(r.y1) / img.scale)
    }

    /// A token as a text layer would give it: the box spans the type's ascent and descent around
    /// the baseline (cap height ≈ `capHeight` em), so boxes of one line line up whatever glyphs
    /// they hold; the font size is that em in points.
    static func word(_ t: OCRToken, _ img: GreyImage, _ page: Int) -> Word {
        let capPx = Double(max(2, min(t.baseline, t.y1) - min(t.lineTop, t.y0)))
        let em = capPx / OCRTolerances.capHeight
        let base = Double(max(t.baseline, t.y0 + 1))
        let y0 = min(Double(t.y0), base - OCRTolerances.ascent * em), y1 = max(Double(t.y1), base + OCRTolerances.descent * em)
        let b = BBox(x0: Double(t.x0) / img.scale, y0: y0 / img.scale, x1: Double(t.x1) / img.scale, y1: y1 / img.scale)
        return Word(text: t.text, bbox: b, fontSize: (em / img.scale * 2).rounded() / 2, fontName: "OCR", page: page)
    }
}
