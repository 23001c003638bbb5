import PDFLayout
import TableLayout

/// A table of labelled values in one value column, with optional spanning group labels on the
/// left and a total row: the shape of the drivers and modification status tables.
public struct KeyValueTable: Sendable {
    public struct Row: Sendable {
        public var group: String
        public var groupCell: Cell?
        public var label: String
        public var labelCell: Cell?
        public var value: Cell?
    }
    public var rows: [Row]
    /// The row labelled "Total" / "Grand Total", when printed.
    public var total: Row?
}

/// Reconstructs a `KeyValueTable` from a table region.
public enum KeyValueTableParser {
    /// Parses `region`: the value column is the rightmost column of numeric words; label text
    /// to its left splits into a group column and a label column where the lines' left edges
    /// form two clusters; group labels are assigned to the rows they span (`SpanningLabels`).
    /// The header line (above the first value) is skipped. Returns `nil` without value rows.
    public static func parse(_ region: TableRegion) -> KeyValueTable? {
        var rows: [KeyValueTable.Row] = []
        var total: KeyValueTable.Row? = nil
        for segment in region.segments {
            guard let part = parseSegment(segment, previousGroup: rows.last?.group) else { continue }
            rows += part.rows
            if part.total != nil { total = part.total }
        }
        return rows.isEmpty && total == nil ? nil : KeyValueTable(rows: rows, total: total)
    }

    static func isTotalLabel(_ t: String) -> Bool {
        let l = t.lowercased().trimmingWhitespace
        return l == "total" || l == "grand total" || l == "totals" || l.hasPrefix("grand total")
    }

    static func parseSegment(_ allLines: [TextLine], previousGroup: String?) -> KeyValueTable? {
        let lines = allLines.filter { !RunningText.isProse($0) }
        let allNumeric = lines.flatMap { $0.words.filter { NumberText.isNumeric($0.text) || NumberText.isNumberLike($0.text) && $0.text.contains(where: \.isNumber) } }
        // Footnote markers (a raised digit set smaller than the values) are not values.
        let sizes = allNumeric.map(\.fontSize).filter { $0 > 0 }.sorted()
        let bodySize = sizes.isEmpty ? 0 : sizes[sizes.count / 2]
        let footnotes = Set(allNumeric.filter { bodySize > 0 && $0.fontSize > 0 && $0.fontSize < TableSettings.standard.footnoteSize * bodySize })
        let numeric = allNumeric.filter { !footnotes.contains($0) }
        guard !numeric.isEmpty else { return nil }
        // The value column: the rightmost cluster of numeric words.
        let spans = ColumnClusters.spans(of: numeric.map(\.bbox), slack: 2)
        guard let valueSpan = spans.max(by: { a, b in
            numeric.filter { a.overlap($0.bbox) > 0 }.count < numeric.filter { b.overlap($0.bbox) > 0 }.count
        }) else { return nil }
        let firstValueMid = numeric.filter { valueSpan.overlap($0.bbox) > 0 }.map(\.bbox.midY).min() ?? 0
        // Header: the last line above the first value that labels the value column ("Days").
        let headerY = lines.filter { l in
            l.midY < firstValueMid - 0.6 * max(l.height, l.fontSize)
                && l.words.contains { !NumberText.isNumeric($0.text) && valueSpan.overlap($0.bbox) > 0 || abs($0.bbox.midX - valueSpan.midX) < 10 }
        }.map(\.midY).max()

        var anchors: [TextLine] = [], labelParts: [TextLine] = []
        for l in lines {
            if let headerY, l.midY <= headerY + 0.5 * l.height { continue }
            // Values: words with a digit (damaged ones included) or a dash standing for zero, not
            // a label word that reaches into the column (`Sub-Committees` beside a wide total).
            let values = l.words.filter { valueSpan.overlap($0.bbox) > 0 && !footnotes.contains($0) && ($0.text.contains(where: \.isNumber) || NumberText.isNumeric($0.text)) }
            // Label text: left of the value column, or words that are no number and reach into
            // the column's extent from the left (a long label beside a wide total).
            let text = l.words.filter { w in
                !values.contains(w) && !footnotes.contains(w)
                    && (w.bbox.x1 < valueSpan.x0 - 1 || (!NumberText.isNumeric(w.text) && w.bbox.midX < valueSpan.midX))
            }
            if !values.isEmpty { anchors.append(TextLine(words: values, page: l.page)) }
            if !text.isEmpty { labelParts.append(TextLine(words: text, page: l.page)) }
        }
        // Split label text into a group column and a label column by the lines' left edges.
        // A total row's label ("Grand Total") sits in the group column: it does not vote.
        let starts = labelParts.filter { !isTotalLabel($0.text) }.map { $0.words[0].bbox.x0 }
        let mode = modeCluster(starts)
        var groupLines: [TextLine] = [], labelLines: [TextLine] = []
        for l in labelParts {
            // A total row's label belongs to no column: the whole of it is the total's label.
            if isTotalLabel(l.text) { groupLines.append(l); continue }
            let g = l.words.filter { $0.bbox.x1 < mode - 1 }
            let r = l.words.filter { $0.bbox.x1 >= mode - 1 }
            if !g.isEmpty { groupLines.append(TextLine(words: g, page: l.page)) }
            if !r.isEmpty { labelLines.append(TextLine(words: r, page: l.page)) }
        }
        // A total row's label may sit in the group column on the value line.
        var totalAnchorY: Double? = nil
        var totalCell: Cell? = nil
        var lostTotal = false
        var spanning: [TextLine] = []
        for g in groupLines {
            if isTotalLabel(g.text) {
                if let a = anchors.first(where: { abs($0.midY - g.midY) < 0.6 * max(g.height, g.fontSize) }) {
                    totalAnchorY = a.midY; totalCell = Cell(words: g.words)
                } else {
                    // The total's value was not printed legibly (lost in OCR).
                    totalCell = Cell(words: g.words); lostTotal = true
                }
            } else {
                spanning.append(g)
            }
        }
        let bands = RowBands.build(anchors: anchors, labels: labelLines)
        var rows: [KeyValueTable.Row] = []
        var total: KeyValueTable.Row? = nil
        for b in bands {
            let label = WrappedText.join(b.labelLines.map(\.text))
            let labelCell = b.labelLines.isEmpty ? nil : Cell(words: b.labelLines.flatMap(\.words))
            let value = b.anchor.map { Cell(words: $0.words) }
            if let a = b.anchor, let ty = totalAnchorY, abs(a.midY - ty) < 0.1 {
                total = .init(group: "", groupCell: nil, label: totalCell?.text ?? "Total", labelCell: totalCell, value: value)
                continue
            }
            if isTotalLabel(label) { total = .init(group: "", groupCell: nil, label: label, labelCell: labelCell, value: value); continue }
            rows.append(.init(group: "", groupCell: nil, label: label, labelCell: labelCell, value: value))
        }
        // Group blocks: consecutive spanning lines one line pitch apart form one label.
        var blocks: [[TextLine]] = []
        for g in spanning.sorted(by: { $0.midY < $1.midY }) {
            if let last = blocks.last?.last, g.midY - last.midY <= 1.3 * max(g.height, 1) { blocks[blocks.count - 1].append(g) } else { blocks.append([g]) }
        }
        let rowY = bands.filter { b in rows.contains { $0.value == b.anchor.map { Cell(words: $0.words) } && $0.label == WrappedText.join(b.labelLines.map(\.text)) } }.map(\.midY)
        if !blocks.isEmpty, rowY.count == rows.count {
            let centres = blocks.map { $0.map(\.midY).reduce(0, +) / Double($0.count) }
            let firstTop = blocks[0].map(\.bbox.y0).min()!
            let assignment = SpanningLabels.assign(rows: rowY, labels: centres)
            for i in rows.indices {
                if let prev = previousGroup, rowY[i] < firstTop - 2, i < assignment.count, assignment[i] == 0 {
                    rows[i].group = prev; continue
                }
                let blk = blocks[assignment[i]]
                rows[i].group = WrappedText.join(blk.map(\.text))
                rows[i].groupCell = Cell(words: blk.flatMap(\.words))
            }
        } else if let prev = previousGroup {
            for i in rows.indices { rows[i].group = prev }
        }
        if total == nil, lostTotal {
            total = .init(group: "", groupCell: nil, label: totalCell?.text ?? "Total", labelCell: totalCell, value: nil)
        }
        return KeyValueTable(rows: rows, total: total)
    }

    /// The most common value (within 3 pt) among left edges.
    static func modeCluster(_ xs: [Double]) -> Double {
        var best = xs.first ?? 0, bestCount = 0
        for x in xs {
            let c = xs.filter { abs($0 - x) <= 3 }.count
            if c > bestCount || (c == bestCount && x > best) { best = x; bestCount = c }
        }
        return xs.filter { abs($0 - best) <= 3 }.min() ?? best
    }
}
