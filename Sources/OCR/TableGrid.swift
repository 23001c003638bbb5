/// One cell of a ruled table, in pixels of the deskewed page, with its place in the grid.
struct GridCell: Equatable {
    var rect: PixelRect
    /// Grid row and column of the cell's top-left corner; `rowSpan`/`colSpan` ≥ 1 for merged cells.
    var row: Int, column: Int, rowSpan: Int, colSpan: Int
}

/// A ruled table (lattice): row boundaries from horizontal rules, column boundaries from
/// vertical rules, cells merged where a boundary rule does not cross them.
struct TableGrid {
    var bounds: PixelRect
    var rows: [Int]      // boundary rows (pixels), top to bottom
    var columns: [Int]   // boundary columns (pixels), left to right
    var cells: [GridCell]
    /// The rules the grid was built from (erased before its cells are read).
    var horizontalRules: [Rule] = [], verticalRules: [Rule] = []

    /// Every lattice on the page: horizontal rules grouped by overlap and vertical proximity,
    /// with at least two row and two column boundaries.
    static func find(horizontal: [Rule], vertical: [Rule], bands: [PixelRect], scale: Double) -> [TableGrid] {
        let merge = Int(OCRTolerances.mergeRule * scale), pitch = Int(OCRTolerances.maxRowPitch * scale)
        // Band edges are row and column boundaries too.
        var hr = horizontal, vr = vertical
        for b in bands {
            hr.append(Rule(position: b.y0, start: b.x0, end: b.x1, thickness: 1, lo: b.y0, hi: b.y0))
            hr.append(Rule(position: b.y1 - 1, start: b.x0, end: b.x1, thickness: 1, lo: b.y1 - 1, hi: b.y1 - 1))
            vr.append(Rule(position: b.x0, start: b.y0, end: b.y1, thickness: 1, lo: b.x0, hi: b.x0))
            vr.append(Rule(position: b.x1 - 1, start: b.y0, end: b.y1, thickness: 1, lo: b.x1 - 1, hi: b.x1 - 1))
        }
        // Top to bottom; at one position the longer rule first (a band's edge before the
        // pieces of a rule that cell text broke).
        hr.sort { ($0.position, $1.end - $1.start) < ($1.position, $0.end - $0.start) }
        var groups: [[Rule]] = []
        for r in hr {
            // A rule joins a table above when they overlap, are close, and a vertical rule
            // of the table runs from one to the other (the lattice is connected). A rule that
            // joins several (a header band's lower edge under a rule broken into pieces) makes
            // them one table.
            let joined = groups.indices.filter { i in
                let g = groups[i], lastY = g.map(\.position).max() ?? 0
                return g.contains { o in min(o.end, r.end) - max(o.start, r.start) > min(o.end - o.start, r.end - r.start) / 2 } &&
                    r.position - lastY <= pitch &&
                    vr.contains { v in v.start <= lastY + merge && v.end >= r.position - merge && v.position >= r.start - merge && v.position <= r.end + merge }
            }
            guard let first = joined.first else { groups.append([r]); continue }
            for i in joined.dropFirst().reversed() { groups[first] += groups.remove(at: i) }
            groups[first].append(r)
        }
        var out: [TableGrid] = []
        for g in groups {
            let x0 = g.map(\.start).min()!, x1 = g.map(\.end).max()!
            let y0 = g.map(\.position).min()!, y1 = g.map(\.position).max()!
            guard y1 - y0 > merge else { continue }
            let vs = vr.filter { $0.position >= x0 - merge && $0.position <= x1 + merge && $0.start < y1 && $0.end > y0 }
            var cols = cluster(vs.map(\.position) + [x0, x1], merge)
            cols = cols.filter { $0 >= x0 - merge && $0 <= x1 + merge }
            let rows = cluster(g.map(\.position), merge)
            guard rows.count >= 2, cols.count >= 2, vs.count >= 1 else { continue }
            let cells = mergedCells(rows: rows, cols: cols, h: g, v: vs, tol: merge)
            guard cells.count >= 2 else { continue }   // a box round a figure is no table
            out.append(TableGrid(bounds: PixelRect(x0: cols.first!, y0: rows.first!, x1: cols.last!, y1: rows.last!), rows: rows, columns: cols, cells: cells,
                                 horizontalRules: g.filter { $0.thickness > 0 }, verticalRules: vs))
        }
        return out
    }

    /// Sorted positions, those closer than `tol` merged into their mean.
    static func cluster(_ positions: [Int], _ tol: Int) -> [Int] {
        var out: [[Int]] = []
        for p in positions.sorted() {
            if let last = out.last?.last, p - last <= tol { out[out.count - 1].append(p) } else { out.append([p]) }
        }
        return out.map { $0.reduce(0, +) / $0.count }
    }

    /// Cells of the grid: a row boundary counts in a column only where a horizontal rule crosses
    /// that column's middle, a column boundary in a row only where a vertical rule crosses the
    /// row's middle; missing boundaries merge neighbouring cells.
    static func mergedCells(rows: [Int], cols: [Int], h: [Rule], v: [Rule], tol: Int) -> [GridCell] {
        func hCovers(_ y: Int, _ x: Int) -> Bool { h.contains { abs($0.position - y) <= tol && $0.start - tol <= x && x <= $0.end + tol } }
        func vCovers(_ x: Int, _ y: Int) -> Bool { v.contains { abs($0.position - x) <= tol && $0.start - tol <= y && y <= $0.end + tol } }
        var cells: [GridCell] = []
        for c in 0..<(cols.count - 1) {
            let mid = (cols[c] + cols[c + 1]) / 2
            var top = 0
            for r in 1..<rows.count where r == rows.count - 1 || hCovers(rows[r], mid) {
                let cell = GridCell(rect: PixelRect(x0: cols[c], y0: rows[top], x1: cols[c + 1], y1: rows[r]), row: top, column: c, rowSpan: r - top, colSpan: 1)
                let midY = (rows[top] + rows[r]) / 2
                if c > 0, !vCovers(cols[c], midY), let i = cells.lastIndex(where: { $0.row == top && $0.rowSpan == r - top && $0.column + $0.colSpan == c }) {
                    cells[i].rect.x1 = cols[c + 1]; cells[i].colSpan += 1
                } else { cells.append(cell) }
                top = r
            }
        }
        return cells
    }
}
