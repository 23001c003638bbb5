import PDFLayout

/// Stage 0b: text set in two page columns, split at the gutter so that a table in one column
/// is not read together with the running text beside it.
public enum PageColumns {
    /// The lines of one page in groups that are read separately: the left and right parts of
    /// each *column zone*, and the other lines whole.
    ///
    /// The gutter is the x (in the middle `gutterBand` of the text's width) with the most support
    /// — lines that reach both sides and have a word gap there, and lines on one side only that
    /// end or start within `gutterEdgeReach` em of it (the edges of the two columns) — where at
    /// most `gutterCrossShare` of the lines reaching both sides cross it. (A gap between two
    /// column groups of a table set in one page column has table rows for support; the gutter
    /// beside that table has the table's right edge and the other column's left edge.)
    ///
    /// A column zone is a run of consecutive lines, top to bottom, that all have a gap at the
    /// gutter and of which at least `gutterProseLines` have running text (`gutterProseWords`
    /// words of two letters or more) on one side. No gutter, no zone: one group of all lines.
    ///
    /// - Parameter lines: one page's lines, top to bottom.
    public static func groups(_ lines: [TextLine], settings: DetectionSettings = .standard) -> [[TextLine]] {
        guard lines.count >= settings.gutterProseLines, let x = gutter(lines, settings) else { return [lines] }
        func proseSide(_ l: TextLine) -> Bool {
            TableBlocks.isRunningText(l.words.filter { $0.bbox.x1 <= x }, minWords: settings.gutterProseWords)
                || TableBlocks.isRunningText(l.words.filter { $0.bbox.x0 >= x }, minWords: settings.gutterProseWords)
        }
        var whole: [TextLine] = [], zones: [[TextLine]] = []
        var run: [TextLine] = []
        func flush() {
            if run.filter(proseSide).count >= settings.gutterProseLines { zones.append(run) } else { whole += run }
            run = []
        }
        for l in lines {
            // Lines on one side only continue a zone; a line crossing the gutter ends it.
            let crosses = l.words.contains { $0.bbox.x0 < x && x < $0.bbox.x1 }
            if crosses { flush(); whole.append(l) } else { run.append(l) }
        }
        flush()
        var out: [[TextLine]] = [whole.sorted { $0.midY < $1.midY }]
        for z in zones {
            let left = z.compactMap { l -> TextLine? in let w = l.words.filter { $0.bbox.x1 <= x }; return w.isEmpty ? nil : TextLine(words: w, page: l.page) }
            let right = z.compactMap { l -> TextLine? in let w = l.words.filter { $0.bbox.x0 >= x }; return w.isEmpty ? nil : TextLine(words: w, page: l.page) }
            out += [left, right]
        }
        return out.filter { !$0.isEmpty }
    }

    /// The gutter's x, or `nil` when the page is not set in two columns.
    static func gutter(_ lines: [TextLine], _ settings: DetectionSettings) -> Double? {
        let x0 = lines.map(\.bbox.x0).min()!, x1 = lines.map(\.bbox.x1).max()!
        let w = x1 - x0
        guard w > 0 else { return nil }
        let lo = x0 + (0.5 - settings.gutterBand / 2) * w, hi = x0 + (0.5 + settings.gutterBand / 2) * w
        let reach = settings.gutterEdgeReach * ColumnBoundaries.median(lines.map(\.em))
        var best: (x: Double, support: Int)? = nil
        var x = lo
        while x <= hi {
            var split = 0, cross = 0, edges = 0
            for l in lines {
                if l.bbox.x0 < x && x < l.bbox.x1 {
                    if l.words.contains(where: { $0.bbox.x0 < x && x < $0.bbox.x1 }) { cross += 1 } else { split += 1 }
                } else if (l.bbox.x1 <= x && x - l.bbox.x1 <= reach) || (l.bbox.x0 >= x && l.bbox.x0 - x <= reach) {
                    edges += 1
                }
            }
            if split + edges > 0, Double(cross) <= settings.gutterCrossShare * Double(split + cross), split + edges > (best?.support ?? 0) {
                best = (x, split + edges)
            }
            x += 1
        }
        return best?.x
    }
}
