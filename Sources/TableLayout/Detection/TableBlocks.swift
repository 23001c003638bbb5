import PDFLayout

/// Stage 2: candidate table regions, as runs of lines that have cells side by side.
public enum TableBlocks {
    /// Whether the fragment reads as running text (many words).
    static func isProseFragment(_ f: CellFragment, _ settings: DetectionSettings) -> Bool {
        f.words.count >= settings.proseWords
    }

    /// Whether words read as running text: at least `minWords` of them hold two letters
    /// (a row of numbers is not prose however long).
    static func isRunningText(_ words: [Word], minWords: Int) -> Bool {
        var n = 0
        for w in words {
            var letters = 0
            for u in w.text.unicodeScalars where u.properties.isAlphabetic { letters += 1; if letters >= 2 { break } }
            if letters >= 2 { n += 1; if n >= minWords { return true } }
        }
        return false
    }

    /// Whether a line has two or more cells, not all of them running text (text set in columns).
    /// A list item (a bullet, dash or symbol, then text) is not a table row.
    static func isTabular(_ l: FragmentLine, _ settings: DetectionSettings) -> Bool {
        guard l.fragments.count >= 2, !l.fragments.allSatisfy({ isProseFragment($0, settings) }) else { return false }
        return !(l.fragments.count == 2 && isMarker(l.fragments[0].text))
    }

    /// A list marker: one or two scalars, none a letter or digit (•, –, ▪, a private-use glyph).
    static func isMarker(_ t: String) -> Bool {
        let u = Array(t.unicodeScalars)
        return !u.isEmpty && u.count <= 2 && u.allSatisfy { !$0.properties.isAlphabetic && $0.properties.numericType == nil }
    }

    /// Groups the lines of one page into blocks of table lines.
    ///
    /// Consecutive lines with two or more cells join a block while the vertical gap to the
    /// previous line stays under `maxRowGap` lines; one-cell lines after the last such line
    /// stay only when set tight under it (`maxWrapGap`, a wrapped label). One-cell lines between them (wrapped labels,
    /// group rows) stay in the block; a one-cell line of running text (at least `proseWidth` of
    /// the block's width and `proseWords` words) or a caption ends it. A block needs
    /// `minTabularLines` lines with cells side by side, and is dropped when most of its cells
    /// are running text (`proseCellShare`).
    ///
    /// - Parameter lines: one page's lines, top to bottom.
    /// - Returns: blocks as index lists into `lines`, top to bottom.
    public static func find(_ lines: [FragmentLine], settings: DetectionSettings = .standard) -> [[Int]] {
        var blocks: [[Int]] = []
        var current: [Int] = [], pending: [Int] = []
        var extent: BBox? = nil
        func close() {
            // A wrapped last label ("Page" over "Views") stays: tight under the line above.
            for p in pending where !current.isEmpty {
                let above = lines[current.last!]
                guard lines[p].bbox.y0 - above.bbox.y1 <= settings.maxWrapGap * max(lines[p].line.height, 1),
                      lines[p].fragments.count == 1, !isProseFragment(lines[p].fragments[0], settings) else { break }
                current.append(p)
            }
            let tabular = current.filter { isTabular(lines[$0], settings) }
            let fragments = current.flatMap { lines[$0].fragments }
            let prose = fragments.filter { isProseFragment($0, settings) }.count
            if tabular.count >= settings.minTabularLines,
               Double(prose) < settings.proseCellShare * Double(max(1, fragments.count)) {
                blocks.append(current)
            }
            current = []; pending = []; extent = nil
        }
        for (i, l) in lines.enumerated() {
            if let last = (pending.last ?? current.last).map({ lines[$0] }) {
                let gap = l.bbox.y0 - last.bbox.y1
                if gap > settings.maxRowGap * max(l.line.height, last.line.height, 1) { close() }
            }
            if TableRegionFinder.isCaption(l.line.text) {
                close()
            } else if isTabular(l, settings) {
                current += pending + [i]; pending = []
                extent = extent.map { $0.union(l.bbox) } ?? l.bbox
            } else if let e = extent {
                let prose = l.line.words.count >= settings.proseWords && l.bbox.width >= settings.proseWidth * e.width
                if prose { close() } else { pending.append(i) }
            }
        }
        close()
        return blocks
    }
}
