/// One word of a page's text layer: a maximal run of non-whitespace Unicode scalars as poppler
/// returns them from `poppler_page_get_text`, with the union of their glyph rectangles from
/// `poppler_page_get_text_layout`.
public struct Word: Hashable, Sendable {
    /// The word's text exactly as poppler gives it (no normalisation applied).
    public var text: String
    /// Union of the word's glyph boxes, PDF points, origin top-left, y down.
    public var bbox: BBox
    /// Font size in points (from `poppler_page_get_text_attributes`), 0 when unknown.
    public var fontSize: Double
    /// Font name (from `poppler_page_get_text_attributes`), "" when unknown.
    public var fontName: String
    /// Whether the text is drawn in (near) white, i.e. invisible on a white page.
    public var isWhite: Bool
    /// 1-based page number.
    public var page: Int
    /// Whether the font name says bold (computed once: it is asked for every line).
    public let isBold: Bool
    /// Right edge (x1, points) of each glyph's box, one per Unicode scalar of `text` as read
    /// from poppler; empty for words made otherwise. Glyph `i` spans
    /// `[i == 0 ? bbox.x0 : glyphEdges[i - 1], glyphEdges[i]]`.
    public var glyphEdges: [Double] = []

    public init(text: String, bbox: BBox, fontSize: Double = 0, fontName: String = "", isWhite: Bool = false, page: Int) {
        self.text = text; self.bbox = bbox; self.fontSize = fontSize; self.fontName = fontName
        self.isWhite = isWhite; self.page = page
        self.isBold = Word.nameSaysBold(fontName)
    }

    /// Case-insensitive search for "bold" in a font name, on UTF-8 bytes (no Foundation).
    static func nameSaysBold(_ name: String) -> Bool {
        let u = Array(name.utf8).map { $0 >= 65 && $0 <= 90 ? $0 + 32 : $0 }
        let b: [UInt8] = Array("bold".utf8)
        guard u.count >= 4 else { return false }
        for i in 0...(u.count - 4) where u[i] == b[0] && u[i + 1] == b[1] && u[i + 2] == b[2] && u[i + 3] == b[3] { return true }
        return false
    }
}
