import PDFLayout

/// Stage 5a: the stub head (the first column's header, e.g. "Age group (yrs)") set as one cell
/// over the whole header band.
public enum StubHead {
    /// When the header band (`HeaderSpans.bandEnd`) has two or more rows
    /// and its first-column cells sit on consecutive rows with nothing else in those rows'
    /// first column, they are one cell: joined top to bottom, placed on the band's first row,
    /// spanning the band. Rows left empty are removed.
    ///
    /// - Returns: the cells and the row edges (points) after removing empty rows.
    public static func merge(_ cells: [DetectedCell], rowEdges: [Double]) -> (cells: [DetectedCell], rowEdges: [Double]) {
        guard let headerEnd = HeaderSpans.bandEnd(cells), headerEnd >= 2 else { return (cells, rowEdges) }
        let stub = cells.indices.filter { cells[$0].col == 0 && cells[$0].row < headerEnd }.sorted { cells[$0].row < cells[$1].row }
        guard stub.count >= 2 else { return (cells, rowEdges) }
        let rows = stub.map { cells[$0].row }
        guard zip(rows, rows.dropFirst()).allSatisfy({ $1 == $0 + 1 }) else { return (cells, rowEdges) }
        let parts = stub.map { cells[$0] }
        let merged = DetectedCell(row: 0, col: 0, rowSpan: headerEnd, colSpan: parts.map(\.colSpan).max()!,
                                  text: parts.map(\.text).joined(separator: " "),
                                  bbox: parts.dropFirst().reduce(parts[0].bbox) { $0.union($1.bbox) })
        var out = cells.indices.filter { !stub.contains($0) }.map { cells[$0] }
        // Every header row keeps a cell elsewhere, or goes.
        let kept = Set(out.map(\.row)).union([0])
        let gone = (0..<(rowEdges.count - 1)).filter { !kept.contains($0) }
        out.append(merged)
        out = out.map { c in
            var c = c
            let shift = gone.filter { $0 < c.row }.count
            c.row -= shift
            if c.row == 0 && c.col == 0 { c.rowSpan = max(1, c.rowSpan - gone.filter { $0 < headerEnd }.count) }
            return c
        }
        var edges = rowEdges
        for r in gone.reversed() { edges.remove(at: r + 1) }
        return (out.sorted { ($0.row, $0.col) < ($1.row, $1.col) }, edges)
    }
}
