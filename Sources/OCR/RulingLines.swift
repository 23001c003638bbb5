/// A straight ruling line in pixels: horizontal rules have `position` = centre row and span
/// `start..<end` columns; vertical rules the other way round.
struct Rule: Equatable {
    var position: Int
    var start: Int, end: Int
    var thickness: Int
    var lo: Int, hi: Int   // first and last pixel row (or column) of the rule, inclusive
}

/// Ruling lines of a (deskewed) page: long thin runs of ink, found row by row and column by
/// column, grouped across neighbouring rows, and erased once found.
enum RulingLines {
    /// Horizontal and vertical rules of `img`.
    static func find(in img: GreyImage) -> (horizontal: [Rule], vertical: [Rule]) {
        let gap = max(1, img.px(OCRTolerances.ruleGap))
        let h = group(runs(img, horizontal: true, minLength: img.px(OCRTolerances.minHorizontalRule), gap: gap), maxThickness: img.px(OCRTolerances.maxRuleThickness))
        let v = group(runs(img, horizontal: false, minLength: img.px(OCRTolerances.minVerticalRule), gap: gap), maxThickness: img.px(OCRTolerances.maxRuleThickness))
        return (h, v)
    }

    /// Long runs of ink per row (or column): `(line, start, end)`.
    static func runs(_ img: GreyImage, horizontal: Bool, minLength: Int, gap: Int) -> [(Int, Int, Int)] {
        var out: [(Int, Int, Int)] = []
        let lines = horizontal ? img.height : img.width, length = horizontal ? img.width : img.height
        let w = img.width, level = OCRTolerances.inkLevel
        img.pixels.withUnsafeBufferPointer { p in
            for l in 0..<lines {
                var runStart = -1, lastInk = -10
                for i in 0..<length {
                    let v = horizontal ? p[l * w + i] : p[i * w + l]
                    if v <= level {
                        if runStart < 0 || i - lastInk > gap + 1 {
                            if runStart >= 0 && lastInk + 1 - runStart >= minLength { out.append((l, runStart, lastInk + 1)) }
                            runStart = i
                        }
                        lastInk = i
                    }
                }
                if runStart >= 0 && lastInk + 1 - runStart >= minLength { out.append((l, runStart, lastInk + 1)) }
            }
        }
        return out
    }

    /// Runs on neighbouring lines that overlap become one rule; groups thicker than
    /// `maxThickness` are filled areas, not rules, and are dropped.
    static func group(_ runs: [(Int, Int, Int)], maxThickness: Int) -> [Rule] {
        var open: [Rule] = [], done: [Rule] = []
        for (l, s, e) in runs {
            // close rules that did not continue on the previous line
            var keep: [Rule] = []
            for r in open { if r.hi < l - 1 { done.append(r) } else { keep.append(r) } }
            open = keep
            if let i = open.firstIndex(where: { $0.hi == l - 1 && $0.start < e && s < $0.end }) {
                open[i].hi = l; open[i].start = min(open[i].start, s); open[i].end = max(open[i].end, e)
            } else if let i = open.firstIndex(where: { $0.hi == l && $0.start < e && s < $0.end }) {
                open[i].start = min(open[i].start, s); open[i].end = max(open[i].end, e)
            } else {
                open.append(Rule(position: l, start: s, end: e, thickness: 1, lo: l, hi: l))
            }
        }
        done += open
        return done.compactMap { r in
            var r = r
            r.thickness = r.hi - r.lo + 1
            r.position = (r.lo + r.hi) / 2
            return r.thickness <= maxThickness ? r : nil
        }
    }

    /// Erases the rules (their rows or columns of ink, one pixel either side).
    static func erase(_ rules: [Rule], horizontal: Bool, in img: inout GreyImage) {
        for r in rules {
            if horizontal { img.whiten(x0: r.start, y0: r.lo - 1, x1: r.end, y1: r.hi + 2) }
            else { img.whiten(x0: r.lo - 1, y0: r.start, x1: r.hi + 2, y1: r.end) }
        }
    }
}
