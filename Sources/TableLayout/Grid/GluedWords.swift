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
                part.glyphEdges = exact ? Array(w.glyphEdges[p.a..<p.b]) : []
                out.append(part)
            }
            changed = true
        }
        return changed ? TextLine(words: out, page: line.page) : line
    }
}
