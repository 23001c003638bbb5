import PDFLayout

/// A line of text: words sharing a baseline, left to right.
///
/// Built by `LineBuilder` from a page's words. Coordinates are PDF points, origin top-left,
/// y down (as in `Word`).
public struct TextLine: Sendable, Hashable {
    /// The words, sorted by `bbox.x0`.
    public let words: [Word]
    /// 1-based page number.
    public let page: Int
    /// Union of the words' boxes.
    public let bbox: BBox
    /// The words joined by single spaces.
    public let text: String
    /// Median word font size in points (0 when unknown).
    public let fontSize: Double
    /// Median glyph-box height of the words, a font-independent line height in points.
    public let height: Double
    /// Vertical centre of the line (median of word centres, robust to superscripts).
    public let midY: Double
    /// The line's em (font size, or glyph height when the font size is unknown), points.
    public var em: Double { fontSize > 0 ? fontSize : max(height, 1) }

    /// - Parameter words: at least one word, any order.
    public init(words: [Word], page: Int) {
        // Lines are usually built left to right already; sort only when needed.
        let inOrder = zip(words, words.dropFirst()).allSatisfy { $0.bbox.x0 <= $1.bbox.x0 }
        let sorted = inOrder ? words : words.sorted { $0.bbox.x0 < $1.bbox.x0 }
        self.words = sorted
        self.page = page
        self.bbox = sorted.dropFirst().reduce(sorted[0].bbox) { $0.union($1.bbox) }
        self.text = sorted.map(\.text).joined(separator: " ")
        func median(_ v: [Double]) -> Double { let s = v.sorted(); return s.isEmpty ? 0 : s[s.count / 2] }
        self.fontSize = median(sorted.map(\.fontSize))
        self.height = median(sorted.map(\.bbox.height))
        self.midY = median(sorted.map(\.bbox.midY))
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
        let sorted = WordCleanup.clean(words).sorted { $0.bbox.x0 < $1.bbox.x0 }
        var chains: [[Word]] = []
        // Chains indexed by the 8-pt band of their last word's centre, to look only nearby.
        var bands: [Int: [Int]] = [:]
        // Guard (issue 12): clamped conversion, so a hostile coordinate cannot trap.
        func band(_ y: Double) -> Int { GeometryLimits.int(y / 8) }
        for w in sorted {
            var best: Int? = nil
            var bestScore = Double.infinity
            let reach = GeometryLimits.int(w.bbox.height / 8, .up) + 1
            let b = band(w.bbox.midY)
            // Guard (issue 12): a word taller than the bands in use looks at those bands only
            // (a huge font size otherwise loops over 10¹⁷ empty bands).
            let nearbyBands = 2 * reach + 1 > bands.count ? bands.keys.filter { abs($0 - b) <= reach }.sorted() : Array((b - reach)...(b + reach))
            for nearby in nearbyBands {
                guard let indices = bands[nearby] else { continue }
                for i in indices {
                    let last = chains[i][chains[i].count - 1]
                    guard last.bbox.x1 <= w.bbox.x0 + 0.5 * min(w.bbox.height, last.bbox.height) else { continue }
                    let dy = abs(last.bbox.midY - w.bbox.midY)
                    let h = max(last.bbox.height, w.bbox.height)
                    let tol = 0.4 * h
                    // Prefer the vertically closest line, and among near ties the one that ends
                    // closest to the word (skewed scans put neighbouring lines' ends at similar y).
                    let score = dy / tol + max(0, w.bbox.x0 - last.bbox.x1) / (20 * h)
                    if dy < tol, score < bestScore { best = i; bestScore = score }
                }
            }
            if let best {
                let old = band(chains[best][chains[best].count - 1].bbox.midY)
                bands[old]?.removeAll { $0 == best }
                chains[best].append(w)
                bands[b, default: []].append(best)
            } else {
                chains.append([w]); bands[b, default: []].append(chains.count - 1)
            }
        }
        return chains.map { TextLine(words: $0, page: page) }
            .sorted { ($0.words[0].bbox.midY, $0.words[0].bbox.x0) < ($1.words[0].bbox.midY, $1.words[0].bbox.x0) }
    }
}
