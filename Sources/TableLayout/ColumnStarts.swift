import PDFLayout

/// Column left edges of a table whose cells are left-aligned text (a meetings table: category,
/// name, dates, summary), and the column each word starts in.
///
/// Tolerances: `TableSettings.headerColumnGap`, `bodyColumnGap`, `columnStartCluster`,
/// `columnStartSlack` and `columnStartShare`.
public enum ColumnStarts {
    /// Column starts read from header words (any order, any number of header lines): a word
    /// that starts more than `headerColumnGap` em right of every header word before it begins a
    /// column. Left to right, points.
    public static func fromHeader(_ words: [Word], settings: TableSettings = .standard) -> [Double] {
        var starts: [Double] = []
        var lastX1 = -Double.infinity
        for w in words.sorted(by: { $0.bbox.x0 < $1.bbox.x0 }) {
            if w.bbox.x0 > lastX1 + settings.headerColumnGap * w.em { starts.append(w.bbox.x0) }
            lastX1 = max(lastX1, w.bbox.x1)
        }
        return starts
    }

    /// Column starts read from body lines without a header: left edges of words that start
    /// more than `bodyColumnGap` em after the previous word of their line, clustered within
    /// `columnStartCluster` em; the `count` most frequent clusters, left to right, each at its
    /// left-most edge. Points.
    public static func fromBody(_ lines: [TextLine], count: Int = 4, settings: TableSettings = .standard) -> [Double] {
        var edges: [Double] = []
        for l in lines {
            var last = -Double.infinity
            for w in l.words {
                if w.bbox.x0 > last + settings.bodyColumnGap * w.em { edges.append(w.bbox.x0) }
                last = w.bbox.x1
            }
        }
        let ems = lines.map(\.em).sorted()
        let tolerance = ems.isEmpty ? 0 : settings.columnStartCluster * ems[ems.count / 2]
        var clusters: [(x: Double, n: Int)] = []
        for x in edges.sorted() {
            if let c = clusters.last, x - c.x < tolerance { clusters[clusters.count - 1].n += 1 } else { clusters.append((x, 1)) }
        }
        return clusters.sorted { $0.n > $1.n }.prefix(count).map(\.x).sorted()
    }

    /// Index of the last column (of `starts`, left to right) that `word` starts in. A start
    /// reaches `columnStartSlack` em to its left, or `columnStartShare` of the gap to the
    /// previous start when that is more (scanned pages drift by a few points); 0 when the word
    /// starts left of every column.
    public static func column(of word: Word, starts: [Double], settings: TableSettings = .standard) -> Int {
        let slack = settings.columnStartSlack * word.em
        var c = 0
        for (i, x) in starts.enumerated() {
            let tol = i == 0 ? slack : max(slack, settings.columnStartShare * (x - starts[i - 1]))
            if word.bbox.x0 >= x - tol { c = i }
        }
        return c
    }

    /// The words of `line` per column of `starts` (`column(of:starts:)`), left to right.
    public static func cells(of line: TextLine, starts: [Double], settings: TableSettings = .standard) -> [[Word]] {
        var cols = Array(repeating: [Word](), count: starts.count)
        for w in line.words { cols[column(of: w, starts: starts, settings: settings)].append(w) }
        return cols
    }
}
