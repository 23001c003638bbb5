import CPoppler

/// A page rendered by poppler through cairo: 8-bit grey pixels, row-major, top row first.
///
/// Pixel `(px, py)` covers the page area `[px / scale, (px + 1) / scale)` × `[py / scale,
/// (py + 1) / scale)` in PDF points, origin top-left, y down, in the page's *reading*
/// orientation (the same space as `Word.bbox`; a `/Rotate 90` page is turned like its words).
/// 0 is black, 255 white (the page is painted white before rendering).
public struct PageBitmap: Sendable {
    /// Width and height in pixels.
    public let width: Int
    public let height: Int
    /// Pixels per PDF point (72 dpi × `scale` = resolution in dpi).
    public let scale: Double
    /// Grey levels, `width * height` bytes.
    public let pixels: [UInt8]
    /// The page point (PDF points, top-left origin) at pixel (0, 0): the clip's corner for a
    /// bitmap of part of a page, (0, 0) for a whole page.
    public let originX: Double
    public let originY: Double

    public init(width: Int, height: Int, scale: Double, pixels: [UInt8], originX: Double = 0, originY: Double = 0) {
        self.width = width; self.height = height; self.scale = scale; self.pixels = pixels
        self.originX = originX; self.originY = originY
    }

    /// Grey level at pixel (`x`, `y`); 255 (white) outside the bitmap.
    @inlinable public subscript(x: Int, y: Int) -> UInt8 {
        guard x >= 0, y >= 0, x < width, y < height else { return 255 }
        return pixels[y * width + x]
    }

    /// The pixel rectangle covering `box` (PDF points), clipped to the bitmap; `nil` when empty.
    public func pixelRect(_ box: BBox) -> (x0: Int, y0: Int, x1: Int, y1: Int)? {
        let bx0 = (box.x0 - originX) * scale, by0 = (box.y0 - originY) * scale
        let bx1 = (box.x1 - originX) * scale, by1 = (box.y1 - originY) * scale
        guard bx0.isFinite, by0.isFinite, bx1.isFinite, by1.isFinite else { return nil }
        let x0 = max(0, Int(max(-1, min(Double(width), bx0.rounded(.down))))), y0 = max(0, Int(max(-1, min(Double(height), by0.rounded(.down)))))
        let x1 = min(width, Int(max(0, min(Double(width), bx1.rounded(.up))))), y1 = min(height, Int(max(0, min(Double(height), by1.rounded(.up)))))
        return x0 < x1 && y0 < y1 ? (x0, y0, x1, y1) : nil
    }

    /// The mean grey level inside `box` (PDF points); 255 when the box is outside the page.
    public func meanGrey(in box: BBox) -> Double {
        guard let r = pixelRect(box) else { return 255 }
        var sum = 0
        for y in r.y0..<r.y1 { let row = y * width; for x in r.x0..<r.x1 { sum += Int(pixels[row + x]) } }
        return Double(sum) / Double((r.x1 - r.x0) * (r.y1 - r.y0))
    }

    /// The grey level below which `fraction` (0…1) of the pixels inside `box` (PDF points) lie:
    /// 0.5 the median. 255 when the box is outside the page.
    public func greyQuantile(_ fraction: Double, in box: BBox) -> UInt8 {
        guard let r = pixelRect(box) else { return 255 }
        var counts = [Int](repeating: 0, count: 256)
        for y in r.y0..<r.y1 { let row = y * width; for x in r.x0..<r.x1 { counts[Int(pixels[row + x])] += 1 } }
        let rank = Int(Double((r.x1 - r.x0) * (r.y1 - r.y0)) * min(1, max(0, fraction)))
        var seen = 0
        for level in 0..<256 { seen += counts[level]; if seen > rank { return UInt8(level) } }
        return 255
    }

    /// The darkest grey level inside `box` (PDF points); 255 when the box is outside the page.
    public func darkest(in box: BBox) -> UInt8 {
        guard let r = pixelRect(box) else { return 255 }
        var m: UInt8 = 255
        for y in r.y0..<r.y1 { let row = y * width; for x in r.x0..<r.x1 where pixels[row + x] < m { m = pixels[row + x] } }
        return m
    }
}

/// Largest bitmap side rendered, in pixels: a guard against pages with absurd sizes.
public let maxBitmapSide = 12_000

extension PDFDocument {
    /// Renders page `number` (1-based) with poppler's cairo backend at `scale` pixels per point.
    ///
    /// - Parameters:
    ///   - rotation: degrees (0, 90, 270) to turn the page so that it matches words read in
    ///     reading orientation (`PDFPage.rotation`).
    /// - Throws: `PDFLayoutError.pageOutOfRange`, `.damaged` when the page cannot be read or the
    ///   bitmap cannot be made.
    /// - Parameter clip: only this part of the page (PDF points, reading orientation); the
    ///   bitmap's origin is then the clip's corner (clipped to the page).
    public func render(page number: Int, scale: Double, rotation: Int = 0, clip: BBox? = nil) throws -> PageBitmap {
        try withRenderedSurface(page: number, scale: scale, rotation: rotation, clip: clip) { surface, w, h, area in
            cairo_surface_flush(surface)
            let stride = Int(cairo_image_surface_get_stride(surface))
            guard let data = cairo_image_surface_get_data(surface) else { throw PDFLayoutError.damaged(path: path, reason: "page \(number) has no pixels") }
            var grey = [UInt8](repeating: 255, count: w * h)
            // Cairo's ARGB32 pixels straight to grey (ITU-R 601 luma), no intermediate copy.
            grey.withUnsafeMutableBufferPointer { out in
                for y in 0..<h {
                    let row = UnsafeRawPointer(data + y * stride).assumingMemoryBound(to: UInt32.self)
                    for x in 0..<w {
                        let p = row[x]
                        let r = (p >> 16) & 0xFF, g = (p >> 8) & 0xFF, b = p & 0xFF
                        out[y * w + x] = UInt8((r * 299 + g * 587 + b * 114) / 1000)
                    }
                }
            }
            return PageBitmap(width: w, height: h, scale: scale, pixels: grey, originX: area.x0, originY: area.y0)
        }
    }

    /// Renders page `number` (1-based) and returns it as PNG bytes (cairo's PNG writer),
    /// optionally cropped to `clip` (PDF points, reading orientation).
    /// - Throws: as `render(page:scale:rotation:)`.
    public func renderPNG(page number: Int, scale: Double, rotation: Int = 0, clip: BBox? = nil) throws -> [UInt8] {
        try withRenderedSurface(page: number, scale: scale, rotation: rotation, clip: clip) { surface, _, _, _ in
            try pngBytes(of: surface, page: number)
        }
    }

    /// Renders into a white ARGB32 cairo surface and hands it to `body`; frees the surface,
    /// the cairo context and the page afterwards.
    func withRenderedSurface<T>(page number: Int, scale: Double, rotation: Int, clip: BBox?,
                                _ body: (OpaquePointer, Int, Int, BBox) throws -> T) throws -> T {
        guard number >= 1, number <= pageCount else {
            throw PDFLayoutError.pageOutOfRange(path: path, page: number, pageCount: pageCount)
        }
        guard let page = poppler_document_get_page(popplerDocument, Int32(number - 1)) else {
            throw PDFLayoutError.damaged(path: path, reason: "page \(number) cannot be read")
        }
        defer { g_object_unref(UnsafeMutableRawPointer(page)) }
        var dw = 0.0, dh = 0.0
        poppler_page_get_size(page, &dw, &dh)
        let (rw, rh) = rotation == 90 || rotation == 270 ? (dh, dw) : (dw, dh)
        let area = clip.map { BBox(x0: max(0, $0.x0), y0: max(0, $0.y0), x1: min(rw, $0.x1), y1: min(rh, $0.y1)) } ?? BBox(x0: 0, y0: 0, x1: rw, y1: rh)
        guard scale > 0, scale.isFinite, area.width > 0, area.height > 0 else {
            throw PDFLayoutError.damaged(path: path, reason: "page \(number) has no area to render")
        }
        let wd = (area.width * scale).rounded(.up), hd = (area.height * scale).rounded(.up)
        guard wd.isFinite, hd.isFinite, wd <= Double(maxBitmapSide), hd <= Double(maxBitmapSide) else {
            throw PDFLayoutError.damaged(path: path, reason: "page \(number) is too large to render (\(GeometryLimits.int(rw))×\(GeometryLimits.int(rh)) pt at \(scale)×)")
        }
        let w = max(1, Int(wd)), h = max(1, Int(hd))
        guard let surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, Int32(w), Int32(h)) else {
            throw PDFLayoutError.damaged(path: path, reason: "no memory for a \(w)×\(h) bitmap")
        }
        defer { cairo_surface_destroy(surface) }
        guard cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS, let cr = cairo_create(surface) else {
            throw PDFLayoutError.damaged(path: path, reason: "no memory for a \(w)×\(h) bitmap")
        }
        defer { cairo_destroy(cr) }
        cairo_set_source_rgb(cr, 1, 1, 1)
        cairo_paint(cr)
        cairo_scale(cr, scale, scale)
        cairo_translate(cr, -area.x0, -area.y0)
        // Display space → reading space, as PageReader turns glyph boxes.
        var m = cairo_matrix_t()
        switch rotation {
        case 90: cairo_matrix_init(&m, 0, -1, 1, 0, 0, dw)
        case 270: cairo_matrix_init(&m, 0, 1, -1, 0, dh, 0)
        default: cairo_matrix_init_identity(&m)
        }
        cairo_transform(cr, &m)
        poppler_page_render(page, cr)
        return try body(surface, w, h, area)
    }
}
