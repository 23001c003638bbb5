import PDFLayout

/// The tables found on one page, with what they were found from.
public struct PageTables: Sendable {
    /// The page (size, rotation, words).
    public var page: PDFPage
    /// Its tables, top to bottom.
    public var tables: [DetectedTable]
    /// The ruling lines found on it (empty when the page was not rendered).
    public var rulings: [Ruling]
}

extension TableDetector {
    /// The tables of the given pages of a document, page by page.
    ///
    /// A page is rendered (poppler through cairo, `settings.renderScale` pixels per point) for
    /// its ruling lines only when its text holds a table candidate, and only the band of
    /// the page holding the candidates (`renderMargin` em above and below), so pages of running text cost no rendering.
    ///
    /// - Parameter pages: 1-based page numbers (default: all).
    /// - Throws: `PDFLayoutError.pageOutOfRange` or `.damaged` from reading or rendering a page.
    public static func tables(in doc: PDFDocument, pages: [Int]? = nil, settings: DetectionSettings = .standard) throws -> [PageTables] {
        try (pages ?? Array(1...doc.pageCount)).map { try tables(on: try doc.page($0), of: doc, settings: settings) }
    }

    /// The tables of one page already read from `doc`, with its ruling lines when needed.
    public static func tables(on page: PDFPage, of doc: PDFDocument, settings: DetectionSettings = .standard) throws -> PageTables {
        let drawn = page.words  // every word drawn, seen or not: its box holds text, not a chart's curves
        var page = page
        if settings.useRulings {
            // White text on a dark fill (a coloured band) is read; white on white paper is not.
            page = InkFilter.visibleWords(of: page, in: doc, scale: settings.renderScale)
            page.words = page.words.map { var w = $0; w.isWhite = false; return w }
        }
        let words = page.words.filter { !$0.isWhite }
        guard !words.isEmpty else { return PageTables(page: page, tables: [], rulings: []) }
        let textLines = LineBuilder.lines(words)
        let lines = CellFragments.split(textLines, spaces: CellFragments.monospaceSpaces(textLines, settings: settings), settings: settings)
        let blocks = TableBlocks.find(lines, settings: settings)
        guard settings.useRulings, !blocks.isEmpty else {
            return PageTables(page: page, tables: tables(on: page, rulings: [], settings: settings), rulings: [])
        }
        // Render only around the candidate blocks (the frame of a table sits next to its text).
        let em = ColumnBoundaries.median(lines.map(\.em))
        let boxes = blocks.flatMap { $0 }.map { lines[$0].bbox }
        let area = boxes.dropFirst().reduce(boxes[0]) { $0.union($1) }
        let m = settings.renderMargin * em
        // Full width: a frame may sit far to the side of its text (wide cell padding).
        let clip = BBox(x0: 0, y0: area.y0 - m, x1: page.width, y1: area.y1 + m)
        let r = try doc.renderGrey(page: page.number, scale: settings.renderScale, rotation: page.rotation, clip: clip)
        let rulings = RulingLines.find(in: r.bitmap, em: em, words: words, originX: r.originX, originY: r.originY, settings: settings)
        let found = ChartInk.removingCharts(tables(on: page, rulings: rulings, settings: settings), bitmap: r.bitmap, words: drawn, em: em, settings: settings)
        return PageTables(page: page, tables: found, rulings: rulings)
    }
}
