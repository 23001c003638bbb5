import PDFLayout

/// A mutable 8-bit grey image (0 black, 255 white) at `scale` pixels per PDF point: a page
/// bitmap while it is deskewed, cleaned and cut into cells.
struct GreyImage {
    var width: Int, height: Int
    /// Pixels per PDF point.
    var scale: Double
    var pixels: [UInt8]

    init(width: Int, height: Int, scale: Double, pixels: [UInt8]) {
        self.width = width; self.height = height; self.scale = scale; self.pixels = pixels
    }
    init(_ b: PageBitmap) { self.init(width: b.width, height: b.height, scale: b.scale, pixels: b.pixels) }

    /// Points → pixels (rounded).
    func px(_ points: Double) -> Int { Int((points * scale).rounded()) }
    /// Resolution in dots per inch.
    var dpi: Int { Int((scale * 72).rounded()) }

    @inline(__always) func isInk(_ x: Int, _ y: Int) -> Bool { pixels[y * width + x] <= OCRTolerances.inkLevel }

    /// The sub-image `x0..<x1` × `y0..<y1` (clipped), surrounded by `pad` white pixels.
    func crop(x0: Int, y0: Int, x1: Int, y1: Int, pad: Int = 0) -> GreyImage {
        let cx0 = max(0, x0), cy0 = max(0, y0), cx1 = min(width, x1), cy1 = min(height, y1)
        let w = max(0, cx1 - cx0) + 2 * pad, h = max(0, cy1 - cy0) + 2 * pad
        var out = [UInt8](repeating: 255, count: w * h)
        if cx1 > cx0 && cy1 > cy0 {
            pixels.withUnsafeBufferPointer { src in
                out.withUnsafeMutableBufferPointer { dst in
                    for y in cy0..<cy1 {
                        let s = y * width + cx0, d = (y - cy0 + pad) * w + pad
                        for i in 0..<(cx1 - cx0) { dst[d + i] = src[s + i] }
                    }
                }
            }
        }
        return GreyImage(width: w, height: h, scale: scale, pixels: out)
    }

    /// Background brought to white: levels at or above the background (the `share` quantile of
    /// the pixels in `x0..<x1` × `y0..<y1`, the paper or a cell's tint) become 255, darker ones
    /// are stretched proportionally, so Tesseract's own threshold sees dark ink on white.
    mutating func whitenBackground(x0: Int, y0: Int, x1: Int, y1: Int, share: Double = 0.6) {
        let lx0 = max(0, x0), ly0 = max(0, y0), lx1 = min(width, x1), ly1 = min(height, y1)
        guard lx1 > lx0, ly1 > ly0 else { return }
        var hist = [Int](repeating: 0, count: 256)
        for y in ly0..<ly1 { for x in lx0..<lx1 { hist[Int(pixels[y * width + x])] += 1 } }
        let target = Int(Double((lx1 - lx0) * (ly1 - ly0)) * share)
        var acc = 0, bg = 255
        for v in 0..<256 { acc += hist[v]; if acc >= target { bg = v; break } }
        guard bg > 0 else { return }
        var map = [UInt8](repeating: 255, count: 256)
        for v in 0..<bg { let m = v * 255 / bg; map[v] = m >= Int(OCRTolerances.lightSpeckLevel) ? 255 : UInt8(m) }
        let w = width
        pixels.withUnsafeMutableBufferPointer { p in
            for y in ly0..<ly1 { for x in lx0..<lx1 { p[y * w + x] = map[Int(p[y * w + x])] } }
        }
    }

    /// Bounding box of the ink pixels in `x0..<x1` × `y0..<y1` and their count; `nil` when
    /// there is none.
    func inkBox(x0: Int, y0: Int, x1: Int, y1: Int) -> (x0: Int, y0: Int, x1: Int, y1: Int, count: Int)? {
        var bx0 = Int.max, by0 = Int.max, bx1 = -1, by1 = -1, n = 0
        let lx0 = max(0, x0), ly0 = max(0, y0), lx1 = min(width, x1), ly1 = min(height, y1)
        guard lx1 > lx0, ly1 > ly0 else { return nil }
        pixels.withUnsafeBufferPointer { p in
            for y in ly0..<ly1 {
                let row = y * width
                for x in lx0..<lx1 where p[row + x] <= OCRTolerances.inkLevel {
                    n += 1
                    if x < bx0 { bx0 = x }; if x > bx1 { bx1 = x }
                    if y < by0 { by0 = y }; if y > by1 { by1 = y }
                }
            }
        }
        return n > 0 ? (bx0, by0, bx1 + 1, by1 + 1, n) : nil
    }

    /// Bounding box (exclusive upper bounds) of the ink 8-connected to the ink inside `seeds`,
    /// followed no further than `reach` pixels beyond `seeds` on any side; `nil` when `seeds`
    /// holds no ink.
    func connectedInkBox(seeds: (x0: Int, y0: Int, x1: Int, y1: Int), reach: Int) -> (x0: Int, y0: Int, x1: Int, y1: Int)? {
        let rx0 = max(0, seeds.x0 - reach), ry0 = max(0, seeds.y0 - reach)
        let rx1 = min(width, seeds.x1 + reach), ry1 = min(height, seeds.y1 + reach)
        guard rx1 > rx0, ry1 > ry0 else { return nil }
        let rw = rx1 - rx0
        var seen = [Bool](repeating: false, count: rw * (ry1 - ry0)), stack: [(Int, Int)] = []
        for y in max(ry0, seeds.y0)..<min(ry1, seeds.y1) {
            for x in max(rx0, seeds.x0)..<min(rx1, seeds.x1) where isInk(x, y) { seen[(y - ry0) * rw + x - rx0] = true; stack.append((x, y)) }
        }
        guard !stack.isEmpty else { return nil }
        var bx0 = Int.max, by0 = Int.max, bx1 = Int.min, by1 = Int.min
        while let (x, y) = stack.popLast() {
            bx0 = min(bx0, x); by0 = min(by0, y); bx1 = max(bx1, x); by1 = max(by1, y)
            for ny in max(ry0, y - 1)...min(ry1 - 1, y + 1) {
                for nx in max(rx0, x - 1)...min(rx1 - 1, x + 1) where !seen[(ny - ry0) * rw + nx - rx0] && isInk(nx, ny) {
                    seen[(ny - ry0) * rw + nx - rx0] = true; stack.append((nx, ny))
                }
            }
        }
        return (bx0, by0, bx1 + 1, by1 + 1)
    }

    /// The ink box of the text in the whole image, ignoring specks: ink columns (and rows) are
    /// grouped across gaps up to `gap` pixels, and groups with under `minShare` of the largest
    /// group's ink are dropped (scanner noise, a stray bit of rule).
    func textBox(gap: Int, minShare: Double = 0.15) -> (x0: Int, y0: Int, x1: Int, y1: Int, count: Int)? {
        var cols = [Int](repeating: 0, count: width), rows = [Int](repeating: 0, count: height)
        pixels.withUnsafeBufferPointer { p in
            for y in 0..<height { for x in 0..<width where p[y * width + x] <= OCRTolerances.inkLevel { cols[x] += 1; rows[y] += 1 } }
        }
        func span(_ profile: [Int]) -> (Int, Int, Int)? {
            var groups: [(Int, Int, Int)] = []   // start, end (exclusive), ink
            var last = -gap - 2
            for (i, v) in profile.enumerated() where v > 0 {
                if let g = groups.last, i - last <= gap + 1 { groups[groups.count - 1] = (g.0, i + 1, g.2 + v) } else { groups.append((i, i + 1, v)) }
                last = i
            }
            guard let big = groups.map(\.2).max() else { return nil }
            let kept = groups.filter { Double($0.2) >= minShare * Double(big) }
            return (kept.map(\.0).min()!, kept.map(\.1).max()!, kept.reduce(0) { $0 + $1.2 })
        }
        guard let h = span(cols), let v = span(rows) else { return nil }
        return (h.0, v.0, h.1, v.1, min(h.2, v.2))
    }

    /// The median grey level of the whole image.
    func median() -> UInt8 {
        var hist = [Int](repeating: 0, count: 256)
        for v in pixels { hist[Int(v)] += 1 }
        var acc = 0
        for v in 0..<256 { acc += hist[v]; if acc * 2 >= pixels.count { return UInt8(v) } }
        return 255
    }

    /// Paints the rectangle white.
    mutating func whiten(x0: Int, y0: Int, x1: Int, y1: Int) {
        let lx0 = max(0, x0), ly0 = max(0, y0), lx1 = min(width, x1), ly1 = min(height, y1)
        guard lx1 > lx0, ly1 > ly0 else { return }
        let w = width
        pixels.withUnsafeMutableBufferPointer { p in
            for y in ly0..<ly1 { for x in lx0..<lx1 { p[y * w + x] = 255 } }
        }
    }

    /// Inverts the rectangle (light text on a dark fill becomes dark text on white).
    mutating func invert(x0: Int, y0: Int, x1: Int, y1: Int) {
        let lx0 = max(0, x0), ly0 = max(0, y0), lx1 = min(width, x1), ly1 = min(height, y1)
        guard lx1 > lx0, ly1 > ly0 else { return }
        let w = width
        pixels.withUnsafeMutableBufferPointer { p in
            for y in ly0..<ly1 { for x in lx0..<lx1 { p[y * w + x] = 255 - p[y * w + x] } }
        }
    }
}
