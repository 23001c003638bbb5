import PDFLayout

/// A table cell's printed text and where it was printed.
public struct Cell: Sendable, Hashable {
    /// The printed text (words of the cell joined by a space, as printed).
    public var text: String
    /// Bounding box, PDF points, origin top-left, y down.
    public var bbox: BBox
    /// 1-based page.
    public var page: Int
    public init(text: String, bbox: BBox, page: Int) { self.text = text; self.bbox = bbox; self.page = page }
    /// A cell made of `words` (left to right).
    public init(words: [Word]) {
        let sorted = words.sorted { $0.bbox.x0 < $1.bbox.x0 }
        self.text = sorted.map(\.text).joined(separator: " ")
        self.bbox = sorted.dropFirst().reduce(sorted[0].bbox) { $0.union($1.bbox) }
        self.page = sorted[0].page
    }
}
