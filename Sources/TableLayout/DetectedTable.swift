import PDFLayout

/// A table found on a page, independent of any document layout: its region, caption and cells
/// on a grid of rows and columns.
///
/// Boxes are PDF points, origin top-left, y down (as `Word.bbox`), on page `page` (1-based).
public struct DetectedTable: Sendable, Hashable {
    /// 1-based page number.
    public var page: Int
    /// The region: union of the cells' boxes and of the ruling lines that frame them.
    public var bbox: BBox
    /// The caption printed next to the table (e.g. "Table 3: Releases"), when there is one.
    public var caption: String?
    /// Number of grid rows and columns.
    public var rowCount: Int
    public var columnCount: Int
    /// The non-empty cells, row by row, left to right.
    public var cells: [DetectedCell]
    /// x of each column's left and right edge (`columnCount + 1` values, points): where the
    /// grid was cut. Drawn by the debug image.
    public var columnEdges: [Double]
    /// y of each row's top and bottom edge (`rowCount + 1` values, points).
    public var rowEdges: [Double]
    /// Whether the grid came from ruling lines (as opposed to text alignment alone).
    public var ruled: Bool

    public init(page: Int, bbox: BBox, caption: String?, rowCount: Int, columnCount: Int, cells: [DetectedCell],
                columnEdges: [Double], rowEdges: [Double], ruled: Bool) {
        self.page = page; self.bbox = bbox; self.caption = caption; self.rowCount = rowCount
        self.columnCount = columnCount; self.cells = cells; self.columnEdges = columnEdges
        self.rowEdges = rowEdges; self.ruled = ruled
    }

    /// The grid as rows of texts (`nil` where no cell starts; a spanning cell's text sits at
    /// its top-left position only).
    public var grid: [[String?]] {
        var g = Array(repeating: Array(repeating: String?.none, count: columnCount), count: rowCount)
        for c in cells where c.row < rowCount && c.col < columnCount { g[c.row][c.col] = c.text }
        return g
    }
}

/// One cell of a `DetectedTable`.
public struct DetectedCell: Sendable, Hashable {
    /// Top-left grid position (0-based).
    public var row: Int
    public var col: Int
    /// Rows and columns the cell covers (≥ 1).
    public var rowSpan: Int
    public var colSpan: Int
    /// The cell's words in reading order, lines joined by a space.
    public var text: String
    /// Union of the cell's word boxes.
    public var bbox: BBox
    public init(row: Int, col: Int, rowSpan: Int = 1, colSpan: Int = 1, text: String, bbox: BBox) {
        self.row = row; self.col = col; self.rowSpan = rowSpan; self.colSpan = colSpan; self.text = text; self.bbox = bbox
    }
}
