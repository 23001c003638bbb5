import PDFLayout

/// A run of words of one line with no cell-sized gap inside: one cell's text on that line (or a
/// spanning cell's, or a line of prose).
public struct CellFragment: Sendable, Hashable {
    /// The words, left to right.
    public var words: [Word]
    /// Union of the word boxes (points).
    public var bbox: BBox
    public init(words: [Word]) {
        self.words = words
        self.bbox = words.dropFirst().reduce(words[0].bbox) { $0.union($1.bbox) }
    }
    /// The words joined by single spaces.
    public var text: String { words.map(\.text).joined(separator: " ") }
}

/// A text line cut into cell fragments: the unit every later stage works on.
public struct FragmentLine: Sendable, Hashable {
    /// The line as `LineBuilder` made it.
    public var line: TextLine
    /// Its fragments, left to right.
    public var fragments: [CellFragment]
    /// The line's em (font size, or glyph height when the font size is unknown), points.
    public var em: Double { line.fontSize > 0 ? line.fontSize : max(line.height, 1) }
    public var bbox: BBox { line.bbox }
}

/// Stage 1: lines into cell fragments.
public enum CellFragments {
    /// Cuts each line where the gap between consecutive words reaches `settings.cellGap` em.
    /// - Parameter lines: lines of one page (from `LineBuilder.lines`).
    /// - Returns: one `FragmentLine` per line, same order.
    public static func split(_ lines: [TextLine], settings: DetectionSettings = .standard) -> [FragmentLine] {
        lines.map { l in
            let em = l.fontSize > 0 ? l.fontSize : max(l.height, 1)
            var out: [CellFragment] = []
            var run: [Word] = []
            for w in l.words {
                if let last = run.last, w.bbox.x0 - last.bbox.x1 >= settings.cellGap * em {
                    out.append(CellFragment(words: run)); run = []
                }
                run.append(w)
            }
            if !run.isEmpty { out.append(CellFragment(words: run)) }
            return FragmentLine(line: l, fragments: out)
        }
    }
}
