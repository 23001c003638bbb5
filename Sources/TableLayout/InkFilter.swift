import PDFLayout

/// Drops text a person cannot see from a born-digital page: words drawn in white (the
/// background colour of a page) that leave no ink where they are drawn.
///
/// Whether a box has ink is asked of `hasInk`, which looks at the page as poppler renders it
/// (cairo): white text on a dark fill is visible and kept; white text on white paper is not.
/// A scan's OCR layer is invisible by design: do not apply this to scans.
public enum InkFilter {
    /// The words of one page without the invisible ones.
    /// Called only for white words, so a page without any is never rendered.
    /// - Parameter groundGrey: the grey level (0 black … 255 white) of the ground under a box
    ///   (PDF points) of the rendered page: its `TableSettings.groundQuantile` quantile, which
    ///   the white glyphs drawn there (bold letters cover most of a word's inner box) and
    ///   neighbouring glyphs reaching into it do not move. White text is visible only on a dark
    ///   ground (below `TableSettings.inkLevel`): a coloured band, not white paper.
    public static func visible(_ words: [Word], groundGrey: (BBox) -> UInt8) -> [Word] {
        guard words.contains(where: \.isWhite) else { return words }
        let level = TableSettings.standard.inkLevel
        return words.filter { !$0.isWhite || groundGrey(inner($0.bbox)) < level }
    }

    /// The box shrunk by `TableSettings.inkInset` of its height on each side, so that ink of a
    /// neighbouring glyph does not count.
    static func inner(_ b: BBox) -> BBox {
        let d = TableSettings.standard.inkInset * b.height
        let dx = min(d, b.width / 4)
        return BBox(x0: b.x0 + dx, y0: b.y0 + d, x1: b.x1 - dx, y1: b.y1 - d)
    }
}

extension InkFilter {
    /// Removes the glyphs that leave no ink from `words` that `check` selects (text drawn
    /// invisibly or hidden under a white box right next to a visible value): a glyph keeps its
    /// place only where the rendered page has a pixel darker than `TableSettings.inkLevel` inside
    /// its box (shrunk by `TableSettings.glyphInset`). A word left without inked glyphs is dropped.
    ///
    /// - Parameters:
    ///   - darkest: the darkest grey level of the rendered page in a box (PDF points).
    /// - Returns: the words and whether any changed. Words without glyph edges are kept as they are.
    public static func trimInvisibleGlyphs(_ words: [Word], check: (Word) -> Bool, darkest: (BBox) -> UInt8) -> (words: [Word], changed: Bool) {
        let s = TableSettings.standard
        var out: [Word] = [], changed = false
        out.reserveCapacity(words.count)
        for w in words {
            let scalars = Array(w.text.unicodeScalars)
            guard check(w), !w.glyphEdges.isEmpty, w.glyphEdges.count == scalars.count else { out.append(w); continue }
            // Other words' boxes on the line: their ink must not count for this word's glyphs.
            let others = words.filter { $0 != w && $0.bbox.xOverlap(w.bbox) > 0 && $0.bbox.yOverlap(w.bbox) > 0.5 * min($0.bbox.height, w.bbox.height) }
                .map { ($0.bbox.x0, $0.bbox.x1) }
            // Each glyph's own box when poppler gave it; the other glyphs' boxes do not count
            // for it either (a glyph drawn over a hidden one has its ink there).
            var inked: [Bool] = []
            let dy = s.glyphInset * w.bbox.height
            for (i, edge) in w.glyphEdges.enumerated() {
                let left = w.glyphStart(i)
                let dx = s.glyphInset * max(0, edge - left)
                let neighbours = w.hasGlyphStarts ? w.glyphEdges.indices.filter { $0 != i }.map { (w.glyphStarts[$0], w.glyphEdges[$0]) } : []
                guard let free = freePart(of: (left + dx, max(left + dx, edge - dx)), outside: others + neighbours) else { inked.append(true); continue }
                inked.append(darkest(BBox(x0: free.0, y0: w.bbox.y0 + dy, x1: free.1, y1: w.bbox.y1 - dy)) < s.inkLevel)
            }
            if inked.allSatisfy({ $0 }) { out.append(w); continue }
            changed = true
            out += inkedParts(of: w, scalars: scalars, inked: inked)
        }
        return (out, changed)
    }

    /// The inked glyphs of `w` as words: one word for each run of inked glyphs, the runs split
    /// where the unseen glyphs between them are wider than `Word.glyphGapSplit` em, the gap
    /// that splits words (a hidden digit between two values, `263` `9` `1 137`, leaves the
    /// space a person sees between two cells), joined over narrower ones. Empty when no glyph
    /// is inked.
    static func inkedParts(of w: Word, scalars: [Unicode.Scalar], inked: [Bool]) -> [Word] {
        var runs: [[Int]] = []
        for i in inked.indices where inked[i] {
            // The gap a person sees: from the last inked glyph's right edge to this one's left.
            if let last = runs.last?.last, last + 1 < i, w.glyphStart(i) - w.glyphEdges[last] > Word.glyphGapSplit * w.em {
                runs.append([i])
            } else if runs.isEmpty { runs.append([i]) } else { runs[runs.count - 1].append(i) }
        }
        return runs.map { run in
            var v = w
            v.text = String(String.UnicodeScalarView(run.map { scalars[$0] }))
            v.bbox = BBox(x0: run[0] == 0 ? w.bbox.x0 : w.glyphStart(run[0]), y0: w.bbox.y0, x1: w.glyphEdges[run[run.count - 1]], y1: w.bbox.y1)
            v.glyphEdges = run.map { w.glyphEdges[$0] }
            v.glyphStarts = w.hasGlyphStarts ? run.map { w.glyphStarts[$0] } : []
            return v
        }
    }

    /// The widest part of `range` that no interval of `others` covers; `nil` when less than
    /// `TableSettings.minFreeInk` of a point is left (too little to judge).
    static func freePart(of range: (Double, Double), outside others: [(Double, Double)]) -> (Double, Double)? {
        var parts = [range]
        for o in others {
            parts = parts.flatMap { p -> [(Double, Double)] in
                guard o.1 > p.0, o.0 < p.1 else { return [p] }
                return [(p.0, max(p.0, o.0)), (min(p.1, o.1), p.1)].filter { $0.1 > $0.0 }
            }
        }
        guard let best = parts.max(by: { $0.1 - $0.0 < $1.1 - $1.0 }), best.1 - best.0 >= TableSettings.standard.minFreeInk else { return nil }
        return best
    }
}

extension InkFilter {
    /// Whether the value cells of a page's table columns call for the ink check: a column whose
    /// values are right-aligned (their right edges agree within `TableSettings.alignment` of
    /// the cells' height) but where a cell reaches further right (a glyph appended, perhaps
    /// unseen), or a column that is not right-aligned (nothing can be judged from its edges).
    /// Columns of one cell say nothing.
    /// - Parameter columns: the cell boxes of each column (PDF points).
    public static func needsInkCheck(columns: [[BBox]]) -> Bool {
        let tol = TableSettings.standard.alignment
        for cells in columns where cells.count >= 2 {
            let x1 = cells.map(\.x1).sorted()
            let median = x1[x1.count / 2]
            let h = cells.map(\.height).sorted()[cells.count / 2]
            let off = cells.filter { abs($0.x1 - median) > tol * h }
            if off.contains(where: { $0.x1 > median }) || 3 * off.count > cells.count { return true }
        }
        return false
    }
}

extension InkFilter {
    /// The page without text a person cannot see (`visible`): the page is rendered (at `scale`
    /// pixels per point) only when it has suspicious (white) words, and only the part of it that
    /// holds them. Kept white words stay marked `isWhite` (they are white on a dark fill).
    public static func visibleWords(of page: PDFPage, in doc: PDFDocument, scale: Double) -> PDFPage {
        let white = page.words.filter(\.isWhite)
        guard let first = white.first else { return page }
        let clip = pixelAligned(white.dropFirst().reduce(first.bbox) { $0.union($1.bbox) }, scale: scale)
        var bitmap: PageBitmap?? = nil
        var p = page
        p.words = visible(page.words) { box in
            if bitmap == nil { bitmap = .some(try? doc.render(page: page.number, scale: scale, rotation: page.rotation, clip: clip)) }
            guard let b = bitmap ?? nil else { return 0 }
            return b.greyQuantile(TableSettings.standard.groundQuantile, in: box)
        }
        return p
    }

    /// `box` grown by a point on each side and out to whole pixels at `scale`, so that a bitmap
    /// rendered with it as clip has the pixels of the whole page's bitmap (same grid) in its area.
    public static func pixelAligned(_ box: BBox, scale: Double) -> BBox {
        BBox(x0: ((box.x0 - 1) * scale).rounded(.down) / scale, y0: ((box.y0 - 1) * scale).rounded(.down) / scale,
             x1: ((box.x1 + 1) * scale).rounded(.up) / scale, y1: ((box.y1 + 1) * scale).rounded(.up) / scale)
    }
}
