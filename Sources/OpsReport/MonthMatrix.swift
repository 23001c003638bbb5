import PDFLayout
import TableLayout

/// A table of values by row label and month: the shape of the helpdesk, website and party
/// statistics tables.
public struct MonthMatrix: Sendable {
    public struct Row: Sendable {
        /// The row label, wrapped lines joined, footnote markers removed.
        public var label: String
        /// The label's cell (for provenance), `nil` when the row has no label.
        public var labelCell: Cell?
        /// One entry per month column; `nil` where nothing is printed in that column.
        public var cells: [Cell?]
    }
    /// Column months `YYYY-MM`, left to right.
    public var months: [String]
    /// Cells of the month header (one per column, `nil` when the header of a column is missing).
    public var headerCells: [Cell?]
    /// Whether some or all months were not printed legibly and were inferred from the
    /// neighbouring columns or the report period.
    public var monthsInferred: Bool
    public var rows: [Row]
    /// Number of columns the values' own extents form (before header cells anchor empty or
    /// merged columns).
    var valueColumns = 0
    /// How this table's wrapped labels stand against their values, on this and earlier pages.
    var wrapEvidence = RowBands.WrapEvidence()
}

/// Reconstructs a `MonthMatrix` from a table region.
public enum MonthMatrixParser {
    nonisolated(unsafe) static let footnoteSuffix = #/(.*[A-Za-z)]{3})\d{1,2}/#

    /// Parses the lines of `region`.
    ///
    /// Columns come from the horizontal extents of the numeric cells (right-aligned numbers of a
    /// column overlap); the header band is the lines above the first value row, where wrapped
    /// headers (`Jan-` over `17`) are joined per column and a spanning year (`2017`) gives the
    /// year to month names without one. Rows are anchored on lines that carry values; wrapped
    /// label lines attach to the nearest anchor (`RowBands`). Footnote markers (digits in a
    /// smaller font) are dropped. A page that continues the table reuses the months of the
    /// previous page when it has no header of its own.
    ///
    /// - Parameter period: the report's period, used only when no month header is legible.
    /// - Returns: `nil` when the region holds no value rows.
    public static func parse(_ region: TableRegion, period: String?) -> MonthMatrix? {
        var result: MonthMatrix? = nil
        for segment in region.segments {
            guard let part = parseSegment(segment, period: period, previous: result) else { continue }
            if var r = result {
                r.wrapEvidence = part.wrapEvidence
                if part.months == r.months || part.monthsInferred {
                    var rows = part.rows
                    // A row broken by the page break: its values and the start of its label on
                    // one page, the rest of the label alone at the top of the next.
                    if let first = rows.first, first.cells.allSatisfy({ $0 == nil }), !first.label.isEmpty,
                       let last = r.rows.last, last.cells.contains(where: { $0 != nil }), !last.label.isEmpty {
                        let joined = WrappedText.join([last.label, first.label])
                        r.rows[r.rows.count - 1].label = joined
                        r.rows[r.rows.count - 1].labelCell?.text = joined
                        rows.removeFirst()
                    }
                    r.rows += rows.filter { p in !p.cells.allSatisfy { $0 == nil } || !p.label.isEmpty }
                } else {
                    // Columns continued on another page: join by row label.
                    r.months += part.months; r.headerCells += part.headerCells
                    for i in r.rows.indices {
                        let match = part.rows.first { $0.label == r.rows[i].label }
                        r.rows[i].cells += match?.cells ?? Array(repeating: nil, count: part.months.count)
                    }
                }
                result = r
            } else {
                result = part
            }
        }
        return result
    }

    static func parseSegment(_ raw: [TextLine], period: String?, previous: MonthMatrix?) -> MonthMatrix? {
        // Thousands groups split at a (no-break, thin) space: join them when the joined reading
        // gives as many value columns as the header has months and the split one does not, or
        // the separator's evidence is dominant. Each candidate separator is tried, best first.
        let seps = DigitGroups.separators(raw)
        let b = parseSegment(lines: raw, period: period, previous: previous)
        guard !seps.isEmpty else { return b }
        let headerCount = headerMonthColumns(raw.map(splitGluedMonths))
        var readings: [(matrix: MonthMatrix, dominant: Bool)] = []
        for sep in seps {
            let edges = DigitGroups.columnEdges(raw, separatorGap: sep.gap)
            let joined = raw.map { DigitGroups.joinDigitGroups($0, separatorGap: sep.gap, edges: edges) }
            if joined != raw, let a = parseSegment(lines: joined, period: period, previous: previous) { readings.append((a, sep.dominant)) }
        }
        // The reading whose values themselves line up in as many columns as the header has months
        // (months glued across header cells counted apart, `JanuaryFebruary`).
        if let a = readings.first(where: { $0.dominant && $0.matrix.valueColumns == headerCount }) { return a.matrix }
        if let b, b.valueColumns == headerCount { return b }
        if let a = readings.first(where: { $0.matrix.valueColumns == headerCount }) { return a.matrix }
        guard let a = readings.first(where: \.dominant)?.matrix else { return b }
        guard let b else { return a }
        return abs(a.valueColumns - headerCount) < abs(b.valueColumns - headerCount) ? a : b
    }

    static func parseSegment(lines unsplit: [TextLine], period: String?, previous: MonthMatrix?) -> MonthMatrix? {
        var lines = unsplit.map(splitGluedMonths)
        // Header band: lines up to the last one with month names, plus wrapped year parts below.
        let monthLineIdx = lines.indices.filter { i in lines[i].words.filter { isMonthWord($0.text) }.count >= 2 }
        // Year parts glued together sit on the line below the months, or one further down when a
        // label-column heading (`Category`) centred on the band is a line of its own between.
        for i in monthLineIdx {
            for j in (i + 1)...(i + 2) where j < lines.count { lines[j] = GluedWords.splitYears(lines[j]) { MonthText.year($0) != nil } }
        }
        var headerEnd = -1
        if let last = monthLineIdx.last, last < lines.count {
            headerEnd = last
            let monthX0 = monthsX0(lines[last].words) ?? 0
            while headerEnd + 1 < lines.count {
                let next = lines[headerEnd + 1]
                if isHeaderContinuation(next, above: Array(lines[0...headerEnd])) || isHeaderDebris(next, monthX0: monthX0) { headerEnd += 1; continue }
                // A label-column heading ("Category") vertically centred on a wrapped header band
                // is a line of its own between two header lines: it belongs to the band.
                if headerEnd + 2 < lines.count, isLabelColumnOnly(next, monthX0: monthX0),
                   isHeaderContinuation(lines[headerEnd + 2], above: Array(lines[0...headerEnd])) {
                    headerEnd += 2; continue
                }
                break
            }
        }
        // The band's top: the first month line, and the lines right above it that hold only
        // header text (a spanning year, a label-column heading); running text, a section
        // heading or a page title above the table is not header.
        var headerStart = monthLineIdx.first ?? 0
        if let first = monthLineIdx.first {
            let monthX0 = monthsX0(lines[first].words) ?? 0
            while headerStart > 0, isHeaderAbove(lines[headerStart - 1], over: lines[headerStart], monthX0: monthX0) { headerStart -= 1 }
        }
        let headerLines = headerEnd >= 0 ? Array(lines[headerStart...headerEnd]) : []
        // Running text is not a table row: it has words after its numbers ("90 telephone enquiries").
        let body = lines[(headerEnd + 1)...].filter { !RunningText.isProse($0) }

        // Value words: numeric in the body font (footnote markers are smaller).
        let numericWords = body.flatMap { $0.words.filter { NumberText.isNumeric($0.text) } }
        guard !numericWords.isEmpty else { return nil }
        let sizes = numericWords.map(\.fontSize).sorted()
        let bodySize = sizes[sizes.count / 2]
        func isFootnote(_ w: Word) -> Bool { bodySize > 0 && w.fontSize > 0 && w.fontSize < TableSettings.standard.footnoteSize * bodySize }
        let clean = numericWords.filter { !isFootnote($0) }
        // Month header cells: a column is printed under each, even when every cell of it is empty.
        let (spans, valueColumns) = ValueColumns.columns(values: clean, body: Array(body), headerCells: headerLines.flatMap(monthCells))
        guard !spans.isEmpty else { return nil }
        // A line without a digit and without a word in the label column (left of the first
        // value column) is no row and no part of a label: header debris below the band (an
        // OCR-damaged year line, `bv sn PEPER: Eo Ue …`).
        let rowLines = body.filter { l in l.words.contains { $0.text.contains(where: \.isNumber) } || l.words.contains { $0.bbox.x1 < spans[0].x0 } }
        let prior = previous?.wrapEvidence ?? RowBands.WrapEvidence()
        let gridRows = GridRows.rows(body: rowLines, spans: spans, isValue: NumberText.isNumeric, skip: { isFootnote($0) && NumberText.isNumeric($0.text) }, prior: prior)
        let rows = gridRows
            .map { r in
                let words = r.labelLines.flatMap(\.words)
                return MonthMatrix.Row(label: WrappedText.join(r.labelLines.map { cleanLabel($0.text) }),
                                       labelCell: words.isEmpty ? nil : Cell(words: words), cells: r.cells)
            }

        // Months from the header band.
        let centres = spans.map(\.midX)
        let steps = zip(centres, centres.dropFirst()).map { $1 - $0 }.sorted()
        let pitch = steps.isEmpty ? 60 : steps[steps.count / 2]
        var headerCells = [Cell?](repeating: nil, count: spans.count)
        var parsed = [(month: Int, year: Int?)?](repeating: nil, count: spans.count)
        var yearLabels: [(x: Double, year: Int)] = []
        var perColumn: [Int: [Word]] = [:]
        for l in headerLines {
            // A line with one month cell per column names the columns in order, as a person
            // reads it, however far its cells stand from their values (wide headers over
            // narrow left-aligned values, header text glued across cells).
            let cells = monthCells(l)
            let inOrder = cells.count == spans.count ? cells : []
            for (c, w) in inOrder.enumerated() { perColumn[c, default: []].append(w) }
            // A month and the year printed after it (`Sept 2022`) are one header cell.
            for w in headerUnits(l) where !inOrder.contains(w) {
                if let y = MonthText.year(w.text), !l.words.contains(where: { isMonthWord($0.text) && $0.bbox.xOverlap(w.bbox) > 0 }) {
                    if l.words.filter({ isMonthWord($0.text) }).isEmpty { yearLabels.append((w.bbox.midX, y)); continue }
                }
                // A header stands over its column's values, centred, left- or right-aligned: the
                // column its cell overlaps most (a wide header over narrow left-aligned values
                // is far from their centre), else the column whose centre is within half a
                // column pitch.
                if let c = spans.indices.max(by: { spans[$0].overlap(w.bbox) < spans[$1].overlap(w.bbox) }), spans[c].overlap(w.bbox) > 0 {
                    perColumn[c, default: []].append(w)
                } else if let c = spans.indices.min(by: { abs(spans[$0].midX - w.bbox.midX) < abs(spans[$1].midX - w.bbox.midX) }),
                   abs(spans[c].midX - w.bbox.midX) < TableSettings.standard.headerColumnReach * pitch {
                    perColumn[c, default: []].append(w)
                }
            }
        }
        for (c, ws) in perColumn {
            // Join top to bottom; words of one line left to right.
            let ordered = ws.sorted { ($0.bbox.midY, $0.bbox.x0) < ($1.bbox.midY, $1.bbox.x0) }
            let text = joinHeader(ordered)
            headerCells[c] = Cell(text: text, bbox: ordered.dropFirst().reduce(ordered[0].bbox) { $0.union($1.bbox) }, page: ordered[0].page)
            parsed[c] = MonthText.parseHeader(text)
        }
        let (months, inferred) = resolveMonths(parsed, yearLabels: yearLabels, spans: spans, period: period, previous: previous)
        // A grid, not a stray number or two: two columns and two rows with values, or one row
        // with three or more values under legible month headers or continuing a table read on
        // the page before (a total row alone at the top of the next page).
        let filled = rows.map { $0.cells.compactMap { $0 }.filter { NumberText.isNumeric($0.text) || NumberText.isNumberLike($0.text) }.count }
        let headerRead = parsed.contains { $0 != nil }
        guard spans.count >= 2, filled.filter({ $0 >= 2 }).count >= 2 || ((headerRead || previous != nil) && filled.contains { $0 >= 3 }) else { return nil }
        return MonthMatrix(months: months, headerCells: headerCells, monthsInferred: inferred, rows: rows, valueColumns: valueColumns,
                           wrapEvidence: prior.adding(gridRows.map(\.wrap)))
    }

    static func joinHeader(_ words: [Word]) -> String {
        var out = ""
        for w in words {
            if out.isEmpty || out.hasSuffix("-") || out.hasSuffix("/") { out += w.text } else { out += " " + w.text }
        }
        return out
    }

    /// Removes footnote digits glued to a label word ("Withdrawals1" → "Withdrawals").
    static func cleanLabel(_ t: String) -> String {
        var s = t.trimmingWhitespace
        if let m = s.wholeMatch(of: footnoteSuffix) { s = String(m.1) }
        // OCR border artefacts at the start of a label: "| 188", "(Assessments"; footnote marks
        // read as punctuation at the end: "Withdrawals*", "Expulsions”", "Sub-Committees |".
        while let f = s.first, "|([{".contains(f) { s.removeFirst(); s = s.trimmingWhitespace }
        while let l = s.last, "|*”\"'’:;,.^°¹²³".contains(l) { s.removeLast(); s = s.trimmingWhitespace }
        return s
    }

    /// Fills in years and months not printed, keeping the sequence consecutive.
    static func resolveMonths(_ parsed: [(month: Int, year: Int?)?], yearLabels: [(x: Double, year: Int)], spans: [ColumnSpan],
                              period: String?, previous: MonthMatrix?) -> ([String], Bool) {
        let n = parsed.count
        if parsed.allSatisfy({ $0 == nil }) {
            if let prev = previous, prev.months.count == n { return (prev.months, prev.monthsInferred) }
            guard let period else { return (Array(repeating: "", count: n), true) }
            return (MonthText.trailing(n, endingAt: period), true)
        }
        // Absolute month indices where the year is printed.
        var index = [Int?](repeating: nil, count: n)
        for (i, p) in parsed.enumerated() { if let p, let y = p.year { index[i] = y * 12 + p.month - 1 } }
        if index.allSatisfy({ $0 == nil }) {
            // Month names only: years from the year labels (one per run of months between wraps).
            var runs: [[Int]] = [[]]
            var lastMonth: Int? = nil
            for (i, p) in parsed.enumerated() {
                guard let p else { runs[runs.count - 1].append(i); continue }
                if let lm = lastMonth, p.month <= lm { runs.append([]) }
                runs[runs.count - 1].append(i); lastMonth = p.month
            }
            let labels = yearLabels.sorted { $0.x < $1.x }.map(\.year)
            var years: [Int] = []
            if labels.count == runs.count { years = labels }
            else if let l = labels.last { years = (0..<runs.count).map { l - (runs.count - 1 - $0) } }
            else if let period, let (py, pm) = MonthText.split(period) {
                let lastM = parsed.compactMap { $0 }.last!.month
                let lastY = lastM <= pm ? py : py - 1
                years = (0..<runs.count).map { lastY - (runs.count - 1 - $0) }
            }
            if !years.isEmpty {
                for (r, run) in runs.enumerated() { for i in run { if let p = parsed[i] { index[i] = years[r] * 12 + p.month - 1 } } }
            }
        }
        // Fill gaps consecutively from the nearest known column.
        var inferred = false
        guard let known = index.indices.first(where: { index[$0] != nil }) else { return (Array(repeating: "", count: n), true) }
        for i in 0..<n where index[i] == nil {
            inferred = true
            let k = index.indices.filter { index[$0] != nil }.min { abs($0 - i) < abs($1 - i) } ?? known
            index[i] = index[k]! + (i - k)
        }
        // A report prints no month after its own period: inferred years that say otherwise are
        // a year (or more) late and are moved back whole years.
        if let period, let (py, pm) = MonthText.split(period), let last = index.compactMap({ $0 }).max() {
            let limit = py * 12 + pm - 1
            if last > limit {
                let years = (last - limit + 11) / 12
                index = index.map { $0.map { $0 - 12 * years } }
                inferred = true
            }
        }
        return (index.map { MonthText.period($0! / 12, $0! % 12 + 1) }, inferred)
    }



}
