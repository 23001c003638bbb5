import Foundation
import PDFLayout

/// A rendered piece of a page: PNG bytes, the box of the page it shows (PDF points, reading
/// orientation) and the scale (pixels per point).
public struct PageImage: Sendable {
    public var page: Int
    /// The part of the page shown, PDF points, origin top-left, y down.
    public var clip: BBox
    /// Pixels per PDF point.
    public var scale: Double
    public var png: [UInt8]
    /// Pixel size of the PNG (from its header).
    public var pixelWidth: Int, pixelHeight: Int

    /// `box` in the image's pixels.
    public func pixels(_ box: BBox) -> BBox {
        BBox(x0: (box.x0 - clip.x0) * scale, y0: (box.y0 - clip.y0) * scale,
             x1: (box.x1 - clip.x0) * scale, y1: (box.y1 - clip.y0) * scale)
    }

    /// `data:image/png;base64,…`
    public var dataURI: String { "data:image/png;base64," + Data(png).base64EncodedString() }

    /// Width and height from a PNG's IHDR chunk, `nil` when `png` is not a PNG.
    public static func pngSize(_ png: [UInt8]) -> (width: Int, height: Int)? {
        let signature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
        guard png.count >= 24, Array(png[0..<8]) == signature, Array(png[12..<16]) == Array("IHDR".utf8) else { return nil }
        func be32(_ i: Int) -> Int { png[i..<(i + 4)].reduce(0) { $0 << 8 | Int($1) } }
        return (be32(16), be32(20))
    }
}

/// Renders crops and table drawings of one PDF; keeps the document open and each page's
/// rotation and size.
final class PageImages {
    let document: PDFDocument
    private var pages: [Int: (rotation: Int, width: Double, height: Double)] = [:]

    init(path: String, password: String?) throws { document = try PDFDocument(path: path, password: password) }

    private func info(_ n: Int) throws -> (rotation: Int, width: Double, height: Double) {
        if let i = pages[n] { return i }
        let p = try document.page(n)
        let i = (p.rotation, p.width, p.height)
        pages[n] = i
        return i
    }

    /// A crop around `boxes` on `page`, `margin` (x, y) in PDF points on each side, clipped to
    /// the page, at `scale` unless the crop would be wider than `maxPixels`.
    func crop(page: Int, around boxes: [BBox], marginX: Double, marginY: Double, scale: Double, maxPixels: Double) throws -> PageImage {
        let i = try info(page)
        let u = boxes.dropFirst().reduce(boxes[0]) { $0.union($1) }
        let clip = BBox(x0: max(0, u.x0 - marginX), y0: max(0, u.y0 - marginY),
                        x1: min(i.width, u.x1 + marginX), y1: min(i.height, u.y1 + marginY))
        let s = min(scale, maxPixels / max(clip.width, 1))
        let png = try document.renderPNG(page: page, scale: s, rotation: i.rotation, clip: clip)
        let size = PageImage.pngSize(png) ?? (0, 0)
        return PageImage(page: page, clip: clip, scale: s, png: png, pixelWidth: size.width, pixelHeight: size.height)
    }
}
