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
    /// `[glyphStart(i), glyphEdges[i]]`.
    public var glyphEdges: [Double] = []
    /// Left edge (x0, points) of each glyph's own box, one per entry of `glyphEdges`, or empty
    /// when not recorded. Glyph boxes may overlap (kerning, or text drawn over text), so glyph
    /// `i` does not always start where glyph `i - 1` ends.
    public var glyphStarts: [Double] = []

    /// Keeps the glyph edges (and starts) of glyphs `r` only, for a word cut out of this one.
    public mutating func keepGlyphs<R: RangeExpression>(_ r: R) where R.Bound == Int {
        let starts = hasGlyphStarts ? Array(glyphStarts[r]) : []
        glyphEdges = Array(glyphEdges[r])
        glyphStarts = starts
    }

    /// Forgets the glyph edges (a word whose text no longer follows its glyphs one to one).
    public mutating func dropGlyphs() { glyphEdges = []; glyphStarts = [] }

    /// Whether `glyphStarts` holds a start for every glyph edge.
    public var hasGlyphStarts: Bool { !glyphStarts.isEmpty && glyphStarts.count == glyphEdges.count }

    /// Where glyph `i` (an index of `glyphEdges`) starts, points: its own box's x0 when recorded,
    /// else the previous glyph's right edge (`bbox.x0` for the first).
    public func glyphStart(_ i: Int) -> Double {
        hasGlyphStarts ? glyphStarts[i] : (i == 0 ? bbox.x0 : glyphEdges[i - 1])
    }

    /// The word's em in points: its font size, or 0.85 of its box height when the size is unknown.
    public var em: Double { fontSize > 0 ? fontSize : 0.85 * bbox.height }

    /// A gap between two glyphs of one line wider than this many em (font sizes) splits a word
    /// (a thin space is 0.17–0.2 em): the rule words are built by, also where glyphs a person
    /// cannot see are taken out of a word. Em.
    public static let glyphGapSplit = 0.12

    public init(text: String, bbox: BBox, fontSize: Double = 0, fontName: String = "", isWhite: Bool = false, page: Int) {
        self.text = text; self.bbox = bbox; self.fontSize = fontSize; self.fontName = fontName
        self.isWhite = isWhite; self.page = page
        self.isBold = Word.nameSaysBold(fontName)
    }

    /// Case-insensitive search for "bold" in a font name, on UTF-8 bytes (no Foundation).
    static func nameSaysBold(_ name: String) -> Bool {
        // The last four bytes seen, lower-cased, in one integer: no allocation per word.
        let bold: UInt32 = 0x626F_6C64  // "bold"
        var window: UInt32 = 0, seen = 0
        for c in name.utf8 {
            let lower = c >= 65 && c <= 90 ? c + 32 : c
            window = (window << 8) | UInt32(lower)
            seen += 1
            if seen >= 4 && window == bold { return true }
        }
        return false
    }
}
