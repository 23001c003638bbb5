/// One page of a document: its display size and its words.
///
/// All coordinates are PDF points in the page's display space, origin top-left, y down. When the
/// page's text runs vertically (a portrait page with `/Rotate 90` holding a landscape table),
/// `PageReader` turns the words into reading orientation, so `width`/`height` are those of the
/// page as it is read and `rotation` says by how much the words were turned.
public struct PDFPage: Sendable {
    /// 1-based page number.
    public var number: Int
    /// Page width in points, in reading orientation.
    public var width: Double
    /// Page height in points, in reading orientation.
    public var height: Double
    /// Degrees (0, 90, 270) the words were rotated to make the text read left to right.
    public var rotation: Int
    /// Words in poppler's reading order.
    public var words: [Word]
    /// Fraction (0...1) of the page area covered by its largest image; `nil` when not measured.
    public var imageCoverage: Double?

    public init(number: Int, width: Double, height: Double, rotation: Int = 0, words: [Word], imageCoverage: Double? = nil) {
        self.number = number; self.width = width; self.height = height; self.rotation = rotation
        self.words = words; self.imageCoverage = imageCoverage
    }
}
