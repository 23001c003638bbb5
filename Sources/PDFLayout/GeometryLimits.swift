/// Bounds on the geometry read from a PDF, so that no later conversion (Double → Int, band
/// indices, loops over a height) can trap or run away on a hostile file.
///
/// A PDF may state any font size or matrix; poppler then reports glyph boxes with coordinates of
/// 10¹⁸ points, or infinities. Words are kept, but their boxes are clamped to the page enlarged
/// by `pageMargin` page sizes on every side, and font sizes to `maxFontSize`.
public enum GeometryLimits {
    /// Largest page side taken from a PDF, in points: 14,400 pt (200 in), the PDF 1.7 limit
    /// (ISO 32000-1 annex C) for a user-space unit of 1.
    public static let maxPageSide = 14_400.0
    /// How far outside the page a glyph box may reach, in page widths (or heights).
    public static let pageMargin = 1.0
    /// Largest font size kept, in points (a page side: no glyph can be taller than the page).
    public static let maxFontSize = maxPageSide

    /// `v` clamped to `lo...hi`; 0 clamped likewise when `v` is NaN.
    @inlinable public static func clamp(_ v: Double, _ lo: Double, _ hi: Double) -> Double {
        v.isNaN ? Swift.min(Swift.max(0, lo), hi) : Swift.min(Swift.max(v, lo), hi)
    }

    /// A page side clamped to `0...maxPageSide` (NaN → 0).
    public static func pageSide(_ v: Double) -> Double { clamp(v, 0, maxPageSide) }

    /// A font size clamped to `0...maxFontSize` (NaN → 0).
    public static func fontSize(_ v: Double) -> Double { clamp(v, 0, maxFontSize) }

    /// `box` clamped to the page of size `width` × `height` (points) enlarged by `pageMargin`.
    public static func clamp(_ box: BBox, width: Double, height: Double) -> BBox {
        let w = Swift.max(pageSide(width), 1), h = Swift.max(pageSide(height), 1)
        let mx = pageMargin * w, my = pageMargin * h
        return BBox(x0: clamp(box.x0, -mx, w + mx), y0: clamp(box.y0, -my, h + my),
                    x1: clamp(box.x1, -mx, w + mx), y1: clamp(box.y1, -my, h + my))
    }

    /// `v` rounded down (or up) and converted to `Int`, clamped to ±2⁵³ first (never a trap).
    public static func int(_ v: Double, _ rule: FloatingPointRoundingRule = .down) -> Int {
        Int(clamp(v.rounded(rule), -9_007_199_254_740_992, 9_007_199_254_740_992))
    }
}
