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

    public init(text: String, bbox: BBox, fontSize: Double = 0, fontName: String = "", isWhite: Bool = false, page: Int) {
        self.text = text; self.bbox = bbox; self.fontSize = fontSize; self.fontName = fontName
        self.isWhite = isWhite; self.page = page
    }

    /// Whether the font name says bold.
    public var isBold: Bool { fontName.localizedCaseInsensitiveContains("bold") }
}
