import PDFLayout

/// Words that straddle two columns of a table.
public enum ColumnWordSplit {
    /// Two values of neighbouring columns printed so close that they arrive as one word
    /// (`483115` for `483` `115`): split at the glyph edge nearest the boundary between the two
    /// columns it straddles, when each side holds at least one whole glyph.
    public static func split(_ w: Word, _ spans: [ColumnSpan]) -> [Word] {
        let scalars = Array(w.text.unicodeScalars)
        guard scalars.count >= 2, w.glyphEdges.count == scalars.count, NumberText.isNumeric(w.text) || w.text.allSatisfy(\.isNumber) else { return [w] }
        let touched = spans.indices.filter { spans[$0].overlap(w.bbox) > 0 }
        guard touched.count == 2 else { return [w] }
        let boundary = (spans[touched[0]].x1 + spans[touched[1]].x0) / 2
        guard let cut = w.glyphEdges.dropLast().indices.min(by: { abs(w.glyphEdges[$0] - boundary) < abs(w.glyphEdges[$1] - boundary) }) else { return [w] }
        let edge = w.glyphEdges[cut]
        let glyph = w.bbox.width / Double(scalars.count)
        guard abs(edge - boundary) < glyph, spans[touched[0]].overlap(BBox(x0: w.bbox.x0, y0: 0, x1: edge, y1: 1)) > 0.5 * glyph,
              spans[touched[1]].overlap(BBox(x0: edge, y0: 0, x1: w.bbox.x1, y1: 1)) > 0.5 * glyph else { return [w] }
        var a = w, b = w
        a.text = String(String.UnicodeScalarView(scalars[...cut])); a.bbox.x1 = edge; a.keepGlyphs(...cut)
        b.text = String(String.UnicodeScalarView(scalars[(cut + 1)...])); b.bbox.x0 = edge; b.keepGlyphs((cut + 1)...)
        guard NumberText.isNumeric(a.text), NumberText.isNumeric(b.text) else { return [w] }
        return [a, b]
    }
}
