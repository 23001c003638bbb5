import PDFLayout

/// Stage 6 (pages that were rendered): a chart is not a table. The tick labels of a chart's
/// axes and its legend line up in rows and columns like cells, but a chart's area is drawn with
/// curves: ink that is neither text nor a straight run (a rule, an axis, a bar, a filled band).
/// A table's ink is text and straight runs only.
public enum ChartInk {
    /// Share of the pixels inside `box` (PDF points, origin top-left, y down) that are ink
    /// (grey ≤ `settings.rulingDarkness`) outside every word's box (grown by
    /// `settings.chartWordPad` em) and off every straight run: horizontal or vertical runs of ink
    /// at least `settings.chartStraightRun` em long. Pixels of `box` outside the bitmap do not
    /// count; 0 when none is inside.
    ///
    /// - Parameters:
    ///   - bitmap: the page as rendered, possibly a clip (`PageBitmap.originX`, `originY`).
    ///   - words: the page's visible words.
    ///   - em: the page's typical font size in points.
    public static func curveShare(in box: BBox, bitmap: PageBitmap, words: [Word], em: Double,
                                  settings: DetectionSettings = .standard) -> Double {
        guard let r = bitmap.pixelRect(box), bitmap.pixels.count >= bitmap.width * bitmap.height else { return 0 }
        let w = r.x1 - r.x0, h = r.y1 - r.y0
        let dark = settings.rulingDarkness
        var ink = [Bool](repeating: false, count: w * h)
        bitmap.pixels.withUnsafeBufferPointer { px in
            ink.withUnsafeMutableBufferPointer { out in
                // `pixelRect` may reach past the bitmap: pixels outside it are white.
                for y in 0..<h {
                    let by = r.y0 + y
                    guard by >= 0, by < bitmap.height else { continue }
                    for x in 0..<w {
                        let bx = r.x0 + x
                        if bx >= 0, bx < bitmap.width { out[y * w + x] = px[by * bitmap.width + bx] <= dark }
                    }
                }
            }
        }
        let run = max(2, Int((settings.chartStraightRun * em * bitmap.scale).rounded()))
        var off = ink  // ink not (yet) known to be on a straight run or in a word
        ink.withUnsafeBufferPointer { inkP in
            off.withUnsafeMutableBufferPointer { offP in
                markRuns(inkP, offP, count: h, length: w, lineStride: w, step: 1, run: run)
                markRuns(inkP, offP, count: w, length: h, lineStride: 1, step: w, run: run)
            }
        }
        let pad = settings.chartWordPad * em
        for word in words {
            let g = BBox(x0: word.bbox.x0 - pad, y0: word.bbox.y0 - pad, x1: word.bbox.x1 + pad, y1: word.bbox.y1 + pad)
            guard let p = bitmap.pixelRect(g) else { continue }
            let x0 = max(p.x0, r.x0), x1 = min(p.x1, r.x1), y0 = max(p.y0, r.y0), y1 = min(p.y1, r.y1)
            guard x0 < x1, y0 < y1 else { continue }
            for y in y0..<y1 { for x in x0..<x1 { off[(y - r.y0) * w + (x - r.x0)] = false } }
        }
        var left = 0
        for o in off where o { left += 1 }
        return Double(left) / Double(w * h)
    }

    /// Clears in `off` the pixels of `ink` that lie on runs at least `run` pixels long along
    /// each of `count` lines of `length` pixels; line `l` starts at `l * lineStride` and its
    /// pixels are `step` apart.
    private static func markRuns(_ ink: UnsafeBufferPointer<Bool>, _ off: UnsafeMutableBufferPointer<Bool>,
                                 count: Int, length: Int, lineStride: Int, step: Int, run: Int) {
        for line in 0..<count {
            let base = line * lineStride
            var start = -1
            for i in 0...length {
                let on = i < length && ink[base + i * step]
                if on, start < 0 { start = i }
                if !on, start >= 0 {
                    if i - start >= run { for j in start..<i { off[base + j * step] = false } }
                    start = -1
                }
            }
        }
    }

    /// `tables` without those drawn over a chart (`curveShare` above `settings.chartInkShare`).
    public static func removingCharts(_ tables: [DetectedTable], bitmap: PageBitmap, words: [Word], em: Double,
                                      settings: DetectionSettings = .standard) -> [DetectedTable] {
        tables.filter { curveShare(in: $0.bbox, bitmap: bitmap, words: words, em: em, settings: settings) <= settings.chartInkShare }
    }
}
