import CPoppler

extension PDFDocument {
    /// Renders the part `clip` (PDF points, reading orientation) of page `number` (1-based) as
    /// 8-bit grey, converting cairo's pixels directly (no intermediate ARGB copy): the cheap
    /// render for ruling-line finding.
    ///
    /// - Returns: the bitmap (pixel (0, 0) at `origin`) and `origin`, the clip's top-left
    ///   corner after clipping to the page, in points.
    /// - Throws: as `render(page:scale:rotation:)`.
    public func renderGrey(page number: Int, scale: Double, rotation: Int = 0, clip: BBox) throws -> (bitmap: PageBitmap, originX: Double, originY: Double) {
        let x0 = max(0, clip.x0), y0 = max(0, clip.y0)
        let bitmap = try withRenderedSurface(page: number, scale: scale, rotation: rotation, clip: clip) { surface, w, h in
            cairo_surface_flush(surface)
            let stride = Int(cairo_image_surface_get_stride(surface))
            guard let data = cairo_image_surface_get_data(surface) else { throw PDFLayoutError.damaged(path: path, reason: "page \(number) has no pixels") }
            var grey = [UInt8](repeating: 255, count: w * h)
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
            return PageBitmap(width: w, height: h, scale: scale, pixels: grey)
        }
        return (bitmap, x0, y0)
    }
}
