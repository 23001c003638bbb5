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
        // A total row's label belongs to no column: the whole of it is the total's label.
        guard let layout = KeyValueLayout.read(lines, wholeLine: { isTotalLabel($0.text) }) else { return nil }
        // A total row's label may sit in the group column on the value line.
        var totalAnchor: TextLine? = nil
        var totalCell: Cell? = nil
        var lostTotal = false
        var spanning: [TextLine] = []
        for g in layout.groupLines {
            if isTotalLabel(g.text) {
                if let a = layout.valueLine(beside: g) {
                    totalAnchor = a; totalCell = Cell(words: g.words)
                } else {
                    // The total's value was not printed legibly (lost in OCR).
                    totalCell = Cell(words: g.words); lostTotal = true
                }
            } else {
                spanning.append(g)
            }
        }
        var rows: [KeyValueTable.Row] = []
        var total: KeyValueTable.Row? = nil
        for b in layout.rows {
            let label = WrappedText.join(b.labelLines.map(\.text))
            let labelCell = b.labelLines.isEmpty ? nil : Cell(words: b.labelLines.flatMap(\.words))
            let value = b.anchor.map { Cell(words: $0.words) }
            if let a = b.anchor, a == totalAnchor {
                total = .init(group: "", groupCell: nil, label: totalCell?.text ?? "Total", labelCell: totalCell, value: value)
                continue
            }
            if isTotalLabel(label) { total = .init(group: "", groupCell: nil, label: label, labelCell: labelCell, value: value); continue }
            rows.append(.init(group: "", groupCell: nil, label: label, labelCell: labelCell, value: value))
        }
        // Group blocks: consecutive spanning lines one line pitch apart form one label.
        let blocks = layout.groupBlocks(spanning)
        // Centres of the bands read as rows (a band that equals a row but became the total
        // makes the count differ: the groups are then left unassigned).
        let rowY = layout.rows.filter { b in rows.contains { $0.value == b.anchor.map { Cell(words: $0.words) } && $0.label == WrappedText.join(b.labelLines.map(\.text)) } }.map(\.midY)
        if !blocks.isEmpty, rowY.count == rows.count {
            let assignment = SpanningBlocks.byCentres(rows: rowY, blocks: blocks, canCarry: previousGroup != nil)
            for i in rows.indices {
                switch assignment[i] {
                case .carried: rows[i].group = previousGroup ?? ""
                case .block(let k):
                    rows[i].group = WrappedText.join(blocks[k].map(\.text))
                    rows[i].groupCell = Cell(words: blocks[k].flatMap(\.words))
                }
            }
        } else if let prev = previousGroup {
            for i in rows.indices { rows[i].group = prev }
        }
        if total == nil, lostTotal {
            total = .init(group: "", groupCell: nil, label: totalCell?.text ?? "Total", labelCell: totalCell, value: nil)
        }
        return KeyValueTable(rows: rows, total: total)
    }
}
