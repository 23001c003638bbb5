import PDFLayout

/// Header cells as columns.
public enum HeaderColumns {
    /// The x-extents of month header words, one per column: words whose extents overlap (a
    /// header repeated on a wrapped line) are one column. Left to right.
    public static func distinctColumns(_ words: [Word]) -> [ColumnSpan] {
        var out: [ColumnSpan] = []
        for w in words.sorted(by: { $0.bbox.midX < $1.bbox.midX }) {
            if let last = out.last, last.overlap(w.bbox) > 0 {
                out[out.count - 1] = ColumnSpan(x0: min(last.x0, w.bbox.x0), x1: max(last.x1, w.bbox.x1))
            } else {
                out.append(ColumnSpan(x0: w.bbox.x0, x1: w.bbox.x1))
            }
        }
        return out
    }
}
