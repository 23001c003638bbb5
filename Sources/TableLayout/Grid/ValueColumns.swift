import PDFLayout

/// The value columns of a table body: from the horizontal extents of its values
/// (right-aligned numbers of one column overlap each other and not their neighbours'),
/// checked against the header cells above them.
public enum ValueColumns {
    /// The columns of `body`, left to right, and how many the values' own extents gave.
    ///
    /// - Parameters:
    ///   - values: the body's value words (footnote markers already removed).
    ///   - body: the body lines (to tell whether two column parts ever share a row).
    ///   - headerCells: the header cells naming a column each (e.g. months), any order.
    /// Stray numbers are dropped: a column needs two values or a header cell over it, or must
    /// sit on the regular column pitch (an OCR layer may keep one value of a column). When the
    /// header cells stand at a regular pitch and there are more value columns than header
    /// cells, parts of one column that never share a row (centred values of different widths)
    /// are joined under their header cell; when there are fewer, each header cell anchors its
    /// column (columns split midway between neighbouring header centres) and whole columns of
    /// empty cells appear.
    public static func columns(values: [Word], body: [TextLine], headerCells: [Word], settings: TableSettings = .standard) -> (spans: [ColumnSpan], valueColumns: Int) {
        var spans = ColumnClusters.spans(of: values.map(\.bbox))
        let rowsWithValues = body.filter { l in l.words.contains { w in values.contains { $0 == w } } }.count
        if rowsWithValues >= 3 {
            let supported = spans.filter { s in
                values.filter { s.overlap($0.bbox) > 0 }.count >= 2 || headerCells.contains { s.overlap($0.bbox) > 0 }
            }
            let gaps = zip(supported, supported.dropFirst()).map { $1.midX - $0.midX }.sorted()
            if gaps.count >= 2 {
                let pitch = gaps[0]
                spans = spans.filter { s in
                    supported.contains(s) || supported.contains { k in
                        let d = abs(s.midX - k.midX) / pitch
                        return d >= 0.75 && abs(d - d.rounded()) < 0.25
                    }
                }
            } else {
                spans = supported
            }
        }
        let valueColumns = spans.count
        let heads = HeaderColumns.distinctColumns(headerCells)
        let headSteps = zip(heads, heads.dropFirst()).map { $1.midX - $0.midX }
        // A header read whole: its cells stand at a regular pitch (none lost in between).
        let regularHeads = heads.count >= 2 && (headSteps.max() ?? 0) <= settings.regularPitch * (headSteps.min() ?? 0)
        if regularHeads, spans.count > heads.count {
            func together(_ a: ColumnSpan, _ b: ColumnSpan) -> Bool {
                body.contains { l in l.words.contains { a.overlap($0.bbox) > 0 } && l.words.contains { b.overlap($0.bbox) > 0 } }
            }
            var merged: [ColumnSpan] = []
            var owner: [Int] = []
            for sp in spans {
                let h = heads.indices.min { abs(heads[$0].midX - sp.midX) < abs(heads[$1].midX - sp.midX) }!
                if let last = owner.last, last == h, !together(merged[merged.count - 1], sp) {
                    merged[merged.count - 1].x1 = max(merged[merged.count - 1].x1, sp.x1)
                } else { merged.append(sp); owner.append(h) }
            }
            if merged.count == heads.count { spans = merged }
        }
        if heads.count >= 2, spans.count < heads.count {
            let centres = heads.map(\.midX)
            var anchored: [ColumnSpan] = []
            for (j, c) in centres.enumerated() {
                let left = j == 0 ? c - (centres[1] - c) / 2 : (centres[j - 1] + c) / 2
                let right = j == centres.count - 1 ? c + (c - centres[j - 1]) / 2 : (c + centres[j + 1]) / 2
                anchored.append(ColumnSpan(x0: left, x1: right))
            }
            // The first column starts at its leftmost value (label text may come close).
            let firstValues = values.filter { anchored[0].overlap($0.bbox) > 0.5 * $0.bbox.width }.map(\.bbox.x0)
            anchored[0].x0 = max(anchored[0].x0, min(firstValues.min() ?? heads[0].x0, heads[0].x0))
            spans = anchored
        } else if let firstValue = spans.first, spans.count >= 2 {
            // Columns whose cells are all empty: the header cell's extent, where no value column is.
            let steps = zip(spans, spans.dropFirst()).map { $1.midX - $0.midX }.sorted()
            let pitch = steps[steps.count / 2]
            for h in headerCells where h.bbox.x0 >= firstValue.x0 - 0.5 * h.bbox.width
                && !spans.contains(where: { $0.overlap(h.bbox) > 0 || abs($0.midX - h.bbox.midX) < 0.5 * pitch }) {
                spans.append(ColumnSpan(x0: h.bbox.x0, x1: h.bbox.x1))
            }
            spans.sort { $0.x0 < $1.x0 }
        }
        return (spans, valueColumns)
    }
}
