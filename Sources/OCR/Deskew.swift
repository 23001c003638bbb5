import Foundation

/// Skew of a scanned page, measured from its ink and undone by a small rotation.
enum Deskew {
    /// The page's skew in degrees (positive: lines fall to the right), from the projection
    /// profile of a 4× reduced ink map: the angle at which rows of ink are sharpest (largest sum
    /// of squared row counts). Text baselines and ruling lines both pull it to the true angle.
    static func angle(of img: GreyImage) -> Double {
        let f = 4
        var points: [(Double, Double)] = []
        img.pixels.withUnsafeBufferPointer { p in
            var y = 0
            while y + f <= img.height {
                var x = 0
                while x + f <= img.width {
                    if p[(y + f / 2) * img.width + x + f / 2] <= OCRTolerances.inkLevel { points.append((Double(x / f), Double(y / f))) }
                    x += f
                }
                y += f
            }
        }
        guard points.count > 200 else { return 0 }
        let rows = img.height / f + 2 * Int(Double(img.width / f) * 0.05) + 4
        let offset = Double(rows / 2 - img.height / f / 2)
        var best = 0.0, bestScore = -1.0
        var bins = [Int](repeating: 0, count: rows)
        let steps = Int(OCRTolerances.maxSkewDegrees / OCRTolerances.skewStepDegrees)
        let cx = Double(img.width / f) / 2
        for s in -steps...steps {
            let deg = Double(s) * OCRTolerances.skewStepDegrees
            let t = tan(deg * .pi / 180)
            for i in 0..<rows { bins[i] = 0 }
            for (x, y) in points {
                let b = Int((y - (x - cx) * t + offset).rounded())
                if b >= 0 && b < rows { bins[b] += 1 }
            }
            var score = 0.0
            for v in bins { score += Double(v * v) }
            if score > bestScore { bestScore = score; best = deg }
        }
        return best
    }

    /// The image turned by `-degrees` about its centre (two shears, nearest pixel), so that a
    /// page skewed by `degrees` reads level. Pixels brought in from outside are white.
    static func rotated(_ img: GreyImage, degrees: Double) -> GreyImage {
        guard abs(degrees) >= OCRTolerances.minSkewDegrees else { return img }
        let t = tan(degrees * .pi / 180)
        let w = img.width, h = img.height
        let cx = Double(w) / 2, cy = Double(h) / 2
        var out = [UInt8](repeating: 255, count: w * h)
        // Source of (x, y): xs = x - (y - cy)·t, ys = y + (x - cx)·t (first order in the angle).
        let dy = (0..<w).map { Int(((Double($0) - cx) * t).rounded()) }
        img.pixels.withUnsafeBufferPointer { src in
            out.withUnsafeMutableBufferPointer { dst in
                for y in 0..<h {
                    let dx = Int((-(Double(y) - cy) * t).rounded())
                    let row = y * w
                    for x in 0..<w {
                        let xs = x + dx, ys = y + dy[x]
                        if xs >= 0 && xs < w && ys >= 0 && ys < h { dst[row + x] = src[ys * w + xs] }
                    }
                }
            }
        }
        return GreyImage(width: w, height: h, scale: img.scale, pixels: out)
    }
}
