import CPoppler

/// A rectangle drawn over a rendered page by `PDFDocument.overlayPNG`.
public struct OverlayBox: Sendable, Hashable {
    /// The rectangle, PDF points in reading orientation (the words' space).
    public var bbox: BBox
    /// Colour, components 0…1.
    public var red: Double, green: Double, blue: Double
    /// Opacity of the fill (0: outline only).
    public var fill: Double
    /// Outline width in points (0: no outline).
    public var lineWidth: Double
    public init(bbox: BBox, red: Double, green: Double, blue: Double, fill: Double = 0, lineWidth: Double = 0.75) {
        self.bbox = bbox; self.red = red; self.green = green; self.blue = blue; self.fill = fill; self.lineWidth = lineWidth
    }
}

extension PDFDocument {
    /// Renders page `number` (1-based) at `scale` pixels per point, draws `boxes` over it in
    /// order with cairo and returns the image as PNG bytes.
    /// - Throws: as `render(page:scale:rotation:)`; `.damaged` when the PNG cannot be written.
    public func overlayPNG(page number: Int, scale: Double, rotation: Int = 0, boxes: [OverlayBox]) throws -> [UInt8] {
        try withRenderedSurface(page: number, scale: scale, rotation: rotation, clip: nil) { surface, _, _, _ in
            guard let cr = cairo_create(surface) else { throw PDFLayoutError.damaged(path: path, reason: "no cairo context for page \(number)") }
            defer { cairo_destroy(cr) }
            cairo_scale(cr, scale, scale)
            for b in boxes {
                cairo_rectangle(cr, b.bbox.x0, b.bbox.y0, max(b.bbox.width, 0.01), max(b.bbox.height, 0.01))
                if b.fill > 0 {
                    cairo_set_source_rgba(cr, b.red, b.green, b.blue, b.fill)
                    if b.lineWidth > 0 { cairo_fill_preserve(cr) } else { cairo_fill(cr) }
                }
                if b.lineWidth > 0 {
                    cairo_set_source_rgba(cr, b.red, b.green, b.blue, 1)
                    cairo_set_line_width(cr, b.lineWidth)
                    cairo_stroke(cr)
                }
            }
            cairo_surface_flush(surface)
            return try pngBytes(of: surface, page: number)
        }
    }

    /// The surface as PNG bytes (cairo's PNG stream writer).
    /// - Throws: `PDFLayoutError.damaged` when cairo cannot write the PNG.
    func pngBytes(of surface: OpaquePointer, page number: Int) throws -> [UInt8] {
        var out: [UInt8] = []
        let status = withUnsafeMutablePointer(to: &out) { ptr in
            cairo_surface_write_to_png_stream(surface, { closure, data, length in
                guard let closure, let data else { return CAIRO_STATUS_WRITE_ERROR }
                closure.assumingMemoryBound(to: [UInt8].self).pointee.append(contentsOf: UnsafeBufferPointer(start: data, count: Int(length)))
                return CAIRO_STATUS_SUCCESS
            }, ptr)
        }
        guard status == CAIRO_STATUS_SUCCESS else { throw PDFLayoutError.damaged(path: path, reason: "page \(number) could not be written as PNG") }
        return out
    }
}
