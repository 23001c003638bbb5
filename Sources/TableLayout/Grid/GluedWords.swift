import PDFLayout

/// Words glued together because their cells were printed with no gap.
public enum GluedWords {
    /// Header cells printed so close together that they arrive as one word (`Aug-20Sep-20`,
    /// `Mar-Apr-`, `OctoberNovember`, `2020Jan`): split before a capital letter that follows a
    /// digit, a hyphen or a small letter, when `accept` takes the pieces. Each piece is boxed by its glyphs (or, without glyph
    /// edges, by its share of the characters).
    public static func split(_ line: TextLine, accept: ([String]) -> Bool) -> TextLine {
        var out: [Word] = []
        var changed = false
        for w in line.words {
            let scalars = Array(w.text.unicodeScalars)
            var cuts: [Int] = []
            for i in 1..<max(1, scalars.count) where scalars[i].properties.isUppercase
                && (("0"..."9").contains(scalars[i - 1]) || scalars[i - 1] == "-" || scalars[i - 1].properties.isLowercase) { cuts.append(i) }
            guard !cuts.isEmpty else { out.append(w); continue }
            let bounds = [0] + cuts + [scalars.count]
            let pieces = zip(bounds, bounds.dropFirst()).map { (a: $0, b: $1) }
            let texts = pieces.map { String(String.UnicodeScalarView(scalars[$0.a..<$0.b])) }
            guard accept(texts) else { out.append(w); continue }
            let exact = w.glyphEdges.count == scalars.count
            func x(_ k: Int) -> Double {
                if k == 0 { return w.bbox.x0 }
                return exact ? w.glyphEdges[k - 1] : w.bbox.x0 + w.bbox.width * Double(k) / Double(scalars.count)
            }
            for p in pieces {
                var part = w
                part.text = String(String.UnicodeScalarView(scalars[p.a..<p.b]))
                part.bbox = BBox(x0: x(p.a), y0: w.bbox.y0, x1: x(p.b), y1: w.bbox.y1)
                if exact { part.keepGlyphs(p.a..<p.b) } else { part.dropGlyphs() }
                out.append(part)
            }
            changed = true
        }
        return changed ? TextLine(words: out, page: line.page) : line
    }

    /// Years printed under month headers with no gap between them arrive as one run of digits
    /// (`202320232023`): split a word of 8 or more digits into 4-digit pieces when `isYear`
    /// takes every piece. Only for a header line (a run of counts would be split too).
    public static func splitYears(_ line: TextLine, isYear: (String) -> Bool) -> TextLine {
        var out: [Word] = [], changed = false
        for w in line.words {
            let scalars = Array(w.text.unicodeScalars)
            let n = scalars.count
            guard n >= 8, n % 4 == 0, w.text.allSatisfy(\.isNumber) else { out.append(w); continue }
            let texts = stride(from: 0, to: n, by: 4).map { String(String.UnicodeScalarView(scalars[$0..<($0 + 4)])) }
            guard texts.allSatisfy(isYear) else { out.append(w); continue }
            let exact = w.glyphEdges.count == n
            func x(_ k: Int) -> Double { k == 0 ? w.bbox.x0 : exact ? w.glyphEdges[k - 1] : w.bbox.x0 + w.bbox.width * Double(k) / Double(n) }
            for a in stride(from: 0, to: n, by: 4) {
                var part = w
                part.text = texts[a / 4]
                part.bbox = BBox(x0: x(a), y0: w.bbox.y0, x1: x(a + 4), y1: w.bbox.y1)
                if exact { part.keepGlyphs(a..<(a + 4)) } else { part.dropGlyphs() }
                out.append(part)
            }
            changed = true
        }
        return changed ? TextLine(words: out, page: line.page) : line
    }
}
