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
    /// column (columns split in the gap between neighbouring header cells, or in the values'
    /// whitespace nearest to it: `boundary(between:and:values:)`) and whole columns of
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
            let aligned = alignment(of: values, under: heads, settings: settings)
            let cuts = zip(heads, heads.dropFirst()).map { boundary(between: $0, and: $1, values: values, aligned: aligned, settings: settings) }
            var anchored: [ColumnSpan] = []
            for (j, c) in centres.enumerated() {
                let left = j == 0 ? c - (centres[1] - c) / 2 : cuts[j - 1]
                let right = j == centres.count - 1 ? c + (c - centres[j - 1]) / 2 : cuts[j]
                anchored.append(ColumnSpan(x0: left, x1: right))
            }
            // The first column starts at its leftmost value or its header, whichever is first
            // (label text may come close on the left; a wide first header's values may start
            // before the half pitch left of its centre).
            let firstValues = values.filter { $0.bbox.midX < cuts[0] }.map(\.bbox.x0)
            anchored[0].x0 = min(firstValues.min() ?? heads[0].x0, heads[0].x0)
            // The last column ends past its header and its values (a wide last header's values
            // may end after the half pitch beyond its centre).
            let lastValues = values.filter { $0.bbox.x0 >= cuts[cuts.count - 1] }.map(\.bbox.x1)
            anchored[anchored.count - 1].x1 = max(anchored[anchored.count - 1].x1, heads[heads.count - 1].x1, lastValues.max() ?? 0)
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

    /// Which edge values share with their header cells: `.left` when at least
    /// `TableSettings.alignmentEvidence` values start where a header cell starts (to
    /// `edgeAgreement` em) and more than twice as many as end where one ends; `.right` the
    /// other way round; `nil` (centred, or no evidence) otherwise.
    static func alignment(of values: [Word], under heads: [ColumnSpan], settings: TableSettings = .standard) -> HorizontalEdge? {
        func hits(_ edge: (Word) -> Double, _ head: (ColumnSpan) -> Double) -> Int {
            values.filter { v in heads.contains { abs(head($0) - edge(v)) <= settings.edgeAgreement * v.em } }.count
        }
        let l = hits({ $0.bbox.x0 }, { $0.x0 }), r = hits({ $0.bbox.x1 }, { $0.x1 })
        if l >= settings.alignmentEvidence, l > 2 * r { return .left }
        if r >= settings.alignmentEvidence, r > 2 * l { return .right }
        return nil
    }

    /// A side of a box: which edge values and their header cells share.
    public enum HorizontalEdge: Sendable { case left, right }

    /// Where the column under header cell `left` ends and the one under `right` begins
    /// (points): in the gap between the two header cells (midway between their centres when they
    /// touch or overlap), unless a value word covers that point; then the middle of the stretch
    /// between the header centres that no value covers and that lies nearest to it. Values set
    /// under wide headers of unequal widths reach past the midpoint of the centres (`25`
    /// left-aligned under `September`, a narrow value left-aligned under a wide header after a
    /// narrow one), so the header cells' own extents place the cut. When values cover the whole
    /// stretch (two cells printed as one word, `483115`), the cut stays and the word is split there.
    ///
    /// Header cells wider than their columns overlap; then the values' alignment (`aligned`,
    /// from `alignment(of:under:)`) places the cut: at the right cell's left edge when values
    /// are left-aligned under their headers, at the left cell's right edge when right-aligned,
    /// else midway between their centres. Without that evidence, a value that covers the cut
    /// and shares an edge with one of the two header cells (to `TableSettings.edgeAgreement`
    /// em: its left edge the right header's, or its right edge the left header's) belongs to
    /// that header.
    static func boundary(between leftHead: ColumnSpan, and rightHead: ColumnSpan, values: [Word], aligned: HorizontalEdge? = nil,
                         settings: TableSettings = .standard) -> Double {
        let left = leftHead.midX, right = rightHead.midX
        let mid: Double
        if leftHead.x1 < rightHead.x0 { mid = (leftHead.x1 + rightHead.x0) / 2 }
        else if aligned == .left { return rightHead.x0 - settings.edgeAgreement * (values.map(\.em).max() ?? 0) }
        else if aligned == .right { return leftHead.x1 + settings.edgeAgreement * (values.map(\.em).max() ?? 0) }
        else { mid = (left + right) / 2 }
        let covered = values.map { (max($0.bbox.x0, left), min($0.bbox.x1, right)) }
            .filter { $0.0 < $0.1 }.sorted { $0.0 < $1.0 }
        guard covered.contains(where: { $0.0 < mid && mid < $0.1 }) else { return mid }
        for v in values where v.bbox.x0 < mid && mid < v.bbox.x1 {
            let tol = settings.edgeAgreement * v.em
            let startsRight = abs(v.bbox.x0 - rightHead.x0) <= tol, endsLeft = abs(v.bbox.x1 - leftHead.x1) <= tol
            if startsRight != endsLeft { return startsRight ? v.bbox.x0 : v.bbox.x1 }
        }
        var free: [(Double, Double)] = []
        var edge = left
        for (a, b) in covered {
            if a > edge { free.append((edge, a)) }
            edge = max(edge, b)
        }
        if edge < right { free.append((edge, right)) }
        func distance(_ f: (Double, Double)) -> Double { f.1 < mid ? mid - f.1 : f.0 - mid }
        guard let nearest = free.min(by: { distance($0) < distance($1) }) else { return mid }
        return (nearest.0 + nearest.1) / 2
    }
}
