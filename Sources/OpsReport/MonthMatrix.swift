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
        // gives as many value columns as the header has months, or the split one does not.
        guard let gap = separatorGap(raw) else { return parseSegment(lines: raw, period: period, previous: previous) }
        let joined = raw.map { joinDigitGroups($0, separatorGap: gap) }
        guard joined != raw else { return parseSegment(lines: raw, period: period, previous: previous) }
        let a = parseSegment(lines: joined, period: period, previous: previous)
        let b = parseSegment(lines: raw, period: period, previous: previous)
        guard let a else { return b }
        guard let b else { return a }
        // The reading whose values themselves line up in as many columns as the header has months.
        let headerCount = raw.map { $0.words.filter { isMonthWord($0.text) }.count }.max() ?? 0
        if a.valueColumns == headerCount { return a }
        if b.valueColumns == headerCount { return b }
        return abs(a.valueColumns - headerCount) < abs(b.valueColumns - headerCount) ? a : b
    }

    static func parseSegment(lines unsplit: [TextLine], period: String?, previous: MonthMatrix?) -> MonthMatrix? {
        let lines = unsplit.map(splitGluedMonths)
        // Header band: lines up to the last one with month names, plus wrapped year parts below.
        let monthLineIdx = lines.indices.filter { i in lines[i].words.filter { isMonthWord($0.text) }.count >= 2 }
        var headerEnd = -1
        if let last = monthLineIdx.last, last < lines.count {
            headerEnd = last
            let monthX0 = lines[last].words.filter { isMonthWord($0.text) }.map(\.bbox.x0).min() ?? 0
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
        let headerLines = headerEnd >= 0 ? Array(lines[0...headerEnd]) : []
        // Running text is not a table row: it has words after its numbers ("90 telephone enquiries").
        let body = lines[(headerEnd + 1)...].filter { !RunningText.isProse($0) }

        // Value words: numeric in the body font (footnote markers are smaller).
        let numericWords = body.flatMap { $0.words.filter { NumberText.isNumeric($0.text) } }
        guard !numericWords.isEmpty else { return nil }
        let sizes = numericWords.map(\.fontSize).sorted()
        let bodySize = sizes[sizes.count / 2]
        func isFootnote(_ w: Word) -> Bool { bodySize > 0 && w.fontSize > 0 && w.fontSize < 0.85 * bodySize }
        let clean = numericWords.filter { !isFootnote($0) }
        var spans = ColumnClusters.spans(of: clean.map(\.bbox))
        // A column must have values in at least two rows (or the table has one row).
        let rowsWithValues = body.filter { $0.words.contains { NumberText.isNumeric($0.text) && !isFootnote($0) } }.count
        // Month header words: a column is printed under each, even when every cell of it is empty.
        let monthHeads = headerLines.flatMap(monthCells)
        if rowsWithValues >= 3 {
            // Drop stray numbers: keep columns with two or more values or a month header over
            // them, and single-value columns that sit on the regular column pitch (an OCR layer
            // may keep one value of a column).
            let supported = spans.filter { s in
                clean.filter { s.overlap($0.bbox) > 0 }.count >= 2 || monthHeads.contains { s.overlap($0.bbox) > 0 }
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
        // The month header says how many columns the table has. When the values' extents do not
        // give that many (centred or left-aligned values 2 pt apart, whole columns left empty),
        // each header cell anchors its column: the columns split the row midway between
        // neighbouring header centres.
        let valueColumns = spans.count
        let heads = distinctColumns(monthHeads)
        let headSteps = zip(heads, heads.dropFirst()).map { $1.midX - $0.midX }
        // A header read whole: its cells stand at a regular pitch (none lost in between).
        let regularHeads = heads.count >= 2 && (headSteps.max() ?? 0) <= TableSettings.standard.regularPitch * (headSteps.min() ?? 0)
        if regularHeads, spans.count > heads.count {
            // More value columns than months: a column whose values do not overlap (centred or
            // left-aligned values of different widths) joins the month it stands under.
            // Two parts of one column never both hold a value of the same row.
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
            let firstValues = clean.filter { anchored[0].overlap($0.bbox) > 0.5 * $0.bbox.width }.map(\.bbox.x0)
            anchored[0].x0 = max(anchored[0].x0, min(firstValues.min() ?? heads[0].x0, heads[0].x0))
            spans = anchored
        } else if let firstValue = spans.first, spans.count >= 2 {
            // Columns whose cells are all empty: the header word's extent, where no value column is.
            let steps = zip(spans, spans.dropFirst()).map { $1.midX - $0.midX }.sorted()
            let pitch = steps[steps.count / 2]
            for h in monthHeads where h.bbox.x0 >= firstValue.x0 - 0.5 * h.bbox.width
                && !spans.contains(where: { $0.overlap(h.bbox) > 0 || abs($0.midX - h.bbox.midX) < 0.5 * pitch }) {
                spans.append(ColumnSpan(x0: h.bbox.x0, x1: h.bbox.x1))
            }
            spans.sort { $0.x0 < $1.x0 }
        }
        guard let firstSpan = spans.first else { return nil }
        let labelLimit = firstSpan.x0 - 2

        var anchors: [TextLine] = []
        var labels: [TextLine] = []
        for l in body {
            var values: [Word] = [], text: [Word] = []
            for w in l.words.flatMap({ splitAcrossColumns($0, spans) }) {
                if isFootnote(w) && NumberText.isNumeric(w.text) { continue }
                // Whatever is printed inside a value column is that cell's printed text, even
                // when OCR damage makes it unreadable as a number ("bi", "te}"); the reconciler
                // judges it. Text left of the first column is label text.
                if w.bbox.x1 <= labelLimit {
                    text.append(w)
                } else if spans.contains(where: { $0.overlap(w.bbox) > 0 }) {
                    values.append(w)
                } else if w.bbox.midX < labelLimit, !NumberText.isNumeric(w.text) {
                    text.append(w)
                }
            }
            if !values.isEmpty { anchors.append(TextLine(words: values, page: l.page)) }
            if !text.isEmpty { labels.append(TextLine(words: text, page: l.page)) }
        }
        let bands = RowBands.build(anchors: mergeSplitAnchors(anchors, spans: spans), labels: labels)

        var rows: [MonthMatrix.Row] = []
        for band in bands {
            var cells = [Cell?](repeating: nil, count: spans.count)
            var byColumn: [Int: [Word]] = [:]
            for w in band.anchor?.words ?? [] {
                if let c = ColumnClusters.index(of: w.bbox, in: spans) { byColumn[c, default: []].append(w) }
            }
            for (c, ws) in byColumn { cells[c] = Cell(words: ws) }
            let labelWords = band.labelLines.flatMap(\.words)
            let label = WrappedText.join(band.labelLines.map { cleanLabel($0.text) })
            rows.append(MonthMatrix.Row(label: label, labelCell: labelWords.isEmpty ? nil : Cell(words: labelWords), cells: cells))
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
            for w in l.words {
                if let y = MonthText.year(w.text), !l.words.contains(where: { isMonthWord($0.text) && $0.bbox.xOverlap(w.bbox) > 0 }) {
                    if l.words.filter({ isMonthWord($0.text) }).isEmpty { yearLabels.append((w.bbox.midX, y)); continue }
                }
                // Headers are centred or left-aligned over right-aligned values: take the
                // column whose centre is within half a column pitch.
                if let c = spans.indices.min(by: { abs(spans[$0].midX - w.bbox.midX) < abs(spans[$1].midX - w.bbox.midX) }),
                   abs(spans[c].midX - w.bbox.midX) < 0.5 * pitch {
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
        // with three or more values under legible month headers.
        let filled = rows.map { $0.cells.compactMap { $0 }.filter { NumberText.isNumeric($0.text) || NumberText.isNumberLike($0.text) }.count }
        let headerRead = parsed.contains { $0 != nil }
        guard spans.count >= 2, filled.filter({ $0 >= 2 }).count >= 2 || (headerRead && filled.contains { $0 >= 3 }) else { return nil }
        return MonthMatrix(months: months, headerCells: headerCells, monthsInferred: inferred, rows: rows, valueColumns: valueColumns)
    }


    /// A header word that names a month (`Jan-`, `Jan-17`, `April`, `Sept`, `Jun 2018` parts).
    static func isMonthWord(_ t: String) -> Bool {
        MonthText.parseHeader(t) != nil || MonthText.parseHeader(String(t.dropLast())) != nil && t.hasSuffix("-")
    }

    /// A line right under a month line holding the wrapped year parts (`17`, `2017`) of
    /// `Jan-`-style headers, possibly with whole month headers (`Jul-17`) between them; words in
    /// the label column (`Category`) are ignored.
    static func isHeaderContinuation(_ l: TextLine, above: [TextLine]) -> Bool {
        let monthWords = above.flatMap(\.words).filter { isMonthWord($0.text) }
        guard let monthX0 = monthWords.map(\.bbox.x0).min() else { return false }
        var headerParts = 0
        for w in l.words {
            let t = w.text
            if isMonthWord(t) { headerParts += 1; continue }
            // "17" under "Jan-", or a full year under a bare month name ("Jun" over "2018").
            if (t.count == 2 || t.count == 4), t.allSatisfy(\.isNumber),
               monthWords.contains(where: { m in
                   m.bbox.xOverlap(w.bbox) > 0
                       && (m.text.hasSuffix("-") || m.text.hasSuffix("'") || (MonthText.year(t) != nil && MonthText.parseHeader(m.text)?.year == nil))
               }) {
                headerParts += 1; continue
            }
            // A column heading over the labels ("Category") may share the line.
            if w.bbox.x1 < monthX0 - 4, !NumberText.isNumeric(t) { continue }
            return false
        }
        return headerParts > 0
    }

    /// Month headers printed so close together that they arrive glued (`Aug-20Sep-20`,
    /// `Mar-Apr-`, `OctoberNovember`, `2020Jan` from `Dec 2020` `Jan 2021`): split before a
    /// capital letter that follows a digit, a hyphen or a small letter, when every piece names a
    /// month or a year. Each piece is boxed by its glyphs (or, without glyph
    /// edges, by its share of the characters).
    static func splitGluedMonths(_ line: TextLine) -> TextLine {
        var out: [Word] = []
        var changed = false
        for w in line.words {
            let scalars = Array(w.text.unicodeScalars)
            var cuts: [Int] = []
            for i in 1..<max(1, scalars.count) where scalars[i].properties.isUppercase
                && (("0"..."9").contains(scalars[i - 1]) || scalars[i - 1] == "-" || scalars[i - 1].properties.isLowercase) { cuts.append(i) }
            guard !cuts.isEmpty else { out.append(w); continue }
            let bounds = [0] + cuts + [scalars.count]
            let pieces = zip(bounds, bounds.dropFirst()).map { (a: $0, b: $1) }
            let texts = pieces.map { String(String.UnicodeScalarView(scalars[$0.a..<$0.b])) }
            guard texts.allSatisfy({ isMonthWord($0) || MonthText.year($0) != nil }), texts.contains(where: isMonthWord) else { out.append(w); continue }
            let exact = w.glyphEdges.count == scalars.count
            func x(_ k: Int) -> Double {
                if k == 0 { return w.bbox.x0 }
                return exact ? w.glyphEdges[k - 1] : w.bbox.x0 + w.bbox.width * Double(k) / Double(scalars.count)
            }
            for p in pieces {
                var part = w
                part.text = String(String.UnicodeScalarView(scalars[p.a..<p.b]))
                part.bbox = BBox(x0: x(p.a), y0: w.bbox.y0, x1: x(p.b), y1: w.bbox.y1)
                part.glyphEdges = exact ? Array(w.glyphEdges[p.a..<p.b]) : []
                out.append(part)
            }
            changed = true
        }
        return changed ? TextLine(words: out, page: line.page) : line
    }

    /// Two values of neighbouring columns printed so close that they arrive as one word
    /// (`483115` for `483` `115`): split at the glyph edge nearest the boundary between the two
    /// columns it straddles, when each side holds at least one whole glyph.
    static func splitAcrossColumns(_ w: Word, _ spans: [ColumnSpan]) -> [Word] {
        let scalars = Array(w.text.unicodeScalars)
        guard scalars.count >= 2, w.glyphEdges.count == scalars.count, NumberText.isNumeric(w.text) || w.text.allSatisfy(\.isNumber) else { return [w] }
        let touched = spans.indices.filter { spans[$0].overlap(w.bbox) > 0 }
        guard touched.count == 2 else { return [w] }
        let boundary = (spans[touched[0]].x1 + spans[touched[1]].x0) / 2
        guard let cut = w.glyphEdges.dropLast().indices.min(by: { abs(w.glyphEdges[$0] - boundary) < abs(w.glyphEdges[$1] - boundary) }) else { return [w] }
        let edge = w.glyphEdges[cut]
        let glyph = w.bbox.width / Double(scalars.count)
        guard abs(edge - boundary) < glyph, spans[touched[0]].overlap(BBox(x0: w.bbox.x0, y0: 0, x1: edge, y1: 1)) > 0.5 * glyph,
              spans[touched[1]].overlap(BBox(x0: edge, y0: 0, x1: w.bbox.x1, y1: 1)) > 0.5 * glyph else { return [w] }
        var a = w, b = w
        a.text = String(String.UnicodeScalarView(scalars[...cut])); a.bbox.x1 = edge; a.glyphEdges = Array(w.glyphEdges[...cut])
        b.text = String(String.UnicodeScalarView(scalars[(cut + 1)...])); b.bbox.x0 = edge; b.glyphEdges = Array(w.glyphEdges[(cut + 1)...])
        guard NumberText.isNumeric(a.text), NumberText.isNumeric(b.text) else { return [w] }
        return [a, b]
    }

    /// The month header cells of a header line: each month word with the year printed right
    /// after it on the same line (`Jul 2018`), as one word.
    static func monthCells(_ l: TextLine) -> [Word] {
        var out: [Word] = []
        for (i, w) in l.words.enumerated() where isMonthWord(w.text) {
            var cell = w
            if i + 1 < l.words.count {
                let y = l.words[i + 1]
                let em = w.fontSize > 0 ? w.fontSize : w.bbox.height
                if MonthText.year(y.text) != nil || (y.text.count == 2 && y.text.allSatisfy(\.isNumber)), y.bbox.x0 - w.bbox.x1 < em {
                    cell.text = w.text + " " + y.text; cell.bbox = w.bbox.union(y.bbox); cell.glyphEdges = []
                }
            }
            out.append(cell)
        }
        return out
    }

    /// The x-extents of month header words, one per column: words whose extents overlap (a
    /// header repeated on a wrapped line) are one column. Left to right.
    static func distinctColumns(_ words: [Word]) -> [ColumnSpan] {
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

    /// A line with words only left of the month columns and none of them numeric.
    static func isLabelColumnOnly(_ l: TextLine, monthX0: Double) -> Bool {
        !l.words.isEmpty && l.words.allSatisfy { $0.bbox.x1 < monthX0 && !NumberText.isNumeric($0.text) }
    }

    /// An OCR-damaged header part below the month line: nothing in the label column and mostly
    /// two-digit year parts or non-numeric debris (`17 753 Sean eae 17 17`).
    static func isHeaderDebris(_ l: TextLine, monthX0: Double) -> Bool {
        guard !l.words.isEmpty, l.words.allSatisfy({ $0.bbox.x0 > monthX0 - 15 }) else { return false }
        let debris = l.words.filter { w in
            (w.text.count == 2 && w.text.allSatisfy(\.isNumber)) || !w.text.contains(where: \.isNumber) || isMonthWord(w.text)
        }
        return Double(debris.count) >= 0.6 * Double(l.words.count)
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

    /// Merges value lines that a skewed scan split into two: vertically within half a line and
    /// holding values in different columns.
    static func mergeSplitAnchors(_ anchors: [TextLine], spans: [ColumnSpan]) -> [TextLine] {
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

    /// Whether `w` may be a 3-digit thousands group following `last` on one line.
    static func isGroupPair(_ last: Word, _ w: Word, settings: TableSettings) -> Bool {
        let em = w.fontSize > 0 ? w.fontSize : 0.85 * w.bbox.height
        let gap = w.bbox.x0 - last.bbox.x1
        return w.text.count == 3 && w.text.allSatisfy(\.isNumber) && last.text.last?.isNumber == true && last.text.count <= 7
            && gap > 0 && gap < settings.digitGroupGap * em && abs(w.bbox.midY - last.bbox.midY) < 0.3 * w.bbox.height
    }

    /// The width of the space printed inside numbers (`1 109` with a no-break or thin space):
    /// the most common gap among candidate pairs of a number and a following 3-digit group.
    /// The separator is one glyph, so its gaps agree to `TableSettings.separatorAgreement` em;
    /// gaps between columns vary with the widths of right-aligned values. `nil` without pairs.
    static func separatorGap(_ lines: [TextLine], settings: TableSettings = .standard) -> Double? {
        var gaps: [(gap: Double, em: Double)] = []
        for l in lines {
            for (a, b) in zip(l.words, l.words.dropFirst()) where isGroupPair(a, b, settings: settings) {
                gaps.append((b.bbox.x0 - a.bbox.x1, b.fontSize > 0 ? b.fontSize : 0.85 * b.bbox.height))
            }
        }
        guard !gaps.isEmpty else { return nil }
        var best = gaps[0].gap, bestCount = 0
        for g in gaps {
            let c = gaps.filter { abs($0.gap - g.gap) <= settings.separatorAgreement * g.em }.count
            if c > bestCount { best = g.gap; bestCount = c }
        }
        return best
    }

    /// Joins thousands groups split by a (no-break, thin) space: `12` `345` → one word
    /// `12 345`, when their gap is the separator's (`separatorGap`).
    static func joinDigitGroups(_ line: TextLine, separatorGap gap: Double, settings: TableSettings = .standard) -> TextLine {
        var out: [Word] = []
        for w in line.words {
            let em = w.fontSize > 0 ? w.fontSize : 0.85 * w.bbox.height
            if let last = out.last, isGroupPair(last, w, settings: settings),
               abs((w.bbox.x0 - last.bbox.x1) - gap) <= settings.separatorAgreement * em {
                var m = last
                m.text = last.text + " " + w.text
                m.bbox = last.bbox.union(w.bbox)
                out[out.count - 1] = m
            } else {
                out.append(w)
            }
        }
        return TextLine(words: out, page: line.page)
    }
}
