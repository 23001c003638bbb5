/// A rectangle in pixels, `x0..<x1` × `y0..<y1`.
struct PixelRect: Equatable {
    var x0: Int, y0: Int, x1: Int, y1: Int
    var width: Int { x1 - x0 }
    var height: Int { y1 - y0 }
}

/// Dark filled areas (table header rows printed light on dark): found from block means,
/// trimmed to their exact edges, and inverted so their text reads dark on white like the rest.
enum FilledBands {
    /// Finds and inverts every filled band of `img`; returns the bands' rectangles.
    static func invertBands(_ img: inout GreyImage) -> [PixelRect] {
        let b = max(2, img.px(OCRTolerances.bandBlock))
        let bw = img.width / b, bh = img.height / b
        guard bw > 0, bh > 0 else { return [] }
        var dark = [Bool](repeating: false, count: bw * bh)
        img.pixels.withUnsafeBufferPointer { p in
            for by in 0..<bh {
                for bx in 0..<bw {
                    var sum = 0
                    for y in (by * b)..<(by * b + b) { let row = y * img.width; for x in (bx * b)..<(bx * b + b) { sum += Int(p[row + x]) } }
                    dark[by * bw + bx] = Double(sum) / Double(b * b) <= OCRTolerances.bandLevel
                }
            }
        }
        var seen = [Bool](repeating: false, count: bw * bh)
        var bands: [PixelRect] = []
        for start in 0..<(bw * bh) where dark[start] && !seen[start] {
            var stack = [start]; seen[start] = true
            var minX = bw, minY = bh, maxX = 0, maxY = 0
            while let i = stack.popLast() {
                let x = i % bw, y = i / bw
                minX = min(minX, x); maxX = max(maxX, x); minY = min(minY, y); maxY = max(maxY, y)
                for (nx, ny) in [(x - 1, y), (x + 1, y), (x, y - 1), (x, y + 1)] where nx >= 0 && ny >= 0 && nx < bw && ny < bh {
                    let j = ny * bw + nx
                    if dark[j] && !seen[j] { seen[j] = true; stack.append(j) }
                }
            }
            let rough = PixelRect(x0: max(0, (minX - 1) * b), y0: max(0, (minY - 1) * b),
                                  x1: min(img.width, (maxX + 2) * b), y1: min(img.height, (maxY + 2) * b))
            guard let r = trim(rough, img), Double(r.height) >= OCRTolerances.minBandHeight * img.scale,
                  Double(r.width) >= OCRTolerances.minBandWidth * img.scale,
                  Double(img.inkBox(x0: r.x0, y0: r.y0, x1: r.x1, y1: r.y1)?.count ?? 0) >= OCRTolerances.minBandFill * Double(r.width * r.height)
            else { continue }
            bands.append(r)
        }
        for r in bands { img.invert(x0: r.x0, y0: r.y0, x1: r.x1, y1: r.y1) }
        return bands
    }

    /// The rows and columns of `r` that are mostly ink: the band's exact edges.
    static func trim(_ r: PixelRect, _ img: GreyImage) -> PixelRect? {
        func rowDark(_ y: Int, _ x0: Int, _ x1: Int) -> Bool {
            var n = 0; for x in x0..<x1 where img.isInk(x, y) { n += 1 }; return n * 2 >= (x1 - x0)
        }
        func colDark(_ x: Int, _ y0: Int, _ y1: Int) -> Bool {
            var n = 0; for y in y0..<y1 where img.isInk(x, y) { n += 1 }; return n * 2 >= (y1 - y0)
        }
        let rows = (r.y0..<r.y1).filter { rowDark($0, r.x0, r.x1) }
        guard let ry0 = rows.first, let ry1 = rows.last else { return nil }
        let cols = (r.x0..<r.x1).filter { colDark($0, ry0, ry1 + 1) }
        guard let cx0 = cols.first, let cx1 = cols.last else { return nil }
        return PixelRect(x0: cx0, y0: ry0, x1: cx1 + 1, y1: ry1 + 1)
    }
}
