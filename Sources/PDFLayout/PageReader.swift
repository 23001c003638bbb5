import CPoppler

/// Reads one `PopplerPage` into a `PDFPage`. Does not own the page.
struct PageReader {
    let page: OpaquePointer
    let number: Int

    private struct Attr { var start: Int; var end: Int; var size: Double; var font: String; var white: Bool }

    func read(imageCoverage measure: Bool) -> PDFPage {
        var w = 0.0, h = 0.0
        poppler_page_get_size(page, &w, &h)
        (w, h) = (GeometryLimits.pageSide(w), GeometryLimits.pageSide(h))
        let (words, rotation) = extractWords(width: w, height: h)
        let (pw, ph) = rotation == 0 ? (w, h) : (h, w)
        return PDFPage(number: number, width: pw, height: ph, rotation: rotation, words: words,
                       imageCoverage: measure ? imageCoverage(width: w, height: h) : nil)
    }

    /// Splits `poppler_page_get_text` into words at whitespace, boxing each with the union of its
    /// scalars' rectangles from `poppler_page_get_text_layout` (one rectangle per Unicode scalar).
    ///
    /// A page whose text runs vertically in display space (a `/Rotate 90` or `270` page holding
    /// horizontal text) is detected from how consecutive glyph boxes advance, and every glyph
    /// box is turned into reading orientation before words are formed.
    /// - Returns: the words and the rotation applied (0, 90 or 270 degrees).
    private func extractWords(width: Double, height: Double) -> ([Word], Int) {
        guard let cText = poppler_page_get_text(page) else { return ([], 0) }
        defer { g_free(cText) }
        var rectsPtr: UnsafeMutablePointer<PopplerRectangle>? = nil
        var n: guint = 0
        guard poppler_page_get_text_layout(page, &rectsPtr, &n) != 0, let rectsPtr else { return ([], 0) }
        defer { g_free(rectsPtr) }
        let scalars = Array(String(cString: cText).unicodeScalars)
        let count = min(scalars.count, Int(n))
        let attrs = textAttributes()
        let rotation = Self.readingRotation(scalars: scalars, rects: rectsPtr, count: count)
        let rects = UnsafeBufferPointer(start: rectsPtr, count: count).map { r -> PopplerRectangle in
            switch rotation {
            case 90: return PopplerRectangle(x1: r.y1, y1: width - r.x2, x2: r.y2, y2: width - r.x1)
            case 270: return PopplerRectangle(x1: height - r.y2, y1: r.x1, x2: height - r.y1, y2: r.x2)
            default: return r
            }
        }

        var words: [Word] = []
        var current = String.UnicodeScalarView()
        var box: BBox? = nil
        var startIndex = 0
        var attrCursor = 0
        var lastGlyph: BBox? = nil
        var edges: [Double] = [], starts: [Double] = []
        // The current word's glyphs, for the overprinted-copy check.
        var glyphBoxes: [BBox] = [], glyphScalars: [Unicode.Scalar] = []
        // The copy being skipped: the index of the word's glyph it repeats next, and its shift.
        var copyRun: (next: Int, shift: Double)? = nil
        func flush() {
            glyphBoxes.removeAll(keepingCapacity: true); glyphScalars.removeAll(keepingCapacity: true); copyRun = nil
            guard let b = box, !current.isEmpty else { current = .init(); box = nil; edges = []; starts = []; return }
            while attrCursor < attrs.count, attrs[attrCursor].end < startIndex { attrCursor += 1 }
            let a = attrCursor < attrs.count && attrs[attrCursor].start <= startIndex ? attrs[attrCursor] : nil
            var w = Word(text: String(current), bbox: b, fontSize: a?.size ?? 0, fontName: a?.font ?? "",
                         isWhite: a?.white ?? false, page: number)
            w.glyphEdges = edges
            w.glyphStarts = starts
            words.append(w)
            current = .init(); box = nil; edges = []; starts = []
        }
        // Attribute run (font size, colour) of each scalar, to split words where the run changes.
        var runCursor = 0
        var runOfLast: Int? = nil
        func run(at i: Int) -> Int? {
            while runCursor < attrs.count, attrs[runCursor].end < i { runCursor += 1 }
            return runCursor < attrs.count && attrs[runCursor].start <= i ? runCursor : nil
        }
        for i in 0..<count {
            let s = scalars[i]
            let isSpace = s.isASCII ? (s == " " || s == "\n" || s == "\t" || s == "\r" || s == "\u{0C}" || s == "\u{0B}") : s.properties.isWhitespace
            if isSpace { flush(); lastGlyph = nil; continue }
            let r = rects[i]
            let (pw, ph) = rotation == 0 ? (width, height) : (height, width)
            let b = GeometryLimits.clamp(BBox(x0: r.x1, y0: r.y1, x1: r.x2, y1: r.y2), width: pw, height: ph)
            let runHere = run(at: i)
            if box != nil, let a = runOfLast, let c = runHere, a != c, Self.startsNewWord(attrs[a], attrs[c]) { flush(); lastGlyph = nil }
            runOfLast = runHere
            if let prev = box, let last = lastGlyph {
                // An overprinted copy of a glyph of this word (fake bold drawn a little to the
                // side; poppler keeps copies further apart than 0.1 em, and with content drawn
                // out of reading order it runs a copied word into the word: `ofof`): skip it.
                // Only a glyph that jumps back over the last one can start such a copy; the
                // glyphs after it that repeat the word's next glyphs shifted as much are the
                // rest of the copy, however narrow (an `f` shifted by 0.2 em overlaps its twin
                // by less than half).
                if let (k, shift) = copyRun, k < glyphBoxes.count, glyphScalars[k] == s,
                   abs(b.x0 - glyphBoxes[k].x0 - shift) <= Self.copyShiftAgreement * max(b.height, 1),
                   b.yOverlap(glyphBoxes[k]) > 0.5 * min(b.height, glyphBoxes[k].height) {
                    copyRun = (k + 1, shift); continue
                }
                copyRun = nil
                if b.x0 < last.x1, let k = glyphBoxes.indices.first(where: { k in
                    glyphScalars[k] == s && b.yOverlap(glyphBoxes[k]) > 0.5 * min(b.height, glyphBoxes[k].height)
                        && (b.xOverlap(glyphBoxes[k]) > Self.overprintOverlap * min(b.width, glyphBoxes[k].width)
                            || abs(b.x0 - glyphBoxes[k].x0) <= Self.maxCopyShift * b.height) }) {
                    copyRun = (k + 1, b.x0 - glyphBoxes[k].x0); continue
                }
                // poppler emits table cells (and lines) without a separator when the PDF draws
                // them as separate strings: split where the glyphs jump back, leave the line, or
                // leave a gap wider than `wordGap` em (a thin space is 0.17–0.2 em).
                let gap = b.x0 - last.x1
                let em = runHere.map { attrs[$0].size } ?? 0 > 0 ? attrs[runHere!].size : 0.85 * b.height
                if gap < -max(2, b.height) || gap > Self.wordGap * em
                    || b.yOverlap(last) < 0.3 * min(b.height, last.height)
                    || abs(b.height - prev.height) > 0.3 * prev.height && b.yOverlap(prev) < 0.8 * b.height {
                    flush()
                }
            }
            lastGlyph = b
            if box == nil { startIndex = i; box = b } else { box = box!.union(b) }
            current.append(s)
            edges.append(b.x1)
            starts.append(b.x0)
            glyphBoxes.append(b); glyphScalars.append(s)
        }
        flush()
        return (words, rotation)
    }

    /// Whether a change of text attributes inside a run of glyphs ends the word: a change of
    /// font size by more than `PageReader.sizeChange` (a raised footnote digit after a value) or
    /// of whiteness (white text drawn right after visible text).
    private static func startsNewWord(_ a: Attr, _ b: Attr) -> Bool {
        if a.white != b.white { return true }
        guard a.size > 0, b.size > 0 else { return false }
        return abs(a.size - b.size) > sizeChange * max(a.size, b.size)
    }

    /// A gap between two glyphs wider than this many em (font sizes) splits a word
    /// (`Word.glyphGapSplit`).
    static var wordGap: Double { Word.glyphGapSplit }
    /// A glyph repeating one of its word's glyphs and overlapping it by more than this fraction
    /// of its width is an overprinted copy.
    static let overprintOverlap = 0.5
    /// A glyph that jumps back onto a glyph of its word with the same character, shifted by at
    /// most this share of the glyph's height, is an overprinted copy however narrow the glyph
    /// (an `I` shifted by 0.15 em overlaps its twin by less than half); text never steps back
    /// onto its own character so closely.
    static let maxCopyShift = 0.25
    /// The glyphs of one overprinted copy are shifted alike, to within this share of the glyph
    /// height (the producer's rounding of positions).
    static let copyShiftAgreement = 0.02

    /// Relative font-size change (fraction of the larger size) that splits a word.
    static let sizeChange = 0.15

    /// 90 when glyphs mostly advance downwards (text turned clockwise), 270 when upwards, else 0.
    static func readingRotation(scalars: [Unicode.Scalar], rects: UnsafeMutablePointer<PopplerRectangle>, count: Int) -> Int {
        var right = 0, down = 0, up = 0
        var i = 1
        func isLetter(_ s: Unicode.Scalar) -> Bool {
            s.isASCII ? ((s.value | 0x20) >= 0x61 && (s.value | 0x20) <= 0x7A) : s.properties.isAlphabetic
        }
        while i < count {
            // Enough evidence either way: stop early (most pages read left to right).
            if right > 200 && right > 4 * (down + up) { return 0 }
            let a = scalars[i - 1], b = scalars[i]
            if isLetter(a) && isLetter(b) {
                let p = rects[i - 1], q = rects[i]
                let dx = (q.x1 + q.x2 - p.x1 - p.x2) / 2, dy = (q.y1 + q.y2 - p.y1 - p.y2) / 2
                if abs(dx) > abs(dy) { if dx > 0 { right += 1 } } else if dy > 0 { down += 1 } else if dy < 0 { up += 1 }
            }
            i += 1
        }
        if down > 2 * right && down > up && down >= 10 { return 90 }
        if up > 2 * right && up > down && up >= 10 { return 270 }
        return 0
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
                out.append(Attr(start: Int(a.start_index), end: Int(a.end_index), size: GeometryLimits.fontSize(a.font_size), font: font, white: white))
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
}
