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
    public var em: Double { line.em }
    /// Word gap, points, from which a column cut may split one of its fragments (`splitGap`).
    public var splitGap: Double
    public init(line: TextLine, fragments: [CellFragment], splitGap: Double) {
        self.line = line; self.fragments = fragments; self.splitGap = splitGap
    }
    public var bbox: BBox { line.bbox }
}

/// Stage 1: lines into cell fragments.
public enum CellFragments {
    /// The word space of each monospaced font of the page, in em. A font is monospaced when
    /// its words' advance per scalar (box width ÷ scalars ÷ em, words of two letters or more:
    /// digits are as wide as each other in most fonts)
    /// varies by under `monospaceSpread` over at least `monospaceWords` words; in such a font a
    /// space is one advance (about 0.6 em; proportional fonts' spaces are 0.25–0.33 em).
    public static func monospaceSpaces(_ lines: [TextLine], settings: DetectionSettings = .standard) -> [String: Double] {
        var advances: [String: [Double]] = [:]
        for l in lines {
            for w in l.words where w.fontSize > 0 && isWord(w.text) {
                let n = w.text.unicodeScalars.count
                if n >= 2 { advances[w.fontName, default: []].append(w.bbox.width / Double(n) / w.fontSize) }
            }
        }
        var out: [String: Double] = [:]
        for (font, a) in advances where a.count >= settings.monospaceWords {
            let sorted = a.sorted()
            let median = sorted[sorted.count / 2]
            // Ignore the extreme tenth on each side (ligatures, a stray glyph box).
            let lo = sorted[sorted.count / 10], hi = sorted[sorted.count - 1 - sorted.count / 10]
            if median > 0, (hi - lo) / median < settings.monospaceSpread { out[font] = median }
        }
        return out
    }

    /// Whether a text holds two letters (a word of running text, not a number).
    static func isWord(_ t: String) -> Bool {
        var n = 0
        for u in t.unicodeScalars where u.properties.isAlphabetic { n += 1; if n >= 2 { return true } }
        return false
    }

    /// Cuts each line where the gap between consecutive words reaches `settings.cellGap` em.
    /// - Parameter lines: lines of one page (from `LineBuilder.lines`).
    /// - Returns: one `FragmentLine` per line, same order.
    /// In a monospaced font (`spaces`, from `monospaceSpaces`) a cell gap is at least
    /// `cellGapInSpaces` word spaces and a split gap `splitGapInSpaces` (the double spaces of
    /// justified typewriter text are not columns).
    public static func split(_ lines: [TextLine], spaces: [String: Double] = [:], settings: DetectionSettings = .standard) -> [FragmentLine] {
        lines.map { l in
            let em = l.em
            let space = l.words.first.flatMap { spaces[$0.fontName] } ?? 0
            let cellGap = max(settings.cellGap, settings.cellGapInSpaces * space) * em
            let splitGap = max(settings.splitGap, settings.splitGapInSpaces * space) * em
            var out: [CellFragment] = []
            var run: [Word] = []
            for w in l.words {
                if let last = run.last, w.bbox.x0 - last.bbox.x1 >= cellGap {
                    out.append(CellFragment(words: run)); run = []
                }
                run.append(w)
            }
            if !run.isEmpty { out.append(CellFragment(words: run)) }
            return FragmentLine(line: l, fragments: out, splitGap: splitGap)
        }
    }
}
