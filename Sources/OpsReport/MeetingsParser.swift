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
            let ws = header.flatMap(\.words).sorted { $0.bbox.x0 < $1.bbox.x0 }
            // Column starts: header words that begin a new column (a gap to the previous word).
            var starts: [Double] = []
            var lastX1 = -Double.infinity
            for w in ws {
                if w.bbox.x0 > lastX1 + 6 { starts.append(w.bbox.x0) }
                lastX1 = max(lastX1, w.bbox.x1)
            }
            if starts.count >= 3 { return (body, starts) }
        }
        if let previous { return (body, previous) }
        // No header: left edges of words that start after a wide gap, most frequent four.
        var edges: [Double] = []
        for l in body { var last = -Double.infinity; for w in l.words { if w.bbox.x0 > last + 8 { edges.append(w.bbox.x0) }; last = w.bbox.x1 } }
        var clusters: [(x: Double, n: Int)] = []
        for x in edges.sorted() { if let c = clusters.last, x - c.x < 4 { clusters[clusters.count - 1].n += 1 } else { clusters.append((x, 1)) } }
        let top = clusters.sorted { $0.n > $1.n }.prefix(4).map(\.x).sorted()
        return (body, top.count >= 3 ? top : nil)
    }

    static func isContinuation(previous: String?, next: String) -> Bool {
        let n = next.trimmingWhitespace
        if n.hasPrefix("(") || n.first?.isLowercase == true { return true }
        guard let p = previous?.trimmingWhitespace.lowercased() else { return false }
        return p.hasSuffix("-") || p.hasSuffix("&") || p.hasSuffix(",") || ["and", "of", "the", "for", "to"].contains(where: { p.hasSuffix(" " + $0) })
    }

    static func parseBody(_ lines: [TextLine], columns: [Double], previousCategory: (String, Cell?)?, noisy: Bool) -> [MeetingRow] {
        // A word belongs to the last column it starts in; column starts get a tolerance of a
        // fifth of the gap to the previous column (scanned pages drift by a few points).
        func column(_ w: Word) -> Int {
            var c = 0
            for (i, x) in columns.enumerated() {
                let tol = i == 0 ? 4 : max(4, 0.2 * (x - columns[i - 1]))
                if w.bbox.x0 >= x - tol { c = i }
            }
            return c
        }
        // Per line: text per column.
        struct L { var line: TextLine; var cols: [[Word]] }
        let ls = lines.map { l -> L in
            var cols = Array(repeating: [Word](), count: columns.count)
            for w in l.words { cols[column(w)].append(w) }
            return L(line: l, cols: cols)
        }
        let dateCol = 2, meetingCol = 1, categoryCol = 0
        // Row starts: meeting text after a gap wider than the line pitch, or with a date.
        var starts: [Int] = []
        var lastMeetingY: Double? = nil
        var lastMeetingText: String? = nil
        var lastPitch = 0.0
        var rowHasDate = false
        // Each column's text flows on its own pitch, so measure gaps on the column's own words.
        func midY(_ ws: [Word]) -> Double { let s = ws.map(\.bbox.midY).sorted(); return s[s.count / 2] }
        for (i, l) in ls.enumerated() {
            let hasMeeting = !l.cols[meetingCol].isEmpty
            let hasDate = l.cols[dateCol].contains { isDateWord($0.text) }
            let h = max(l.line.height, 1)
            let pitch = l.line.fontSize > 0 ? l.line.fontSize : h
            if hasMeeting {
                let y = midY(l.cols[meetingCol])
                let text = l.cols[meetingCol].filter { !isBorderDebris($0.text) }.map(\.text).joined(separator: " ")
                let gapFromMeeting = lastMeetingY.map { y - $0 } ?? .infinity
                let continues = isContinuation(previous: lastMeetingText, next: text)
                let dateStarts = noisy && hasDate && rowHasDate && !continues
                if starts.isEmpty || (gapFromMeeting > 1.3 * max(pitch, lastPitch) && !continues) || dateStarts {
                    starts.append(i); rowHasDate = false
                }
                lastMeetingY = y; lastMeetingText = text; lastPitch = pitch
            }
            if hasDate { rowHasDate = true }
        }
        guard !starts.isEmpty else { return [] }
        var rows: [MeetingRow] = []
        var rowMid: [Double] = []
        for (k, s) in starts.enumerated() {
            let end = k + 1 < starts.count ? starts[k + 1] : ls.count
            var lastY = ls[s].cols[meetingCol].isEmpty ? ls[s].line.midY : midY(ls[s].cols[meetingCol])
            var meetingLines: [[Word]] = []
            var dateWords: [Word] = []
            for i in s..<end {
                let l = ls[i]
                let words = l.cols[meetingCol].filter { !isBorderDebris($0.text) }
                if !words.isEmpty {
                    let y = midY(words)
                    // Text further below than a couple of lines is another cell's overflow.
                    if y - lastY <= 2.6 * max(l.line.fontSize, l.line.height * 0.8) || i == s { meetingLines.append(words); lastY = y }
                }
                dateWords += l.cols[dateCol]
            }
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
        var blocks: [[TextLine]] = []
        for l in ls where !l.cols[categoryCol].isEmpty {
            let t = TextLine(words: l.cols[categoryCol], page: l.line.page)
            if let last = blocks.last?.last, t.midY - last.midY <= 1.3 * max(t.fontSize, t.height * 0.8) { blocks[blocks.count - 1].append(t) } else { blocks.append([t]) }
        }
        if blocks.isEmpty {
            for i in rows.indices { rows[i].category = previousCategory?.0 ?? ""; rows[i].categoryCell = previousCategory?.1 }
            return rows
        }
        let firstTop = blocks[0][0].bbox.y0
        // Top-aligned categories: each row takes the last block starting at or above its first line.
        for (k, s) in starts.enumerated() {
            let top = ls[s].line.bbox.y0
            if let b = blocks.last(where: { $0[0].bbox.y0 <= top + 0.5 * $0[0].height }) {
                rows[k].category = WrappedText.join(b.map(\.text)); rows[k].categoryCell = Cell(words: b.flatMap(\.words))
            } else if let prev = previousCategory, top < firstTop {
                rows[k].category = prev.0; rows[k].categoryCell = prev.1
            } else {
                rows[k].category = WrappedText.join(blocks[0].map(\.text)); rows[k].categoryCell = Cell(words: blocks[0].flatMap(\.words))
            }
        }
        // Vertically centred categories: prefer the span assignment when it fits better.
        if previousCategory == nil || blocks.count > 1 {
            let centres = blocks.map { $0.map(\.midY).reduce(0, +) / Double($0.count) }
            let tops = blocks.map { $0[0].bbox.y0 }
            let startsY = starts.map { ls[$0].line.bbox.y0 }
            let topAligned = zip(tops, blocks).allSatisfy { t, _ in startsY.contains { abs($0 - t) < 3 } }
            if !topAligned {
                let a = SpanningLabels.assign(rows: rowMid, labels: centres)
                for i in rows.indices { let b = blocks[a[i]]; rows[i].category = WrappedText.join(b.map(\.text)); rows[i].categoryCell = Cell(words: b.flatMap(\.words)) }
            }
        }
        return rows
    }
}
