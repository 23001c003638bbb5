import PDFLayout
import TableLayout

/// The header band of a month table: which lines belong to it (month lines, wrapped year
/// parts, a spanning year above, a label-column heading, OCR debris) and its month cells.
extension MonthMatrixParser {
    /// The number of month header cells printed above the values: month words of the lines
    /// before the first data line (two or more numbers and no month word), words of different
    /// lines stacked in x (the centre of one inside the other's span) counted once (a header
    /// band may put some months on a line of their own, e.g. unwrapped `Jul-17` centred
    /// between wrapped `Jun-` / `17`). A wide month word that merely runs into its neighbour's
    /// span (`May-20` printed over columns 3 pt apart) is a column of its own.
    static func headerMonthColumns(_ lines: [TextLine]) -> Int {
        var columns: [BBox] = []
        for l in lines {
            let months = l.words.filter { isMonthWord($0.text) }
            if months.isEmpty && l.words.filter({ NumberText.isNumeric($0.text) }).count >= 2 { break }
            for w in months {
                if let i = columns.firstIndex(where: { c in (c.x0...c.x1).contains(w.bbox.midX) || (w.bbox.x0...w.bbox.x1).contains(c.midX) }) { columns[i] = columns[i].union(w.bbox) } else { columns.append(w.bbox) }
            }
        }
        return columns.count
    }

    /// Where the month columns start: the left edge of the leftmost month word among `words`
    /// (`nil` when there is none); words left of it are in the label column.
    static func monthsX0(_ words: [Word]) -> Double? { words.filter { isMonthWord($0.text) }.map(\.bbox.x0).min() }

    /// A header word that names a month (`Jan-`, `Jan-17`, `April`, `Sept`, `Jun 2018` parts).
    static func isMonthWord(_ t: String) -> Bool {
        MonthText.parseHeader(t) != nil || MonthText.parseHeader(String(t.dropLast())) != nil && t.hasSuffix("-")
    }

    /// Whether `l`, right above the header line `below`, belongs to the header band: no more
    /// than `TableSettings.headerLineGap` of `below`'s em above it, and only years, month
    /// words, punctuation or a label-column heading (at most `TableSettings.labelHeadingWords`
    /// words left of `monthX0`).
    static func isHeaderAbove(_ l: TextLine, over below: TextLine, monthX0: Double) -> Bool {
        guard below.bbox.y0 - l.bbox.y1 <= TableSettings.standard.headerLineGap * below.em, !RunningText.isProse(l) else { return false }
        let label = l.words.filter { $0.bbox.x1 <= monthX0 && $0.text.contains(where: \.isLetter) }
        return label.count <= TableSettings.standard.labelHeadingWords && l.words.allSatisfy { w in
            MonthText.year(w.text) != nil || isMonthWord(w.text) || w.bbox.x1 <= monthX0 || !w.text.contains { $0.isLetter || $0.isNumber }
        }
    }

    /// A line right under a month line holding the wrapped year parts (`17`, `2017`) of
    /// `Jan-`-style headers, possibly with whole month headers (`Jul-17`) between them; words in
    /// the label column (`Category`) are ignored.
    static func isHeaderContinuation(_ l: TextLine, above: [TextLine]) -> Bool {
        let aboveWords = above.flatMap(\.words)
        // Each month word takes one year part: one whose year is already printed under it (a
        // line above) is closed, so a row of two-digit values below the band is not read as
        // a second line of year parts.
        let monthWords = aboveWords.filter { m in
            isMonthWord(m.text) && !aboveWords.contains { y in
                y.bbox.y0 > m.bbox.midY && (y.text.count == 2 || y.text.count == 4) && y.text.allSatisfy(\.isNumber) && m.bbox.xOverlap(y.bbox) > 0
            }
        }
        guard let monthX0 = monthsX0(aboveWords) else { return false }
        var headerParts = 0
        // A month with its year printed after it on this line (`October 2019`, a month cell
        // wrapped onto a line of its own) is a header cell too.
        let monthYearCells = monthCells(l).filter { $0.text.contains(" ") }
        for w in l.words {
            let t = w.text
            if isMonthWord(t) { headerParts += 1; continue }
            if monthYearCells.contains(where: { $0.bbox.x0 <= w.bbox.x0 && w.bbox.x1 <= $0.bbox.x1 }) { headerParts += 1; continue }
            // "17" under "Jan-", or a full year under a bare month name ("Jun" over "2018").
            if (t.count == 2 || t.count == 4), t.allSatisfy(\.isNumber),
               monthWords.contains(where: { m in
                   m.bbox.xOverlap(w.bbox) > 0
                       && (m.text.hasSuffix("-") || m.text.hasSuffix("'") || (MonthText.year(t) != nil && MonthText.parseHeader(m.text)?.year == nil))
               }) {
                headerParts += 1; continue
            }
            // A column heading over the labels ("Category") may share the line.
            if w.bbox.x1 < monthX0, !NumberText.isNumeric(t) { continue }
            return false
        }
        return headerParts > 0
    }

    /// Month headers printed so close together that they arrive glued (`Aug-20Sep-20`,
    /// `Mar-Apr-`, `OctoberNovember`, `2020Jan`): split where every piece is a month or a year.
    static func splitGluedMonths(_ line: TextLine) -> TextLine {
        GluedWords.split(line) { pieces in pieces.allSatisfy { isMonthWord($0) || MonthText.year($0) != nil } && pieces.contains(where: isMonthWord) }
    }

    /// The words of a header line with each month and the year printed right after it joined
    /// into one word (`monthCells`), the other words as they are.
    static func headerUnits(_ l: TextLine) -> [Word] {
        let cells = monthCells(l)
        var out = cells
        for w in l.words where !cells.contains(where: { $0.bbox.x0 <= w.bbox.x0 && w.bbox.x1 <= $0.bbox.x1 }) { out.append(w) }
        return out.sorted { $0.bbox.x0 < $1.bbox.x0 }
    }

    /// The month header cells of a header line: each month word with the year printed right
    /// after it on the same line (`Jul 2018`), as one word.
    static func monthCells(_ l: TextLine) -> [Word] {
        var out: [Word] = []
        for (i, w) in l.words.enumerated() where isMonthWord(w.text) {
            var cell = w
            if i + 1 < l.words.count {
                let y = l.words[i + 1]
                if MonthText.year(y.text) != nil || (y.text.count == 2 && y.text.allSatisfy(\.isNumber)), y.bbox.x0 - w.bbox.x1 < TableSettings.standard.monthYearGap * headerEm(w) {
                    cell.text = w.text + " " + y.text; cell.bbox = w.bbox.union(y.bbox); cell.dropGlyphs()
                }
            }
            out.append(cell)
        }
        return out
    }

    /// The em (points) the header tolerances (`monthYearGap`, `headerDebrisReach`) are measured
    /// in: the word's font size, or its box height when it has none. (Not `Word.em`, whose
    /// fallback is 0.85 of the height: these tolerances were set against the full height.)
    static func headerEm(_ w: Word) -> Double { w.fontSize > 0 ? w.fontSize : w.bbox.height }

    /// A line with words only left of the month columns and none of them numeric.
    static func isLabelColumnOnly(_ l: TextLine, monthX0: Double) -> Bool {
        !l.words.isEmpty && l.words.allSatisfy { $0.bbox.x1 < monthX0 && !NumberText.isNumeric($0.text) }
    }

    /// An OCR-damaged header part below the month line: nothing in the label column and mostly
    /// two-digit year parts or non-numeric debris (`17 753 Sean eae 17 17`).
    static func isHeaderDebris(_ l: TextLine, monthX0: Double) -> Bool {
        let s = TableSettings.standard
        let em = l.words.map(headerEm).max() ?? 0
        guard !l.words.isEmpty, l.words.allSatisfy({ $0.bbox.x0 > monthX0 - s.headerDebrisReach * em }) else { return false }
        let debris = l.words.filter { w in
            (w.text.count == 2 && w.text.allSatisfy(\.isNumber)) || !w.text.contains(where: \.isNumber) || isMonthWord(w.text)
        }
        return Double(debris.count) >= s.headerDebrisShare * Double(l.words.count)
    }
}
