import PDFLayout

/// One reconstructed table row: the anchor line holding its cells, and the label lines that
/// belong to it (wrapped label text above and below a vertically centred cell line).
public struct RowBand: Sendable {
    /// The line carrying the row's values; `nil` for a label-only row (values lost or absent).
    public var anchor: TextLine?
    /// Label lines of the row, top to bottom.
    public var labelLines: [TextLine]
    public init(anchor: TextLine?, labelLines: [TextLine]) { self.anchor = anchor; self.labelLines = labelLines }
    /// Vertical centre used for ordering.
    public var midY: Double { anchor?.midY ?? labelLines.map(\.midY).reduce(0, +) / Double(max(1, labelLines.count)) }
    public var page: Int { anchor?.page ?? labelLines.first?.page ?? 0 }
}

/// Attaches label lines to value lines.
public enum RowBands {
    /// Builds rows from value-carrying `anchors` and text-only `labels` (both of one table on
    /// one page).
    ///
    /// A label line belongs to the nearest anchor when their centres are within
    /// `attach` × the label's line height (a two-line label wraps half a line above and below
    /// its vertically centred values). A label line that is not that close to any anchor but sits
    /// directly against a label line already attached (line pitch ≤ `wrapPitch` × line height, on
    /// the side away from the anchor) continues that label when the label stays centred on, or
    /// top- or bottom-aligned with, the values (three-line labels, top-aligned cells). The remaining label
    /// lines form label-only rows, consecutive lines within `wrapPitch` merged into one label.
    /// Vertical distance from `l` to the nearest label line of `row`.
    static func gapToLabel(_ row: RowBand, _ l: TextLine) -> Double {
        row.labelLines.map { abs($0.midY - l.midY) }.min() ?? .infinity
    }

    ///
    /// `prior` is what earlier pages of the same table showed of how its wrapped labels stand
    /// against their values (`contradictedLines`).
    public static func build(anchors: [TextLine], labels: [TextLine], attach: Double = 0.62, wrapPitch: Double = 1.25, prior: WrapEvidence = WrapEvidence()) -> [RowBand] {
        var rows = anchors.sorted { $0.midY < $1.midY }.map { RowBand(anchor: $0, labelLines: []) }
        var loose: [TextLine] = []
        for l in labels.sorted(by: { $0.midY < $1.midY }) {
            let h = max(l.height, l.fontSize, 1)
            let nearest = rows.indices.min { abs(rows[$0].anchor!.midY - l.midY) < abs(rows[$1].anchor!.midY - l.midY) }
            if let n = nearest, abs(rows[n].anchor!.midY - l.midY) <= attach * h {
                rows[n].labelLines.append(l)
            } else {
                loose.append(l)
            }
        }
        // Three-line labels: extend outward from attached lines.
        var changed = true
        while changed {
            changed = false
            for (i, l) in loose.enumerated() {
                let h = max(l.height, l.fontSize, 1)
                // Of the rows the line could continue, the nearest (a line between two rows
                // belongs to the one whose label it reaches first).
                let fits = rows.indices.filter { idx in
                    guard let a = rows[idx].anchor, !rows[idx].labelLines.isEmpty else { return false }
                    let top = rows[idx].labelLines.map(\.midY).min()!, bottom = rows[idx].labelLines.map(\.midY).max()!
                    let above = l.midY < a.midY && top - l.midY > 0 && top - l.midY <= wrapPitch * h
                    let below = l.midY > a.midY && l.midY - bottom > 0 && l.midY - bottom <= wrapPitch * h
                    // Only when the label stays centred on, or top- or bottom-aligned with, its values.
                    let newTop = min(top, l.midY), newBottom = max(bottom, l.midY)
                    let aligned = abs((newTop + newBottom) / 2 - a.midY) <= 0.62 * h
                        || abs(newTop - a.midY) <= 0.62 * h || abs(newBottom - a.midY) <= 0.62 * h
                    return (above || below) && aligned
                }
                if let r = fits.min(by: { gapToLabel(rows[$0], l) < gapToLabel(rows[$1], l) }) {
                    rows[r].labelLines.append(l); rows[r].labelLines.sort { $0.midY < $1.midY }
                    loose.remove(at: i); changed = true; break
                }
            }
        }
        loose += contradictedLines(&rows, prior: prior)
        loose.sort { $0.midY < $1.midY }
        // Label-only rows.
        var group: [TextLine] = []
        func flush() { if !group.isEmpty { rows.append(RowBand(anchor: nil, labelLines: group)); group = [] } }
        for l in loose {
            if let last = group.last, l.midY - last.midY <= 1.3 * max(l.height, l.fontSize, 1) { group.append(l) } else { flush(); group = [l] }
        }
        flush()
        for i in rows.indices { rows[i].labelLines.sort { $0.midY < $1.midY } }
        return rows.sorted { $0.midY < $1.midY }
    }

    /// How a wrapped label stands against its values: values on its first line, its last
    /// line, or between.
    public enum WrapAlignment: Sendable { case top, centre, bottom }

    /// How many rows of a table print their values on a wrapped label's first line (`top`) and
    /// how many on its last (`bottom`); carried from page to page of one table.
    public struct WrapEvidence: Sendable, Equatable {
        public var top = 0, bottom = 0
        public init(top: Int = 0, bottom: Int = 0) { self.top = top; self.bottom = bottom }
        /// The evidence of `alignments` (one per row, `nil` for one-line labels) added to this.
        public func adding(_ alignments: [WrapAlignment?]) -> WrapEvidence {
            WrapEvidence(top: top + alignments.filter { $0 == .top }.count, bottom: bottom + alignments.filter { $0 == .bottom }.count)
        }
    }

    /// The alignment of a row with two or more label lines; `nil` for a one-line label.
    /// A label line is level with the values when their centres are within `level` line heights
    /// (`TableSettings.wrapLevel`).
    public static func alignment(of row: RowBand, level: Double = TableSettings.standard.wrapLevel) -> WrapAlignment? {
        guard let a = row.anchor, row.labelLines.count >= 2,
              let first = row.labelLines.first, let last = row.labelLines.last else { return nil }
        let reach = levelReach(a, level)
        if abs(first.midY - a.midY) <= reach, last.midY - a.midY > reach { return .top }
        if abs(last.midY - a.midY) <= reach, a.midY - first.midY > reach { return .bottom }
        return .centre
    }

    /// How far (points) a label line's centre may stand from the value line `anchor`'s and still
    /// be level with it: `level` of its height (or font size).
    static func levelReach(_ anchor: TextLine, _ level: Double) -> Double { level * max(anchor.height, anchor.fontSize, 1) }

    /// Lines taken from rows whose label stands against its values the opposite way to the
    /// table's other wrapped labels: when more rows print their values on a label's first line
    /// than on its last, a row that reads bottom-aligned got a line that is no part of it (the
    /// tail of a label broken by a page break, alone above the first row of the next page), and
    /// the lines above its values are removed from it; the same the other way round. The rows
    /// of earlier pages of the table (`prior`) count as well: the tail of a label broken by the
    /// page break may stand above the only wrapped row of the next page.
    static func contradictedLines(_ rows: inout [RowBand], prior: WrapEvidence) -> [TextLine] {
        let aligned = rows.map { alignment(of: $0) }
        let evidence = prior.adding(aligned)
        let top = evidence.top, bottom = evidence.bottom
        guard top != bottom else { return [] }
        let wrong: WrapAlignment = top > bottom ? .bottom : .top
        var out: [TextLine] = []
        for i in rows.indices where aligned[i] == wrong {
            let a = rows[i].anchor!
            let reach = levelReach(a, TableSettings.standard.wrapLevel)
            let stray = rows[i].labelLines.filter { wrong == .bottom ? a.midY - $0.midY > reach : $0.midY - a.midY > reach }
            rows[i].labelLines.removeAll { stray.contains($0) }
            out += stray
        }
        return out
    }
}
