import PDFLayout

/// The geometry of a table of labelled values in one value column: which words are values,
/// which are label text, where the header line is, and how label text splits into a group
/// column (spanning labels on the left) and a label column.
///
/// The stage knows positions only; what the cells mean (a total's label, the group names) is
/// the caller's. Tolerances are `TableSettings`' `valueColumnSlack`, `headerClearance`,
/// `headerCentring`, `headerBandReach`, `labelClearance`, `labelStartCluster`,
/// `groupColumnClearance`, `groupOnValueLine`, `groupStack` and `footnoteSize`.
public struct KeyValueLayout: Sendable {
    /// The value column: the cluster of numeric words holding the most of them.
    public var valueColumn: ColumnSpan
    /// Centre of the header line over the value column, `nil` without one.
    public var headerY: Double?
    /// Numeric words set smaller than the values (raised footnote markers), left out of all.
    public var footnotes: Set<Word>
    /// Per line below the header, its words in the value column (values, damaged ones and
    /// dashes included).
    public var valueLines: [TextLine]
    /// Label text of the label column, one line each.
    public var labelLines: [TextLine]
    /// Label text of the group column, and whole label lines that belong to no column
    /// (`wholeLine`), top to bottom as printed.
    public var groupLines: [TextLine]
    /// Where the label column starts (x, points): the most common left edge of label lines.
    public var labelColumnStart: Double
    /// Rows: each value line with the label lines around it, and label-only rows (`RowBands`).
    public var rows: [RowBand]
    /// The settings the layout was read with.
    public var settings: TableSettings

    /// Reads the layout of `lines` (one segment of a table, prose already left out).
    /// - Parameter wholeLine: label text that votes for no column and goes whole to the group
    ///   column (a total's label, `Grand Total`).
    /// - Returns: `nil` when the lines hold no numeric word.
    public static func read(_ lines: [TextLine], wholeLine: (TextLine) -> Bool, settings: TableSettings = .standard) -> KeyValueLayout? {
        let allNumeric = lines.flatMap { $0.words.filter { NumberText.isNumeric($0.text) || NumberText.isNumberLike($0.text) && $0.text.contains(where: \.isNumber) } }
        // Footnote markers (a raised digit set smaller than the values) are not values.
        let sizes = allNumeric.map(\.fontSize).filter { $0 > 0 }.sorted()
        let bodySize = sizes.isEmpty ? 0 : sizes[sizes.count / 2]
        let footnotes = Set(allNumeric.filter { bodySize > 0 && $0.fontSize > 0 && $0.fontSize < settings.footnoteSize * bodySize })
        let numeric = allNumeric.filter { !footnotes.contains($0) }
        guard !numeric.isEmpty else { return nil }
        // The value column: the cluster of numeric words holding the most of them.
        let ems = numeric.map(\.em).sorted()
        let spans = ColumnClusters.spans(of: numeric.map(\.bbox), slack: settings.valueColumnSlack * ems[ems.count / 2])
        guard let valueSpan = spans.max(by: { a, b in
            numeric.filter { a.overlap($0.bbox) > 0 }.count < numeric.filter { b.overlap($0.bbox) > 0 }.count
        }) else { return nil }
        let firstValueMid = numeric.filter { valueSpan.overlap($0.bbox) > 0 }.map(\.bbox.midY).min() ?? 0
        // Header: the last line above the first value that labels the value column ("Days").
        let headerY = lines.filter { l in
            l.midY < firstValueMid - settings.headerClearance * max(l.height, l.fontSize)
                && l.words.contains { !NumberText.isNumeric($0.text) && valueSpan.overlap($0.bbox) > 0 || abs($0.bbox.midX - valueSpan.midX) < settings.headerCentring * $0.em }
        }.map(\.midY).max()

        var anchors: [TextLine] = [], labelParts: [TextLine] = []
        for l in lines {
            if let headerY, l.midY <= headerY + settings.headerBandReach * l.height { continue }
            // Values: words with a digit (damaged ones included) or a dash standing for zero, not
            // a label word that reaches into the column (`Sub-Committees` beside a wide total).
            let values = l.words.filter { valueSpan.overlap($0.bbox) > 0 && !footnotes.contains($0) && ($0.text.contains(where: \.isNumber) || NumberText.isNumeric($0.text)) }
            // Label text: left of the value column, or words that are no number and reach into
            // the column's extent from the left (a long label beside a wide total).
            let text = l.words.filter { w in
                !values.contains(w) && !footnotes.contains(w)
                    && (w.bbox.x1 < valueSpan.x0 - settings.labelClearance * w.em || (!NumberText.isNumeric(w.text) && w.bbox.midX < valueSpan.midX))
            }
            if !values.isEmpty { anchors.append(TextLine(words: values, page: l.page)) }
            if !text.isEmpty { labelParts.append(TextLine(words: text, page: l.page)) }
        }
        // Split label text into a group column and a label column by the lines' left edges.
        // A whole line (a total's label) sits in the group column: it does not vote.
        let voters = labelParts.filter { !wholeLine($0) }
        let labelEms = voters.map(\.em).sorted()
        let em = labelEms.isEmpty ? 0 : labelEms[labelEms.count / 2]
        let start = mostCommon(voters.map { $0.words[0].bbox.x0 }, within: settings.labelStartCluster * em)
        let split = start - settings.groupColumnClearance * em
        var groupLines: [TextLine] = [], labelLines: [TextLine] = []
        for l in labelParts {
            if wholeLine(l) { groupLines.append(l); continue }
            let g = l.words.filter { $0.bbox.x1 < split }
            let r = l.words.filter { $0.bbox.x1 >= split }
            if !g.isEmpty { groupLines.append(TextLine(words: g, page: l.page)) }
            if !r.isEmpty { labelLines.append(TextLine(words: r, page: l.page)) }
        }
        return KeyValueLayout(valueColumn: valueSpan, headerY: headerY, footnotes: footnotes, valueLines: anchors,
                              labelLines: labelLines, groupLines: groupLines, labelColumnStart: start,
                              rows: RowBands.build(anchors: anchors, labels: labelLines), settings: settings)
    }

    /// The value line that `line` (of the group column) stands on: the first whose centre is
    /// within `groupOnValueLine` line heights of its own, else `nil`.
    public func valueLine(beside line: TextLine) -> TextLine? {
        valueLines.first { abs($0.midY - line.midY) < settings.groupOnValueLine * max(line.height, line.fontSize) }
    }

    /// `lines` of the group column stacked into spanning labels: consecutive lines at most
    /// `groupStack` line heights apart are one label. Top to bottom.
    public func groupBlocks(_ lines: [TextLine]) -> [[TextLine]] {
        LineBlocks.stack(lines, reach: settings.groupStack, measure: .line)
    }

    /// The most common value among `xs` counting those within `tolerance` of it (the right-most
    /// on a tie), returned as the smallest value of its cluster; 0 for none.
    public static func mostCommon(_ xs: [Double], within tolerance: Double) -> Double {
        var best = xs.first ?? 0, bestCount = 0
        for x in xs {
            let c = xs.filter { abs($0 - x) <= tolerance }.count
            if c > bestCount || (c == bestCount && x > best) { best = x; bestCount = c }
        }
        return xs.filter { abs($0 - best) <= tolerance }.min() ?? best
    }
}
