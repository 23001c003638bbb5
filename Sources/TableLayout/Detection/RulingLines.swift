import PDFLayout

/// A ruling line found on the rendered page: a long thin run of ink, horizontal or vertical.
/// Coordinates are PDF points, origin top-left, y down.
public struct Ruling: Sendable, Hashable {
    /// Whether the rule runs left to right (else top to bottom).
    public var horizontal: Bool
    /// Position across the rule: y of a horizontal rule, x of a vertical one (its centre).
    public var at: Double
    /// Extent along the rule: x0…x1 of a horizontal rule, y0…y1 of a vertical one.
    public var from: Double
    public var to: Double
    public init(horizontal: Bool, at: Double, from: Double, to: Double) {
        self.horizontal = horizontal; self.at = at; self.from = from; self.to = to
    }
    public var length: Double { to - from }
    /// The rule as a (degenerate) box.
    public var bbox: BBox { horizontal ? BBox(x0: from, y0: at, x1: to, y1: at) : BBox(x0: at, y0: from, x1: at, y1: to) }
}

/// Stage 0: ruling lines from a page bitmap.
public enum RulingLines {
    /// Finds horizontal and vertical rules: runs of ink pixels (grey ≤ `settings.rulingDarkness`)
    /// at least `settings.minRuleLength` em long, holes up to `settings.ruleHole` em bridged,
    /// stacked runs merged into one rule when at most `settings.maxRuleThickness` em thick
    /// (thicker stacks are filled areas and are dropped; glyph strokes are too short).
    ///
    /// - Parameters:
    ///   - bitmap: the page as rendered (`PDFDocument.render`), in the words' coordinate space.
    ///   - em: the page's typical font size in points (median of its lines).
    ///   - words: the page's words: runs through the middle of a word's box along most of the
    ///     run are glyph strokes (serifs and baselines of a bold word), not rules.
    ///   - originX, originY: the page position (points) of the bitmap's pixel (0, 0) when it is a
    ///     clip of the page (`PDFDocument.renderGrey`).
    public static func find(in bitmap: PageBitmap, em: Double, words: [Word] = [], originX: Double = 0, originY: Double = 0,
                            settings: DetectionSettings = .standard) -> [Ruling] {
        let s = bitmap.scale
        let minLen = max(4, Int(settings.minRuleLength * em * s))
        let hole = max(1, Int(settings.ruleHole * em * s))
        let maxThick = max(2, Int((settings.maxRuleThickness * em * s).rounded(.up)))
        let dark = settings.rulingDarkness
        let w = bitmap.width, h = bitmap.height
        let px = bitmap.pixels
        // Runs per scan line (start, end exclusive, pixels); both directions in one row-major pass.
        var hRuns: [[(Int, Int)]] = Array(repeating: [], count: h)
        var vRuns: [[(Int, Int)]] = Array(repeating: [], count: w)
        var vStart = [Int](repeating: -1, count: w), vLast = [Int](repeating: -1, count: w)
        px.withUnsafeBufferPointer { p in
            for y in 0..<h {
                var start = -1, lastInk = -1
                let row = y * w
                for x in 0..<w where p[row + x] <= dark {
                    if start < 0 || x - lastInk > hole + 1 {
                        if start >= 0, lastInk + 1 - start >= minLen { hRuns[y].append((start, lastInk + 1)) }
                        start = x
                    }
                    lastInk = x
                    if vStart[x] < 0 || y - vLast[x] > hole + 1 {
                        if vStart[x] >= 0, vLast[x] + 1 - vStart[x] >= minLen { vRuns[x].append((vStart[x], vLast[x] + 1)) }
                        vStart[x] = y
                    }
                    vLast[x] = y
                }
                if start >= 0, lastInk + 1 - start >= minLen { hRuns[y].append((start, lastInk + 1)) }
            }
        }
        for x in 0..<w where vStart[x] >= 0 && vLast[x] + 1 - vStart[x] >= minLen { vRuns[x].append((vStart[x], vLast[x] + 1)) }
        let found = (stack(hRuns, horizontal: true, scale: s, maxThick: maxThick, fillEdges: settings.fillEdgesAreRules)
            + stack(vRuns, horizontal: false, scale: s, maxThick: maxThick, fillEdges: settings.fillEdgesAreRules)).map { r -> Ruling in
                var r = r
                if r.horizontal { r.at += originY; r.from += originX; r.to += originX } else { r.at += originX; r.from += originY; r.to += originY }
                return r
            }
        return found.filter { !throughText($0, words) }
    }

    /// Whether at least half of the rule's length runs through the inner part of word boxes.
    static func throughText(_ r: Ruling, _ words: [Word]) -> Bool {
        var covered = 0.0
        for w in words {
            let b = w.bbox
            if r.horizontal {
                let inset = 0.15 * b.height
                guard r.at > b.y0 + inset, r.at < b.y1 - inset else { continue }
                covered += max(0, min(r.to, b.x1) - max(r.from, b.x0))
            } else {
                let inset = 0.15 * b.width
                guard r.at > b.x0 + inset, r.at < b.x1 - inset else { continue }
                covered += max(0, min(r.to, b.y1) - max(r.from, b.y0))
            }
        }
        return covered >= 0.5 * r.length
    }

    /// Merges runs on consecutive scan lines that overlap along the rule into one rule. A stack
    /// thicker than `maxThick` is a filled area: with `fillEdges` its two edges along the runs
    /// are rules (the end of a coloured band separates rows as a rule does), else it is dropped.
    static func stack(_ runs: [[(Int, Int)]], horizontal: Bool, scale: Double, maxThick: Int, fillEdges: Bool = false) -> [Ruling] {
        struct Open { var first: Int; var last: Int; var from: Int; var to: Int }
        var open: [Open] = [], done: [Open] = []
        for (i, line) in runs.enumerated() {
            var next: [Open] = []
            var used = Array(repeating: false, count: open.count)
            for r in line {
                if let k = open.indices.first(where: { !used[$0] && open[$0].from < r.1 && r.0 < open[$0].to }) {
                    used[k] = true
                    var o = open[k]; o.last = i; o.from = min(o.from, r.0); o.to = max(o.to, r.1); next.append(o)
                } else {
                    next.append(Open(first: i, last: i, from: r.0, to: r.1))
                }
            }
            for k in open.indices where !used[k] { done.append(open[k]) }
            open = next
        }
        done += open
        return done.flatMap { o -> [Ruling] in
            let from = Double(o.from) / scale, to = Double(o.to) / scale
            if o.last - o.first + 1 <= maxThick {
                return [Ruling(horizontal: horizontal, at: (Double(o.first + o.last + 1) / 2) / scale, from: from, to: to)]
            }
            guard fillEdges else { return [] }
            return [Ruling(horizontal: horizontal, at: Double(o.first) / scale, from: from, to: to),
                    Ruling(horizontal: horizontal, at: Double(o.last + 1) / scale, from: from, to: to)]
        }
    }
}
