import CPoppler

/// Reads one `PopplerPage` into a `PDFPage`. Does not own the page.
struct PageReader {
    let page: OpaquePointer
    let number: Int

    private struct Attr { var start: Int; var end: Int; var size: Double; var font: String; var white: Bool }

    func read(imageCoverage measure: Bool) -> PDFPage {
        var w = 0.0, h = 0.0
        poppler_page_get_size(page, &w, &h)
        var words = extractWords()
        var rotation = 0
        (words, rotation) = Self.uprighted(words, width: w, height: h)
        let (pw, ph) = rotation == 0 ? (w, h) : (h, w)
        return PDFPage(number: number, width: pw, height: ph, rotation: rotation, words: words,
                       imageCoverage: measure ? imageCoverage(width: w, height: h) : nil)
    }

    /// Splits `poppler_page_get_text` into words at whitespace, boxing each with the union of its
    /// scalars' rectangles from `poppler_page_get_text_layout` (one rectangle per Unicode scalar).
    private func extractWords() -> [Word] {
        guard let cText = poppler_page_get_text(page) else { return [] }
        defer { g_free(cText) }
        var rects: UnsafeMutablePointer<PopplerRectangle>? = nil
        var n: guint = 0
        guard poppler_page_get_text_layout(page, &rects, &n) != 0, let rects else { return [] }
        defer { g_free(rects) }
        let scalars = Array(String(cString: cText).unicodeScalars)
        let count = min(scalars.count, Int(n))
        let attrs = textAttributes()

        var words: [Word] = []
        var current = String.UnicodeScalarView()
        var box: BBox? = nil
        var startIndex = 0
        var attrCursor = 0
        var lastGlyph: BBox? = nil
        func flush() {
            guard let b = box, !current.isEmpty else { current = .init(); box = nil; return }
            while attrCursor < attrs.count, attrs[attrCursor].end < startIndex { attrCursor += 1 }
            let a = attrCursor < attrs.count && attrs[attrCursor].start <= startIndex ? attrs[attrCursor] : nil
            words.append(Word(text: String(current), bbox: b, fontSize: a?.size ?? 0, fontName: a?.font ?? "",
                              isWhite: a?.white ?? false, page: number))
            current = .init(); box = nil
        }
        for i in 0..<count {
            let s = scalars[i]
            let isSpace = s.isASCII ? (s == " " || s == "\n" || s == "\t" || s == "\r" || s == "\u{0C}" || s == "\u{0B}") : s.properties.isWhitespace
            if isSpace { flush(); lastGlyph = nil; continue }
            let r = rects[i]
            let b = BBox(x0: r.x1, y0: r.y1, x1: r.x2, y1: r.y2)
            if let prev = box, let last = lastGlyph {
                // poppler emits table cells (and lines) without a separator when the PDF draws
                // them as separate strings: split where the glyphs jump back, leave the line, or
                // leave a gap wider than a thin space.
                let gap = b.x0 - last.x1
                if gap < -max(2, b.height) || gap > max(1.2, 0.18 * b.height)
                    || b.yOverlap(last) < 0.3 * min(b.height, last.height)
                    || abs(b.height - prev.height) > 0.3 * prev.height && b.yOverlap(prev) < 0.8 * b.height {
                    flush()
                }
            }
            lastGlyph = b
            if box == nil { startIndex = i; box = b } else { box = box!.union(b) }
            current.append(s)
        }
        flush()
        return words
    }

    /// `poppler_page_get_text_attributes`, copied and freed; sorted by start offset.
    private func textAttributes() -> [Attr] {
        guard let list = poppler_page_get_text_attributes(page) else { return [] }
        defer { poppler_page_free_text_attributes(list) }
        var out: [Attr] = []
        var node: UnsafeMutablePointer<GList>? = list
        while let cur = node {
            if let raw = cur.pointee.data {
                let a = raw.assumingMemoryBound(to: PopplerTextAttributes.self).pointee
                let font = a.font_name.map { String(cString: $0) } ?? ""
                let c = a.color
                let white = c.red > 0xF000 && c.green > 0xF000 && c.blue > 0xF000
                out.append(Attr(start: Int(a.start_index), end: Int(a.end_index), size: a.font_size, font: font, white: white))
            }
            node = cur.pointee.next
        }
        return out.sorted { $0.start < $1.start }
    }

    /// Largest image's share of the page area (`poppler_page_get_image_mapping`).
    private func imageCoverage(width: Double, height: Double) -> Double {
        guard width > 0, height > 0, let list = poppler_page_get_image_mapping(page) else { return 0 }
        defer { poppler_page_free_image_mapping(list) }
        var best = 0.0
        var node: UnsafeMutablePointer<GList>? = list
        while let cur = node {
            if let raw = cur.pointee.data {
                let a = raw.assumingMemoryBound(to: PopplerImageMapping.self).pointee.area
                let iw = max(0, min(a.x2, width) - max(a.x1, 0)), ih = max(0, min(a.y2, height) - max(a.y1, 0))
                best = max(best, (iw * ih) / (width * height))
            }
            node = cur.pointee.next
        }
        return min(1, best)
    }

    /// Turns words of a page whose text runs vertically into reading orientation.
    ///
    /// The direction is read from how glyph boxes advance: for multi-glyph words a box taller
    /// than wide means vertical text. Returns the words and the rotation applied (0, 90, 270).
    static func uprighted(_ words: [Word], width: Double, height: Double) -> ([Word], Int) {
        var vertical = 0, horizontal = 0
        for w in words where w.text.unicodeScalars.count >= 3 {
            if w.bbox.height > w.bbox.width * 1.5 { vertical += 1 } else if w.bbox.width > w.bbox.height { horizontal += 1 }
        }
        guard vertical > horizontal * 2, vertical >= 5 else { return (words, 0) }
        // Text runs top-to-bottom (page turned 90° clockwise) when words are usually on the
        // right half as lines progress leftwards; decide by glyph order inside long words is not
        // available here, so use the reading order poppler gives: the first words of the page.
        // poppler emits lines in reading order; if the x of successive lines decreases the text
        // runs top-to-bottom (rotated clockwise).
        let xs = words.prefix(20).map { $0.bbox.midX }
        let decreasing = zip(xs, xs.dropFirst()).filter { $1 < $0 - 1 }.count
        let increasing = zip(xs, xs.dropFirst()).filter { $1 > $0 + 1 }.count
        let clockwise = decreasing >= increasing
        let turned = words.map { w -> Word in
            var t = w
            let b = w.bbox
            if clockwise {
                // reading frame: x' = y, y' = width - x
                t.bbox = BBox(x0: b.y0, y0: width - b.x1, x1: b.y1, y1: width - b.x0)
            } else {
                t.bbox = BBox(x0: height - b.y1, y0: b.x0, x1: height - b.y0, y1: b.x1)
            }
            return t
        }
        return (turned, clockwise ? 90 : 270)
    }
}
