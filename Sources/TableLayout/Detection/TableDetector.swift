import PDFLayout

/// Page-level table detection: the pipeline of the stages in this folder.
///
/// words less footnote marks (`FootnoteMarks`) → lines (`LineBuilder`) → page columns split at a gutter (`PageColumns`) → cell fragments (`CellFragments`) → blocks of table lines
/// (`TableBlocks`), grown upwards by spanning header lines → column cuts from whitespace
/// rivers and vertical rules (`ColumnBoundaries`) → rows, multi-line cells kept together,
/// cut by horizontal rules when the table is ruled (`RowGrouping`) → cells with spans
/// (`CellGrid`), the stub head merged over the header band (`StubHead`), header cells widened over the cells under them (`HeaderSpans`) → caption (`TableCaption`). Pure: no I/O; rulings come from the caller.
public enum TableDetector {
    /// Finds the tables of one page.
    ///
    /// - Parameters:
    ///   - page: the page's words (reading orientation).
    ///   - rulings: the page's ruling lines (`RulingLines.find`), or none.
    /// - Returns: tables top to bottom, each with at least two rows and two columns.
    public static func tables(on page: PDFPage, rulings: [Ruling] = [], settings: DetectionSettings = .standard) -> [DetectedTable] {
        let words = FootnoteMarks.removed(from: page.words.filter { !$0.isWhite && !$0.text.trimmingWhitespace.isEmpty }, settings: settings)
        var tables: [DetectedTable] = [], free: [TextLine] = []
        let pageLines = LineBuilder.lines(words)
        let spaces = CellFragments.monospaceSpaces(pageLines, settings: settings)
        for group in PageColumns.groups(pageLines, settings: settings) {
            let found = detect(in: CellFragments.split(group, spaces: spaces, settings: settings), page: page.number, rulings: rulings, settings: settings)
            tables += found.tables; free += found.free
        }
        for i in tables.indices {
            tables[i].caption = TableCaption.find(for: tables[i].bbox, among: free, settings: settings)?.text
        }
        return tables.sorted { ($0.bbox.y0, $0.bbox.x0) < ($1.bbox.y0, $1.bbox.x0) }
    }

    /// The tables among one group of lines (top to bottom), and the lines in none of them.
    static func detect(in lines: [FragmentLine], page: Int, rulings: [Ruling], settings: DetectionSettings) -> (tables: [DetectedTable], free: [TextLine]) {
        guard !lines.isEmpty else { return ([], []) }
        let vertical = rulings.filter { !$0.horizontal }, horizontal = rulings.filter(\.horizontal)
        var taken = Set<Int>()
        var blocks = TableBlocks.find(lines, settings: settings)
        for b in blocks { taken.formUnion(b) }
        var tables: [DetectedTable] = []
        for k in blocks.indices {
            var block = blocks[k]
            var cuts = ColumnBoundaries.cuts(block.map { lines[$0] }, verticalRules: vertical, settings: settings)
            let grown = growHeader(block, cuts: cuts, lines: lines, taken: taken, settings: settings)
            if grown.count > block.count {
                taken.formUnion(grown); block = grown; blocks[k] = grown
                cuts = ColumnBoundaries.cuts(block.map { lines[$0] }, verticalRules: vertical, settings: settings)
            }
            let blockLines = block.map { lines[$0] }
            let left = blockLines.flatMap(\.fragments).map(\.bbox.x0).min()!
            let right = blockLines.flatMap(\.fragments).map(\.bbox.x1).max()!
            guard !cuts.isEmpty else { continue }
            let edges = [left] + cuts + [right]
            let rows = RowGrouping.rows(blockLines, edges: edges, horizontalRules: horizontal, settings: settings)
            var grid = CellGrid.cells(blockLines, rows: rows.rows, edges: edges, settings: settings)
            (grid.cells, grid.rowEdges) = StubHead.merge(grid.cells, rowEdges: grid.rowEdges)
            grid.cells = HeaderSpans.widen(grid.cells, em: ColumnBoundaries.median(blockLines.map(\.em)), settings: settings)
            let rowCount = grid.rowEdges.count - 1, colCount = grid.columnEdges.count - 1
            guard rowCount >= 2, colCount >= 2 else { continue }
            let bbox = grid.cells.dropFirst().reduce(grid.cells[0].bbox) { $0.union($1.bbox) }
            tables.append(DetectedTable(page: page, bbox: bbox, caption: nil, rowCount: rowCount, columnCount: colCount,
                                        cells: grid.cells, columnEdges: grid.columnEdges, rowEdges: grid.rowEdges, ruled: rows.ruled))
        }
        return (tables, lines.indices.filter { !taken.contains($0) }.map { lines[$0].line })
    }

    /// Adds the one-cell lines directly above a block that sit over its data columns (a
    /// spanning header such as "Releases" over "to air | to water"), not over its first column
    /// (where a title or a caption starts).
    static func growHeader(_ block: [Int], cuts: [Double], lines: [FragmentLine], taken: Set<Int>, settings: DetectionSettings) -> [Int] {
        guard let firstCut = cuts.first, var top = block.min() else { return block }
        let frags = block.flatMap { lines[$0].fragments }
        let left = frags.map(\.bbox.x0).min()!, right = frags.map(\.bbox.x1).max()!
        var out = block
        while top > 0 {
            let cand = lines[top - 1], below = lines[top]
            let em = cand.em
            let gap = below.bbox.y0 - cand.bbox.y1
            guard !taken.contains(top - 1), gap <= settings.maxRowGap * max(cand.line.height, 1),
                  !TableRegionFinder.isCaption(cand.line.text),
                  cand.bbox.x0 >= firstCut - em, cand.bbox.x0 >= left - em, cand.bbox.x1 <= right + em,
                  !cand.fragments.contains(where: { TableBlocks.isProseFragment($0, settings) }) else { break }
            out.insert(top - 1, at: 0); top -= 1
        }
        return out
    }
}
