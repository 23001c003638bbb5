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
        let bitmap = try render(page: number, scale: scale, rotation: rotation, clip: clip)
        return (bitmap, bitmap.originX, bitmap.originY)
    }
}
