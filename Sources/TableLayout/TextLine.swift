import PDFLayout

/// A line of text: words sharing a baseline, left to right.
///
/// Built by `LineBuilder` from a page's words. Coordinates are PDF points, origin top-left,
/// y down (as in `Word`).
public struct TextLine: Sendable, Hashable {
    /// The words, sorted by `bbox.x0`.
    public var words: [Word]
    /// 1-based page number.
    public var page: Int

    public init(words: [Word], page: Int) {
        self.words = words.sorted { $0.bbox.x0 < $1.bbox.x0 }
        self.page = page
    }

    /// Union of the words' boxes.
    public var bbox: BBox { words.dropFirst().reduce(words[0].bbox) { $0.union($1.bbox) } }
    /// The words joined by single spaces.
    public var text: String { words.map(\.text).joined(separator: " ") }
    /// Median word font size in points (0 when unknown).
    public var fontSize: Double {
        let s = words.map(\.fontSize).sorted()
        return s.isEmpty ? 0 : s[s.count / 2]
    }
    /// Median glyph-box height of the words, a font-independent line height in points.
    public var height: Double {
        let s = words.map(\.bbox.height).sorted()
        return s.isEmpty ? 0 : s[s.count / 2]
    }
    /// Vertical centre of the line (median of word centres, robust to superscripts).
    public var midY: Double {
        let s = words.map(\.bbox.midY).sorted()
        return s[s.count / 2]
    }
    /// The words whose horizontal centre lies in `x0..<x1`.
    public func words(inX x0: Double, _ x1: Double) -> [Word] {
        words.filter { $0.bbox.midX >= x0 && $0.bbox.midX < x1 }
    }
}

/// Groups words into lines.
public enum LineBuilder {
    /// Builds the lines of one page.
    ///
    /// Words are chained left to right: a word joins the line whose last word is to its left and
    /// whose vertical centre is within 40% of the taller word's height, so slightly skewed
    /// scanned lines stay whole while the half-line offsets of vertically centred table cells
    /// (a number beside a two-line label) stay separate. Lines are returned top to bottom.
    ///
    /// - Parameter words: the words of one page (any order).
    /// - Returns: lines sorted by the vertical centre of their first word.
    public static func lines(_ words: [Word]) -> [TextLine] {
        guard let page = words.first?.page else { return [] }
        let sorted = words.sorted { $0.bbox.x0 < $1.bbox.x0 }
        var chains: [[Word]] = []
        for w in sorted {
            var best: Int? = nil
            var bestScore = Double.infinity
            for (i, chain) in chains.enumerated() {
                let last = chain[chain.count - 1]
                guard last.bbox.x1 <= w.bbox.x0 + 0.5 * min(w.bbox.height, last.bbox.height) else { continue }
                let dy = abs(last.bbox.midY - w.bbox.midY)
                let h = max(last.bbox.height, w.bbox.height)
                let tol = 0.4 * h
                // Prefer the vertically closest line, and among near ties the one that ends
                // closest to the word (skewed scans put neighbouring lines' ends at similar y).
                let score = dy / tol + max(0, w.bbox.x0 - last.bbox.x1) / (20 * h)
                if dy < tol, score < bestScore { best = i; bestScore = score }
            }
            if let best { chains[best].append(w) } else { chains.append([w]) }
        }
        return chains.map { TextLine(words: $0, page: page) }
            .sorted { ($0.words[0].bbox.midY, $0.words[0].bbox.x0) < ($1.words[0].bbox.midY, $1.words[0].bbox.x0) }
    }
}
