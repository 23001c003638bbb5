import PDFLayout

/// Rows of a table whose cells are blocks of flowing text (a meetings table): where a row
/// starts, which lines continue a row's cell, and the vertical centre of a cell's words.
///
/// Tolerances: `TableSettings.rowStartGap` and `cellOverflow`.
public enum RowBlocks {
    /// What one line of the table says about row starts.
    public struct Line: Sendable {
        /// Vertical centre of the line's text in the key column (the column whose text starts
        /// rows, `centre(of:)`), points; `nil` when the line has none there.
        public var key: Double?
        /// The line's em (`TextLine.em`), points.
        public var em: Double
        /// The key text reads as a continuation of the previous key line (the caller's reading
        /// of the words: a lower-case start, a previous line ending in a hyphen).
        public var continues: Bool
        /// The line holds a mark that a row has once (a date).
        public var marked: Bool
        public init(key: Double?, em: Double, continues: Bool, marked: Bool) {
            self.key = key; self.em = em; self.continues = continues; self.marked = marked
        }
    }

    /// Indices of the lines that start rows. A key line starts a row when it is the first, or
    /// when it follows the previous key line by more than `rowStartGap` × the larger of the two
    /// lines' em (cell padding) and does not continue it. With `markStarts`, a marked key line
    /// also starts a row when the current row already has a mark and the line does not continue
    /// (an OCR layer, whose line positions are approximate).
    public static func starts(_ lines: [Line], markStarts: Bool, settings: TableSettings = .standard) -> [Int] {
        var starts: [Int] = []
        var lastKey: Double? = nil
        var lastEm = 0.0
        var rowMarked = false
        for (i, l) in lines.enumerated() {
            if let y = l.key {
                let gap = lastKey.map { y - $0 } ?? .infinity
                let markStart = markStarts && l.marked && rowMarked && !l.continues
                if starts.isEmpty || (gap > settings.rowStartGap * max(l.em, lastEm) && !l.continues) || markStart {
                    starts.append(i); rowMarked = false
                }
                lastKey = y; lastEm = l.em
            }
            if l.marked { rowMarked = true }
        }
        return starts
    }

    /// Which of a row's lines carry its cell's text: the row's first line, then each line whose
    /// cell text (centre `y`, `nil` for none) is at most `cellOverflow` em (`LineMeasure.em` of
    /// the line) below the last kept one; text further below is another cell's overflow.
    /// - Parameters:
    ///   - cells: the row's lines in order, with the centre of their cell text.
    ///   - from: where the row's cell text starts (centre of the first line's text), points.
    /// - Returns: indices into `cells`.
    public static func cellLines(_ cells: [(line: TextLine, y: Double?)], from startY: Double, settings: TableSettings = .standard) -> [Int] {
        var kept: [Int] = []
        var lastY = startY
        for (i, c) in cells.enumerated() {
            guard let y = c.y else { continue }
            if y - lastY <= settings.cellOverflow * LineMeasure.em.of(c.line) || i == 0 { kept.append(i); lastY = y }
        }
        return kept
    }

    /// Vertical centre of a cell's words: the median of their centres (robust to a raised
    /// footnote mark), points. `words` must not be empty.
    public static func centre(of words: [Word]) -> Double {
        let s = words.map(\.bbox.midY).sorted()
        return s[s.count / 2]
    }
}
