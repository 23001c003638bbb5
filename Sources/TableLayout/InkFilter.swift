import PDFLayout

/// Drops text a person cannot see from a born-digital page: words drawn in white (the
/// background colour of a page) that leave no ink where they are drawn.
///
/// Whether a box has ink is asked of `hasInk`, which looks at the page as poppler renders it
/// (cairo): white text on a dark fill is visible and kept; white text on white paper is not.
/// A scan's OCR layer is invisible by design: do not apply this to scans.
public enum InkFilter {
    /// The words of one page without the invisible ones.
    /// Called only for white words, so a page without any is never rendered.
    /// - Parameter meanGrey: the mean grey level (0 black … 255 white) of the rendered page in a
    ///   box (PDF points); white text is visible only on a dark ground (a mean below
    ///   `TableSettings.inkLevel`), whatever neighbouring glyphs reach into its box.
    public static func visible(_ words: [Word], meanGrey: (BBox) -> Double) -> [Word] {
        guard words.contains(where: \.isWhite) else { return words }
        let level = Double(TableSettings.standard.inkLevel)
        return words.filter { !$0.isWhite || meanGrey(inner($0.bbox)) < level }
    }

    /// The box shrunk by `TableSettings.inkInset` of its height on each side, so that ink of a
    /// neighbouring glyph does not count.
    static func inner(_ b: BBox) -> BBox {
        let d = TableSettings.standard.inkInset * b.height
        let dx = min(d, b.width / 4)
        return BBox(x0: b.x0 + dx, y0: b.y0 + d, x1: b.x1 - dx, y1: b.y1 - d)
    }
}
