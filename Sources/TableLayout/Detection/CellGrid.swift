import PDFLayout

/// Stage 5: cells from rows and column cuts.
public enum CellGrid {
    /// Cuts a fragment where a word gap of at least `gap` points (the line's `splitGap`) holds a column cut (two cells
    /// printed closer than `cellGap`); a spanning cell's ordinary word spaces are not cut.
    static func split(_ f: CellFragment, cuts: [Double], gap: Double) -> [CellFragment] {
        var out: [CellFragment] = [], run: [Word] = []
        for w in f.words {
            if let last = run.last, w.bbox.x0 - last.bbox.x1 >= gap,
               cuts.contains(where: { last.bbox.x1 < $0 && $0 < w.bbox.x0 }) {
                out.append(CellFragment(words: run)); run = []
            }
            run.append(w)
        }
        out.append(CellFragment(words: run))
        return out
    }

    /// Cuts a fragment at every word gap of at least `gap` points.
    static func split(_ f: CellFragment, at gap: Double) -> [CellFragment] {
        var out: [CellFragment] = [], run: [Word] = []
        for w in f.words {
            if let last = run.last, w.bbox.x0 - last.bbox.x1 >= gap { out.append(CellFragment(words: run)); run = [] }
            run.append(w)
        }
        out.append(CellFragment(words: run))
        return out
    }

    /// Builds the cells: in each row, the fragments that start in the same column form one
    /// cell (lines top to bottom joined by a space), spanning the columns they cover. Columns
    /// and rows with no cell are dropped.
    ///
    /// - Parameters:
    ///   - lines: the block's lines; `rows` index into them.
    ///   - edges: column edges (cuts with the block's left and right ends).
    /// - Returns: cells with grid positions, the kept column edges and row edges.
    public static func cells(_ lines: [FragmentLine], rows: [[Int]], edges: [Double],
                             settings: DetectionSettings = .standard) -> (cells: [DetectedCell], columnEdges: [Double], rowEdges: [Double]) {
        let em = ColumnBoundaries.median(lines.map(\.em))
        let cuts = Array(edges.dropFirst().dropLast())
        struct Draft { var row: Int; var cols: ClosedRange<Int>; var parts: [CellFragment] }
        var drafts: [Draft] = []
        for (r, row) in rows.enumerated() {
            var byCol: [Int: Draft] = [:]
            for i in row {
                for f in lines[i].fragments.flatMap({ split($0, cuts: cuts, gap: lines[i].splitGap) }) {
                    let c = RowGrouping.columns(of: f.bbox, edges: edges, em: em)
                    if var d = byCol[c.lowerBound] {
                        d.parts.append(f); d.cols = d.cols.lowerBound...max(d.cols.upperBound, c.upperBound); byCol[c.lowerBound] = d
                    } else {
                        byCol[c.lowerBound] = Draft(row: r, cols: c, parts: [f])
                    }
                }
            }
            drafts += byCol.keys.sorted().map { byCol[$0]! }
        }
        // Drop empty columns: renumber by the columns where some cell starts.
        let usedCols = Set(drafts.map(\.cols.lowerBound)).sorted()
        let colIndex = Dictionary(uniqueKeysWithValues: usedCols.enumerated().map { ($1, $0) })
        func newIndex(_ c: Int) -> Int { usedCols.lastIndex { $0 <= c }.map { colIndex[usedCols[$0]]! } ?? 0 }
        let usedRows = Set(drafts.map(\.row)).sorted()
        let rowIndex = Dictionary(uniqueKeysWithValues: usedRows.enumerated().map { ($1, $0) })
        let cells = drafts.map { d -> DetectedCell in
            let box = d.parts.dropFirst().reduce(d.parts[0].bbox) { $0.union($1.bbox) }
            let text = d.parts.map(\.text).joined(separator: " ")
            let c0 = newIndex(d.cols.lowerBound), c1 = newIndex(d.cols.upperBound)
            return DetectedCell(row: rowIndex[d.row]!, col: c0, rowSpan: 1, colSpan: c1 - c0 + 1, text: text, bbox: box)
        }
        let columnEdges = usedCols.map { edges[$0] } + [edges.last!]
        var rowEdges: [Double] = []
        for r in usedRows {
            let ys = rows[r].map { lines[$0].bbox }
            if rowEdges.isEmpty { rowEdges.append(ys.map(\.y0).min()!) }
            rowEdges.append(ys.map(\.y1).max()!)
        }
        return (cells, columnEdges, rowEdges)
    }
}
