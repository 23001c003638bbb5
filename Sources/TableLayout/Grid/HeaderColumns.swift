import PDFLayout

/// Header cells as columns.
public enum HeaderColumns {
    /// The x-extents of month header words, one per column, left to right: words of different
    /// lines stacked over each other (a header wrapped onto a second line, `Jun-` over `17`:
    /// overlapping by `TableSettings.headerStackOverlap` of the narrower one's width) are one
    /// column. Words that only touch (an unwrapped `Aug-21` centred between wrapped
    /// neighbours) and two words of one line are two columns, even when their boxes overlap
    /// (cells printed tighter than their text: `September 2024` running into `October 2024`).
    public static func distinctColumns(_ words: [Word], settings: TableSettings = .standard) -> [ColumnSpan] {
        var out: [ColumnSpan] = []
        var members: [[BBox]] = []
        for w in words.sorted(by: { $0.bbox.midX < $1.bbox.midX }) {
            if let last = out.last, case let o = last.overlap(w.bbox), o > 0,
               o >= settings.headerStackOverlap * min(last.x1 - last.x0, w.bbox.width),
               !members[members.count - 1].contains(where: { $0.yOverlap(w.bbox) > 0.5 * min($0.height, w.bbox.height) }) {
                out[out.count - 1] = ColumnSpan(x0: min(last.x0, w.bbox.x0), x1: max(last.x1, w.bbox.x1))
                members[members.count - 1].append(w.bbox)
            } else {
                out.append(ColumnSpan(x0: w.bbox.x0, x1: w.bbox.x1))
                members.append([w.bbox])
            }
        }
        return out
    }
}
