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
        let level = UInt8(Double(paperLevel(img)) * OCRTolerances.ruleShareOfPaper)
        let h = group(runs(img, horizontal: true, level: level, minLength: img.px(OCRTolerances.minHorizontalRule), gap: gap), maxThickness: img.px(OCRTolerances.maxRuleThickness))
        let v = group(runs(img, horizontal: false, level: level, minLength: img.px(OCRTolerances.minVerticalRule), gap: gap), maxThickness: img.px(OCRTolerances.maxRuleThickness))
        return (h.filter { isolated($0, horizontal: true, img, level) }, v.filter { isolated($0, horizontal: false, img, level) })
    }

    /// A rule has clear paper on at least one side: the line of pixels just beyond it is mostly
    /// not ink. The middle of a line of bold text, dark on both sides, is no rule.
    static func isolated(_ r: Rule, horizontal: Bool, _ img: GreyImage, _ level: UInt8) -> Bool {
        func share(_ l: Int) -> Double {
            guard l >= 0, l < (horizontal ? img.height : img.width), r.end > r.start else { return 0 }
            var n = 0
            for i in r.start..<r.end where (horizontal ? img.pixels[l * img.width + i] : img.pixels[i * img.width + l]) <= level { n += 1 }
            return Double(n) / Double(r.end - r.start)
        }
        return min(share(r.lo - 2), share(r.hi + 2)) < OCRTolerances.maxRuleSideInk
    }

    /// Long runs of ink per row (or column): `(line, start, end)`.
    /// The paper's grey level: the median of a sample of the page's pixels.
    static func paperLevel(_ img: GreyImage) -> UInt8 {
        var hist = [Int](repeating: 0, count: 256), n = 0
        var i = 0
        while i < img.pixels.count { hist[Int(img.pixels[i])] += 1; n += 1; i += 7 }
        var acc = 0
        for v in 0..<256 { acc += hist[v]; if acc * 2 >= n { return UInt8(v) } }
        return 255
    }

    static func runs(_ img: GreyImage, horizontal: Bool, level: UInt8, minLength: Int, gap: Int) -> [(Int, Int, Int)] {
        var out: [(Int, Int, Int)] = []
        let lines = horizontal ? img.height : img.width, length = horizontal ? img.width : img.height
        let w = img.width
        let d = max(2, img.px(OCRTolerances.maxRuleThickness + 0.5)), contrast = OCRTolerances.ruleContrast
        img.pixels.withUnsafeBufferPointer { p in
            for l in 0..<lines {
                var runStart = -1, lastInk = -10, inked = 0
                func close() {
                    let len = lastInk + 1 - runStart
                    if runStart >= 0 && len >= minLength && Double(inked) >= OCRTolerances.minRuleFill * Double(len) { out.append((l, runStart, lastInk + 1)) }
                }
                for i in 0..<length {
                    let v = horizontal ? p[l * w + i] : p[i * w + l]
                    // Darker than the paper, and clearly darker than one side of it (so a tint
                    // with scanning noise is no rule).
                    var side: UInt8 = 255
                    if v <= level {
                        let a = l - d >= 0 ? (horizontal ? p[(l - d) * w + i] : p[i * w + l - d]) : 255
                        let b = l + d < lines ? (horizontal ? p[(l + d) * w + i] : p[i * w + l + d]) : 255
                        side = max(a, b)
                    }
                    if v <= level && Int(v) + contrast <= Int(side) {
                        if runStart < 0 || i - lastInk > gap + 1 { close(); runStart = i; inked = 0 }
                        lastInk = i; inked += 1
                    }
                }
                close()
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
