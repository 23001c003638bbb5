import PDFLayout

/// A spatial index of boxes (PDF points, origin top-left, y down): which of the inserted boxes
/// may touch a query box. It answers with a superset that is never missing a box that
/// overlaps or touches the query, so a stage that uses it reads exactly as one that compares
/// every pair; only its speed depends on `cellSize`, never its result.
///
/// Boxes are filed under every square cell of `cellSize` points they cover; a box covering
/// more than `maxCellsPerSide` cells a side (a page-sized rule, a hostile coordinate) is kept
/// in a short list that every query returns.
struct BoxIndex {
    /// Side of a cell in PDF points (an index granularity, not a tolerance).
    let cellSize: Double
    /// Boxes wider or taller than this many cells go to `large`.
    let maxCellsPerSide = 64
    private var cells: [Cell: [Int]] = [:]
    private var large: [Int] = []

    private struct Cell: Hashable { let x: Int, y: Int }

    init(cellSize: Double = 16) { self.cellSize = cellSize }

    /// Files box `b` under the caller's identifier `id` (e.g. an index into its array).
    mutating func insert(_ b: BBox, id: Int) {
        guard let (xs, ys) = span(b) else { large.append(id); return }
        for y in ys { for x in xs { cells[Cell(x: x, y: y), default: []].append(id) } }
    }

    /// Identifiers of every inserted box that may overlap or touch `b`, each once, in
    /// insertion order.
    func candidates(_ b: BBox) -> [Int] {
        guard let (xs, ys) = span(b) else { return allIDs() }
        var out = large
        for y in ys { for x in xs { if let ids = cells[Cell(x: x, y: y)] { out += ids } } }
        return Self.unique(&out)
    }

    private func allIDs() -> [Int] {
        var out = large + cells.values.joined()
        return Self.unique(&out)
    }

    /// `ids` sorted, each once.
    private static func unique(_ ids: inout [Int]) -> [Int] {
        guard ids.count > 1 else { return ids }
        ids.sort()
        var n = 1
        for i in 1..<ids.count where ids[i] != ids[n - 1] { ids[n] = ids[i]; n += 1 }
        ids.removeLast(ids.count - n)
        return ids
    }

    /// The cell columns and rows `b` covers, or `nil` when it covers too many (or its
    /// coordinates are not finite).
    private func span(_ b: BBox) -> (ClosedRange<Int>, ClosedRange<Int>)? {
        let limit = Double(maxCellsPerSide)
        guard b.x0.isFinite, b.x1.isFinite, b.y0.isFinite, b.y1.isFinite,
              (b.x1 - b.x0) / cellSize < limit, (b.y1 - b.y0) / cellSize < limit,
              abs(b.x0) / cellSize < 1e12, abs(b.y0) / cellSize < 1e12 else { return nil }
        let x0 = Int((b.x0 / cellSize).rounded(.down)), x1 = Int((b.x1 / cellSize).rounded(.down))
        let y0 = Int((b.y0 / cellSize).rounded(.down)), y1 = Int((b.y1 / cellSize).rounded(.down))
        guard x0 <= x1, y0 <= y1 else { return nil }
        return (x0...x1, y0...y1)
    }
}
