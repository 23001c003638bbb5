import PDFLayout

/// The lines of every page of a document, running headers and footers removed, in reading
/// order (page, then top to bottom). `LineRef` addresses one line.
public struct DocumentLayout: Sendable {
    /// One page's lines and size (PDF points, reading orientation).
    public struct Page: Sendable {
        public var number: Int
        public var width: Double
        public var height: Double
        public var lines: [TextLine]
        /// Left edge of the running text: the smallest left edge of the page's lines of four or
        /// more words (points); 0 when the page has none.
        public var textMargin: Double {
            lines.filter { $0.words.count >= 4 }.map(\.bbox.x0).min() ?? 0
        }
    }
    public var pages: [Page]

    /// Lays out `pages` read by `PDFDocument`.
    public init(pages: [PDFPage]) {
        self.init(pages: pages, lines: pages.map { LineBuilder.lines($0.words) })
    }

    /// Lays out `pages` whose lines were already built (`LineBuilder.lines`, one array per page).
    public init(pages: [PDFPage], lines raw: [[TextLine]]) {
        let stripped = PageFurniture.strip(raw, heights: pages.map(\.height))
        self.pages = zip(pages, stripped).map { Page(number: $0.number, width: $0.width, height: $0.height, lines: $1) }
    }

    /// All lines in reading order with their addresses.
    public var allLines: [(ref: LineRef, line: TextLine)] {
        pages.enumerated().flatMap { pi, p in p.lines.enumerated().map { (LineRef(page: pi, index: $0), $1) } }
    }

    public subscript(ref: LineRef) -> TextLine { pages[ref.page].lines[ref.index] }

    /// The line before `ref` in reading order (crossing to the previous page's last line).
    public func previous(_ ref: LineRef) -> LineRef? {
        if ref.index > 0 { return LineRef(page: ref.page, index: ref.index - 1) }
        var p = ref.page - 1
        while p >= 0 { if !pages[p].lines.isEmpty { return LineRef(page: p, index: pages[p].lines.count - 1) }; p -= 1 }
        return nil
    }

    /// The line after `ref` in reading order (crossing to the next page's first line).
    public func next(_ ref: LineRef) -> LineRef? {
        if ref.index + 1 < pages[ref.page].lines.count { return LineRef(page: ref.page, index: ref.index + 1) }
        var p = ref.page + 1
        while p < pages.count { if !pages[p].lines.isEmpty { return LineRef(page: p, index: 0) }; p += 1 }
        return nil
    }

    /// First line whose text satisfies `predicate`, searching in reading order.
    public func first(where predicate: (TextLine) -> Bool) -> LineRef? {
        for (r, l) in allLines where predicate(l) { return r }
        return nil
    }
}

/// Address of a line: index into `DocumentLayout.pages` and into that page's lines.
public struct LineRef: Hashable, Sendable, Comparable {
    public var page: Int
    public var index: Int
    public init(page: Int, index: Int) { self.page = page; self.index = index }
    public static func < (a: LineRef, b: LineRef) -> Bool { (a.page, a.index) < (b.page, b.index) }
}
