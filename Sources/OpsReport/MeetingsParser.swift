import PDFLayout
import TableLayout

/// A reconstructed row of the meetings table.
public struct MeetingRow: Sendable {
    public var category: String
    public var categoryCell: Cell?
    public var meeting: String
    public var meetingCell: Cell?
    /// ISO dates with the cell each was read from.
    public var dates: [(iso: String, cell: Cell)]
}

/// Reconstructs the meetings table: a spanning category column, the meeting name, the
/// meeting date(s) and a free-text summary.
public enum MeetingsParser {
    /// Parses `region`. Columns come from the header words (`Category`, `Meeting`,
    /// `Date(s)`, `Summary`) when present, else from the left edges of the body lines. A row
    /// starts where the meeting column has text after a vertical gap wider than the line pitch
    /// (cell padding) or below the previous row's text; a table continued on the next page keeps
    /// the previous page's category until a new one is printed.
    /// - Parameter noisyGeometry: the text layer is OCR, whose line positions are approximate:
    ///   a line with a date then also starts a row when the current row already has a date and
    ///   the line does not read as a continuation (an opening parenthesis, a lower-case start, or
    ///   a previous line ending in a hyphen or connective).
    public static func parse(_ region: TableRegion, noisyGeometry: Bool = false) -> [MeetingRow] {
        var rows: [MeetingRow] = []
        var columns: [Double]? = nil
        for segment in region.segments {
            let (body, cols) = splitHeader(segment, previous: columns)
            guard let cols, cols.count >= 3 else { continue }
            columns = cols
            rows += parseBody(body, columns: cols, previousCategory: rows.last.map { ($0.category, $0.categoryCell) }, noisy: noisyGeometry)
        }
        return rows
    }

    /// Stand-alone punctuation that an OCR layer reads from table rules (`|`, `—`, `:`).
    static func isBorderDebris(_ t: String) -> Bool {
        t != "-" && t != "&" && !t.contains(where: { $0.isLetter || $0.isNumber })
    }

    /// A date-column word that holds a whole date (`08/12/2017`); cheap checks before the regex.
    static func isDateWord(_ t: String) -> Bool {
        let u = t.utf8
        guard u.count >= 8, u.contains(where: { $0 == UInt8(ascii: "/") || $0 == UInt8(ascii: ".") }),
              u.filter({ $0 >= 0x30 && $0 <= 0x39 }).count >= 6 else { return false }
        return !DateText.dates(in: t).isEmpty
    }

    /// Finds the header lines (above the first line with a date or with text in the meeting
    /// column) and the column left edges [category, meeting, dates, summary].
    static func splitHeader(_ lines: [TextLine], previous: [Double]?) -> ([TextLine], [Double]?) {
        let headerWords = ["category", "meeting", "date", "date(s)", "dates", "summary", "events", "of"]
        var headerEnd = -1
        for (i, l) in lines.enumerated() {
            let words = l.words.map { $0.text.lowercased() }
            if words.allSatisfy({ headerWords.contains($0) }) && !words.isEmpty { headerEnd = i } else { break }
        }
        let header = headerEnd >= 0 ? Array(lines[0...headerEnd]) : []
        let body = Array(lines[(headerEnd + 1)...])
        if !header.isEmpty {
            // Column starts: header words that begin a new column (a gap to the previous word).
            let starts = ColumnStarts.fromHeader(header.flatMap(\.words))
            if starts.count >= 3 { return (body, starts) }
        }
        if let previous { return (body, previous) }
        // No header: left edges of words that start after a wide gap, most frequent four.
        let top = ColumnStarts.fromBody(body, count: 4)
        return (body, top.count >= 3 ? top : nil)
    }

    static func isContinuation(previous: String?, next: String) -> Bool {
        let n = next.trimmingWhitespace
        if n.hasPrefix("(") || n.first?.isLowercase == true { return true }
        guard let p = previous?.trimmingWhitespace.lowercased() else { return false }
        return p.hasSuffix("-") || p.hasSuffix("&") || p.hasSuffix(",") || ["and", "of", "the", "for", "to"].contains(where: { p.hasSuffix(" " + $0) })
    }

    static func parseBody(_ lines: [TextLine], columns: [Double], previousCategory: (String, Cell?)?, noisy: Bool) -> [MeetingRow] {
        // Per line: text per column (`ColumnStarts.column`).
        struct L { var line: TextLine; var cols: [[Word]] }
        let ls = lines.map { L(line: $0, cols: ColumnStarts.cells(of: $0, starts: columns)) }
        let dateCol = 2, meetingCol = 1, categoryCol = 0
        func meetingText(_ l: L) -> [Word] { l.cols[meetingCol].filter { !isBorderDebris($0.text) } }
        // Row starts: meeting text after a gap wider than the line pitch, or with a date. Each
        // column's text flows on its own pitch, so gaps are measured on the column's own words.
        var rowLines: [RowBlocks.Line] = []
        var lastMeetingText: String? = nil
        for l in ls {
            let hasMeeting = !l.cols[meetingCol].isEmpty
            var continues = false
            if hasMeeting {
                let text = meetingText(l).map(\.text).joined(separator: " ")
                continues = isContinuation(previous: lastMeetingText, next: text)
                lastMeetingText = text
            }
            rowLines.append(RowBlocks.Line(key: hasMeeting ? RowBlocks.centre(of: l.cols[meetingCol]) : nil, em: l.line.em,
                                           continues: continues, marked: l.cols[dateCol].contains { isDateWord($0.text) }))
        }
        let starts = RowBlocks.starts(rowLines, markStarts: noisy)
        guard !starts.isEmpty else { return [] }
        var rows: [MeetingRow] = []
        var rowMid: [Double] = []
        for (k, s) in starts.enumerated() {
            let end = k + 1 < starts.count ? starts[k + 1] : ls.count
            let firstY = ls[s].cols[meetingCol].isEmpty ? ls[s].line.midY : RowBlocks.centre(of: ls[s].cols[meetingCol])
            // Text further below than a couple of lines is another cell's overflow.
            let cells = ls[s..<end].map { l -> (line: TextLine, y: Double?) in
                let words = meetingText(l)
                return (l.line, words.isEmpty ? nil : RowBlocks.centre(of: words))
            }
            let meetingLines = RowBlocks.cellLines(cells, from: firstY).map { meetingText(ls[s + $0]) }
            let name = WrappedText.join(meetingLines.map { $0.map(\.text).joined(separator: " ") })
            var dates: [(String, Cell)] = []
            for line in ls[s..<end] {
                let ws = line.cols[dateCol]
                guard !ws.isEmpty else { continue }
                for d in DateText.dates(in: ws.map(\.text).joined(separator: " ")) { dates.append((d, Cell(words: ws))) }
            }
            rows.append(MeetingRow(category: "", categoryCell: nil, meeting: name,
                                   meetingCell: meetingLines.isEmpty ? nil : Cell(words: meetingLines.flatMap { $0 }), dates: dates))
            rowMid.append((ls[s].line.midY + ls[end - 1].line.midY) / 2)
        }
        // Category blocks in column 0.
        let categoryLines = ls.filter { !$0.cols[categoryCol].isEmpty }.map { TextLine(words: $0.cols[categoryCol], page: $0.line.page) }
        let blocks = LineBlocks.stackInOrder(categoryLines, reach: TableSettings.standard.categoryStack, measure: .em)
        if blocks.isEmpty {
            for i in rows.indices { rows[i].category = previousCategory?.0 ?? ""; rows[i].categoryCell = previousCategory?.1 }
            return rows
        }
        // Top-aligned categories (each row takes the last block starting at or above its first
        // line), else vertically centred ones.
        let assignment = SpanningBlocks.byTops(rowTops: starts.map { ls[$0].line.bbox.y0 }, rowCentres: rowMid,
                                               blocks: blocks, canCarry: previousCategory != nil)
        for (i, a) in assignment.enumerated() {
            switch a {
            case .carried:
                rows[i].category = previousCategory?.0 ?? ""; rows[i].categoryCell = previousCategory?.1
            case .block(let k):
                rows[i].category = WrappedText.join(blocks[k].map(\.text)); rows[i].categoryCell = Cell(words: blocks[k].flatMap(\.words))
            }
        }
        return rows
    }
}
