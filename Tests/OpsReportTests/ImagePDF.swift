import Foundation
import PDFLayout

/// Writes minimal image-only PDFs for tests: each page one uncompressed 8-bit grey image filling
/// the page, no text layer (what a scanner without OCR produces).
enum ImagePDF {
    /// One page per bitmap, `width`×`height` points each (the bitmap is stretched over it).
    static func write(_ pages: [PageBitmap], width: Double = 595.3, height: Double = 841.9, to path: String) throws {
        var out = Data("%PDF-1.4\n%\u{e2}\u{e3}\u{cf}\u{d3}\n".utf8)
        var offsets: [Int] = []
        func object(_ body: Data) { offsets.append(out.count); out += Data("\(offsets.count) 0 obj\n".utf8) + body + Data("\nendobj\n".utf8) }
        let n = pages.count
        // 1: catalog, 2: pages, then per page: page, content, image.
        object(Data("<< /Type /Catalog /Pages 2 0 R >>".utf8))
        let kids = (0..<n).map { "\(3 + 3 * $0) 0 R" }.joined(separator: " ")
        object(Data("<< /Type /Pages /Kids [\(kids)] /Count \(n) >>".utf8))
        for (i, b) in pages.enumerated() {
            let page = 3 + 3 * i
            object(Data("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 \(width) \(height)] /Contents \(page + 1) 0 R /Resources << /XObject << /Im0 \(page + 2) 0 R >> >> >>".utf8))
            let content = "q \(width) 0 0 \(height) 0 0 cm /Im0 Do Q"
            object(Data("<< /Length \(content.utf8.count) >>\nstream\n\(content)\nendstream".utf8))
            object(Data("<< /Type /XObject /Subtype /Image /Width \(b.width) /Height \(b.height) /ColorSpace /DeviceGray /BitsPerComponent 8 /Length \(b.pixels.count) >>\nstream\n".utf8)
                   + Data(b.pixels) + Data("\nendstream".utf8))
        }
        let xref = out.count
        var table = "xref\n0 \(offsets.count + 1)\n0000000000 65535 f \n"
        for o in offsets { table += String(format: "%010d 00000 n \n", o) }
        table += "trailer\n<< /Size \(offsets.count + 1) /Root 1 0 R >>\nstartxref\n\(xref)\n%%EOF\n"
        out += Data(table.utf8)
        try out.write(to: URL(fileURLWithPath: path))
    }

    /// A page bitmap "scanned": turned by `degrees` about its centre, its paper greyed to
    /// `paper`, with seeded noise of ±`noise` grey levels (deterministic for a seed).
    static func scanned(_ b: PageBitmap, degrees: Double, paper: UInt8 = 236, noise: Int = 18, seed: UInt64 = 1) -> PageBitmap {
        let t = tan(degrees * .pi / 180), w = b.width, h = b.height
        let cx = Double(w) / 2, cy = Double(h) / 2
        var rng = seed &* 6364136223846793005 &+ 1442695040888963407
        var px = [UInt8](repeating: paper, count: w * h)
        for y in 0..<h {
            for x in 0..<w {
                let xs = Int((Double(x) + (Double(y) - cy) * t).rounded()), ys = Int((Double(y) - (Double(x) - cx) * t).rounded())
                var v = xs >= 0 && ys >= 0 && xs < w && ys < h ? Int(b.pixels[ys * w + xs]) * Int(paper) / 255 : Int(paper)
                rng = rng &* 6364136223846793005 &+ 1442695040888963407
                v += Int((rng >> 33) % UInt64(2 * noise + 1)) - noise
                px[y * w + x] = UInt8(max(0, min(255, v)))
            }
        }
        return PageBitmap(width: w, height: h, scale: b.scale, pixels: px)
    }
}
