import CPoppler
import Foundation

/// A PDF written through cairo's PDF surface (fonts from fontconfig, embedded as subsets with
/// a ToUnicode map, so poppler reads back the exact code points drawn). Coordinates are PDF
/// points, origin top-left, y down; `text` takes the baseline.
final class PDFCanvas {
    let surface: OpaquePointer
    let cr: OpaquePointer
    private(set) var fontSize = 10.0
    private(set) var family = "DejaVu Sans"
    private(set) var bold = false

    init(path: String, width: Double = 595.28, height: Double = 841.89) {
        surface = cairo_pdf_surface_create(path, width, height)
        cr = cairo_create(surface)
    }

    /// Selects a fontconfig family, weight and size (points).
    func font(_ family: String, bold: Bool = false, size: Double) {
        self.family = family; self.bold = bold; fontSize = size
        cairo_select_font_face(cr, family, CAIRO_FONT_SLANT_NORMAL, bold ? CAIRO_FONT_WEIGHT_BOLD : CAIRO_FONT_WEIGHT_NORMAL)
        cairo_set_font_size(cr, size)
    }

    /// Advance width of `s` in the current font (points).
    func width(_ s: String) -> Double {
        var e = cairo_text_extents_t()
        cairo_text_extents(cr, s, &e)
        return e.x_advance
    }

    /// Draws `s` with its baseline at `baseline`, starting at `x`, in grey level `grey` (0 black, 1 white).
    func text(_ s: String, x: Double, baseline: Double, grey: Double = 0) {
        cairo_set_source_rgb(cr, grey, grey, grey)
        cairo_move_to(cr, x, baseline)
        cairo_show_text(cr, s)
    }

    /// A filled rectangle (e.g. a white box hiding text, or a ruling line).
    func fill(x: Double, y: Double, width: Double, height: Double, grey: Double) {
        cairo_set_source_rgb(cr, grey, grey, grey)
        cairo_rectangle(cr, x, y, width, height)
        cairo_fill(cr)
    }

    func newPage() { cairo_show_page(cr) }

    func finish() {
        cairo_destroy(cr)
        cairo_surface_finish(surface)
        cairo_surface_destroy(surface)
    }
}
