import PDFLayout

/// Stage 4: a block's lines grouped into rows (multi-line cells kept together).
public enum RowGrouping {
    /// The columns (0-based, into `edges`) a box covers: those it overlaps by more than a
    /// tenth of `em`; the nearest one when it overlaps none.
    static func columns(of box: BBox, edges: [Double], em: Double) -> ClosedRange<Int> {
        let n = edges.count - 1
        let covered = (0..<n).filter { min(box.x1, edges[$0 + 1]) - max(box.x0, edges[$0]) > 0.1 * em }
        if let a = covered.first, let b = covered.last { return a...b }
        let nearest = (0..<n).min { abs((edges[$0] + edges[$0 + 1]) / 2 - box.midX) < abs((edges[$1] + edges[$1 + 1]) / 2 - box.midX) } ?? 0
        return nearest...nearest
    }

    /// Whether a text reads as a number (digits with separators, signs, %, currency).
    static func isNumeric(_ t: String) -> Bool {
        var digits = 0
        for u in t.unicodeScalars {
            if u.properties.numericType != nil { digits += 1; continue }
            if ".,-+%()$€£ ".unicodeScalars.contains(u) || u == "\u{2212}" || u == "\u{2013}" { continue }
            return false
        }
        return digits > 0
    }

    /// Groups lines (top to bottom) into rows.
    ///
    /// Horizontal rules inside the block at least `minRowRule` of its width always cut rows.
    /// Densely ruled tables (at least two such rules, at most `ruledLinesPerRow` lines between
    /// consecutive rules on average and `maxRuledBandLines` in any one band): the rules alone
    /// cut the rows. (A rule under the header only, or a filled header band, leaves the body in
    /// one band: its rows are cut by the text.) Otherwise a line continues the row above (a wrapped
    /// cell) when it sits within `maxWrapGap` lines of it, fills only columns the row already
    /// fills, fewer than the fullest line of the block, holds no number, and (below a row of
    /// values) does not start left of the row (a group heading); or when, as closely, it fills
    /// only columns the row has empty and the row holds no number yet (values vertically
    /// centred on a label wrapped over several lines); or when, as closely, every cell of it
    /// starts in lower case under a filled cell (text wrapped in every column).
    ///
    /// - Returns: rows as index lists into `lines`, and whether rules cut them.
    public static func rows(_ lines: [FragmentLine], edges: [Double], horizontalRules: [Ruling] = [],
                            settings: DetectionSettings = .standard) -> (rows: [[Int]], ruled: Bool) {
        guard !lines.isEmpty else { return ([], false) }
        let top = lines.map(\.bbox.y0).min()!, bottom = lines.map(\.bbox.y1).max()!
        let left = edges.first!, right = edges.last!
        let h = lines.map(\.line.height).sorted()[lines.count / 2]
        let cuts = ColumnBoundaries.dedupe(horizontalRules.filter {
            $0.at > top + 0.3 * h && $0.at < bottom - 0.3 * h
                && min($0.to, right) - max($0.from, left) >= settings.minRowRule * (right - left)
        }.map(\.at).sorted(), within: 0.5 * h)
        // A rule must fall between lines, not through one.
        let between = cuts.filter { c in !lines.contains { $0.bbox.y0 + 0.25 * h < c && c < $0.bbox.y1 - 0.25 * h } }
        func band(_ l: FragmentLine) -> Int { between.filter { $0 < l.line.midY }.count }
        // Densely ruled (a rule under most rows): every band is one row.
        let bandSizes = Dictionary(grouping: lines.map(band), by: { $0 }).mapValues(\.count)
        if between.count >= 2, Double(lines.count) <= settings.ruledLinesPerRow * Double(bandSizes.count),
           (bandSizes.values.max() ?? 0) <= settings.maxRuledBandLines {
            var bands: [Int: [Int]] = [:]
            for (i, l) in lines.enumerated() { bands[band(l), default: []].append(i) }
            return (bands.keys.sorted().map { bands[$0]! }, true)
        }
        let em = ColumnBoundaries.median(lines.map(\.em))
        let cols = lines.map { l in Set(l.fragments.flatMap { Array(columns(of: $0.bbox, edges: edges, em: em)) }) }
        let fullest = cols.map(\.count).max() ?? 0
        var rows: [[Int]] = []
        var rowCols: [Set<Int>] = []
        for (i, l) in lines.enumerated() {
            if let last = rows.last?.last, band(lines[last]) == band(l) {
                let gap = l.bbox.y0 - lines[last].bbox.y1
                let row = rows[rows.count - 1]
                // Below a row of values, a line starting left of the row's first cell is a new
                // group heading, not a wrapped label.
                let rowHasValues = row.contains { r in lines[r].fragments.contains { isNumeric($0.text) } }
                let outdented = l.bbox.x0 < row.map { lines[$0].bbox.x0 }.min()! - 0.5 * l.em
                let tight = gap <= settings.maxWrapGap * max(l.line.height, 1)
                let wraps = tight
                    && cols[i].isSubset(of: rowCols[rowCols.count - 1]) && cols[i].count < fullest
                    && !l.fragments.contains { isNumeric($0.text) } && !(rowHasValues && outdented)
                // Values vertically centred on a wrapped label fill the row's empty columns.
                let centred = tight && !rowHasValues && cols[i].isDisjoint(with: rowCols[rowCols.count - 1])
                // Text that starts in lower case continues the cells above (wrapped in every column).
                let lowercase = tight && cols[i].isSubset(of: rowCols[rowCols.count - 1])
                    && l.fragments.allSatisfy { $0.text.unicodeScalars.first.map { CharacterSetLite.isLowercase($0) } ?? false }
                if wraps || centred || lowercase { rows[rows.count - 1].append(i); rowCols[rowCols.count - 1].formUnion(cols[i]); continue }
            }
            rows.append([i]); rowCols.append(cols[i])
        }
        return (rows, false)
    }
}

/// Letter-case test on one scalar.
enum CharacterSetLite {
    static func isLowercase(_ u: Unicode.Scalar) -> Bool { u.properties.isLowercase }
}
