import PDFLayout

/// One row of a grid: its label lines (wrapped, top to bottom) and one cell per column.
public struct GridRow: Sendable {
    public var labelLines: [TextLine]
    /// One entry per column; `nil` where nothing is printed.
    public var cells: [Cell?]
    /// How the row's wrapped label stands against its values (`nil`: a one-line label).
    public var wrap: RowBands.WrapAlignment? = nil
}

/// Rows of a table body from its columns: each line's words split into label text (left of
/// the first column) and cells; value lines anchor rows, wrapped label lines attach to them
/// (`RowBands`).
public enum GridRows {
    /// - Parameters:
    ///   - isValue: whether a word is a value (it may still be left of the first column when
    ///     it is not: label text there).
    ///   - skip: words to leave out (footnote markers).
    ///   - prior: how the table's wrapped labels stood on its earlier pages (`RowBands.WrapEvidence`).
    public static func rows(body: [TextLine], spans: [ColumnSpan], isValue: (String) -> Bool, skip: (Word) -> Bool, prior: RowBands.WrapEvidence = RowBands.WrapEvidence()) -> [GridRow] {
        guard let firstSpan = spans.first else { return [] }
        let labelLimit = firstSpan.x0 - 2
        var anchors: [TextLine] = []
        var labels: [TextLine] = []
        for l in body {
            var values: [Word] = [], text: [Word] = []
            for w in l.words.flatMap({ ColumnWordSplit.split($0, spans) }) {
                if skip(w) { continue }
                // Whatever is printed inside a value column is that cell's printed text, even
                // when OCR damage makes it unreadable as a number ("bi", "te}"); the reconciler
                // judges it. Text left of the first column is label text.
                if w.bbox.x1 <= labelLimit {
                    text.append(w)
                } else if spans.contains(where: { $0.overlap(w.bbox) > 0 }) {
                    values.append(w)
                } else if w.bbox.midX < labelLimit, !isValue(w.text) {
                    text.append(w)
                }
            }
            if !values.isEmpty { anchors.append(TextLine(words: values, page: l.page)) }
            if !text.isEmpty { labels.append(TextLine(words: text, page: l.page)) }
        }
        let bands = RowBands.build(anchors: mergeSplitAnchors(anchors, spans: spans), labels: labels, prior: prior)
        return bands.map { band in
            var cells = [Cell?](repeating: nil, count: spans.count)
            var byColumn: [Int: [Word]] = [:]
            for w in band.anchor?.words ?? [] {
                if let c = ColumnClusters.index(of: w.bbox, in: spans) { byColumn[c, default: []].append(w) }
            }
            for (c, ws) in byColumn { cells[c] = Cell(words: ws) }
            return GridRow(labelLines: band.labelLines, cells: cells, wrap: RowBands.alignment(of: band))
        }
    }

    /// Merges value lines that a skewed scan split into two: vertically within half a line and
    /// holding values in different columns.
    public static func mergeSplitAnchors(_ anchors: [TextLine], spans: [ColumnSpan]) -> [TextLine] {
        var out: [TextLine] = []
        for a in anchors.sorted(by: { $0.midY < $1.midY }) {
            if let i = out.indices.last(where: { abs(out[$0].midY - a.midY) < 0.55 * max(a.height, a.fontSize) }) {
                let used = Set(out[i].words.compactMap { ColumnClusters.index(of: $0.bbox, in: spans) })
                if a.words.allSatisfy({ ColumnClusters.index(of: $0.bbox, in: spans).map { !used.contains($0) } ?? true }) {
                    out[i] = TextLine(words: out[i].words + a.words, page: a.page); continue
                }
            }
            out.append(a)
        }
        return out
    }
}
