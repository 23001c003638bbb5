/// Assigns spanning labels (a group cell merged over several rows, e.g. "Core" over ten
/// drivers) to the rows they span.
public enum SpanningLabels {
    /// Partitions rows (given by their vertical centres, top to bottom) into consecutive runs,
    /// one per label (given by their vertical centres, top to bottom), so that each label sits
    /// where such a merged cell puts it: either centred on its run or at its first row. Both
    /// hypotheses are solved exactly (dynamic programming over split points); the one with the
    /// smaller total distance wins, the first-row reading on a tie (`TableSettings.spanningTie`).
    ///
    /// - Returns: for each row, the index of its label; rows above the first label's run are
    ///   given label 0. Empty when `labels` is empty.
    public static func assign(rows: [Double], labels: [Double], settings: TableSettings = .standard) -> [Int] {
        let n = rows.count, g = labels.count
        guard g > 0, n > 0 else { return [] }
        if g == 1 { return Array(repeating: 0, count: n) }
        if g >= n { return (0..<n).map { r in labels.indices.min { abs(labels[$0] - rows[r]) < abs(labels[$1] - rows[r]) }! } }
        func solve(_ anchorOf: (Int, Int) -> Double) -> (Double, [Int]) {
            // cost[k][j]: best cost of giving rows 0..<j to labels 0...k.
            var cost = Array(repeating: Array(repeating: Double.infinity, count: n + 1), count: g)
            var from = Array(repeating: Array(repeating: 0, count: n + 1), count: g)
            for j in 1...n { cost[0][j] = abs(anchorOf(0, j - 1) - labels[0]) }
            for k in 1..<g {
                for j in (k + 1)...n {
                    for s in k..<j where cost[k - 1][s] < .infinity {
                        let c = cost[k - 1][s] + abs(anchorOf(s, j - 1) - labels[k])
                        if c < cost[k][j] { cost[k][j] = c; from[k][j] = s }
                    }
                }
            }
            var out = Array(repeating: 0, count: n)
            var j = n
            for k in stride(from: g - 1, through: 0, by: -1) {
                let s = k == 0 ? 0 : from[k][j]
                for r in s..<j { out[r] = k }
                j = s
            }
            return (cost[g - 1][n], out)
        }
        let centred = solve { a, b in (rows[a] + rows[b]) / 2 }
        let top = solve { a, _ in rows[a] }
        // Labels that all sit on rows fit both (centred on runs of odd length, or at each run's
        // first row): the first-row reading then explains them without asking every run to be
        // odd, so centred must fit better by more than `settings.spanningTie` row pitches.
        let steps = zip(rows, rows.dropFirst()).map { $1 - $0 }.sorted()
        let pitch = steps.isEmpty ? 0 : steps[steps.count / 2]
        return centred.0 < top.0 - settings.spanningTie * pitch ? centred.1 : top.1
    }
}
