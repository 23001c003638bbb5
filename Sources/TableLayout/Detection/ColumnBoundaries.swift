import PDFLayout

/// Stage 3: where a block's columns are cut, from the whitespace rivers between cells
/// (and vertical ruling lines).
public enum ColumnBoundaries {
    /// The x positions (points) where the block is cut into columns, left to right.
    ///
    /// Cells are taken split at word gaps of `splitGap` em (columns printed tighter than
    /// `cellGap`). For every x, *support* counts the lines with a gap between two of their cells at x and
    /// *crossing* the cells that cover x. A river is a run of x at least `minColumnGap` em wide
    /// with support ≥ `minGapSupport` lines and ≥ `minGapSupportShare` of the lines with
    /// two or more cells (justified prose has gaps that do not line up), and crossing ≤ max(1, `spanShare` × lines): cells that
    /// cross it are spanning cells. Inside a river, the runs that no cell crosses are the cuts
    /// (a sparse column inside a wide river keeps its own column); when every part is crossed,
    /// the least-crossed part is. Vertical rules crossing at least half the block's height are
    /// cuts too and replace text cuts in the same river. A column must hold `minColumnCells`
    /// cells (else a spanning header alone in a river would make one).
    ///
    /// - Parameters:
    ///   - lines: the block's lines.
    ///   - verticalRules: the page's vertical rulings.
    public static func cuts(_ lines: [FragmentLine], verticalRules: [Ruling] = [], settings: DetectionSettings = .standard) -> [Double] {
        // Cells printed closer than `cellGap` still leave a river of `splitGap` between them.
        let lines = lines.map { l in
            var l = l
            l.fragments = l.fragments.flatMap { CellGrid.split($0, at: l.splitGap) }
            return l
        }
        let all = lines.flatMap(\.fragments)
        guard !all.isEmpty else { return [] }
        // A one-cell line across most of the block (a section title between stacked parts of a
        // table) is a spanning row: it crosses every river and closes none.
        let width = all.map(\.bbox.x1).max()! - all.map(\.bbox.x0).min()!
        let frags = lines.filter { !($0.fragments.count == 1 && $0.fragments[0].bbox.width >= settings.spanningRowWidth * width) }.flatMap(\.fragments)
        guard !frags.isEmpty else { return [] }
        let em = median(lines.map(\.em))
        let lineGaps: [(Double, Double)] = lines.flatMap { l in
            zip(l.fragments, l.fragments.dropFirst()).map { ($0.bbox.x1, $1.bbox.x0) }
        }
        var xs = Set<Double>()
        for f in frags { xs.insert(f.bbox.x0); xs.insert(f.bbox.x1) }
        let sorted = xs.sorted()
        let allowance = max(1, Int(settings.spanShare * Double(lines.count)))
        let tabular = lines.filter { $0.fragments.count >= 2 }.count
        let minSupport = max(settings.minGapSupport, Int((settings.minGapSupportShare * Double(tabular)).rounded(.up)))
        struct Piece { var x0: Double; var x1: Double; var support: Int; var crossing: Int }
        var pieces: [Piece] = []
        for (a, b) in zip(sorted, sorted.dropFirst()) where b > a {
            let m = (a + b) / 2
            let support = lineGaps.filter { $0.0 < m && m < $0.1 }.count
            let crossing = frags.filter { $0.bbox.x0 < m && m < $0.bbox.x1 }.count
            pieces.append(Piece(x0: a, x1: b, support: support, crossing: crossing))
        }
        // Rivers: maximal runs of valid pieces.
        var rivers: [[Piece]] = []
        var run: [Piece] = []
        for p in pieces {
            if p.support >= minSupport && p.crossing <= allowance { run.append(p) } else { if !run.isEmpty { rivers.append(run) }; run = [] }
        }
        if !run.isEmpty { rivers.append(run) }
        let minGap = settings.minColumnGap * em
        var cuts: [Double] = []
        for river in rivers {
            // The least-crossed sub-runs wide enough to be a gap: first those no cell crosses.
            for level in 0...allowance {
                var runs: [(Double, Double)] = []
                var start: Double? = nil, end = 0.0
                for p in river {
                    if p.crossing <= level { if start == nil { start = p.x0 }; end = p.x1 } else if let s = start { runs.append((s, end)); start = nil }
                }
                if let s = start { runs.append((s, end)) }
                var wide = runs.filter { $0.1 - $0.0 >= minGap }
                // Several cuts in one river (a sparse column between them) need wide runs.
                if wide.count > 1 {
                    let inner = wide.filter { $0.1 - $0.0 >= settings.innerCutGap * em }
                    wide = inner.count > 1 ? inner : [wide.max { $0.1 - $0.0 < $1.1 - $1.0 }!]
                }
                if !wide.isEmpty { cuts += wide.map { ($0.0 + $0.1) / 2 }; break }
            }
        }
        cuts = prune(cuts.sorted(), frags: frags, lineGaps: lineGaps, settings: settings)
        // Vertical rules.
        let top = lines.map(\.bbox.y0).min()!, bottom = lines.map(\.bbox.y1).max()!
        let left = frags.map(\.bbox.x0).min()!, right = frags.map(\.bbox.x1).max()!
        let ruled = verticalRules.filter { r in
            r.at > left && r.at < right && min(r.to, bottom) - max(r.from, top) >= 0.5 * (bottom - top)
                && !frags.contains { $0.bbox.x0 < r.at && r.at < $0.bbox.x1 && $0.bbox.y0 >= r.from && $0.bbox.y1 <= r.to }
        }.map(\.at)
        if !ruled.isEmpty {
            cuts = cuts.filter { c in !ruled.contains { r in
                // same river: nothing printed between the text cut and the rule
                !frags.contains { f in f.bbox.x1 > min(c, r) && f.bbox.x0 < max(c, r) }
            } }
            cuts += ruled
        }
        return dedupe(cuts.sorted(), within: minGap)
    }

    /// Drops cuts until every column holds at least `minColumnCells` cells that lie inside it:
    /// of the two cuts around a thinner column, the one fewer lines have a gap at goes.
    static func prune(_ cuts: [Double], frags: [CellFragment], lineGaps: [(Double, Double)], settings: DetectionSettings) -> [Double] {
        var cs = cuts
        let left = frags.map(\.bbox.x0).min()!, right = frags.map(\.bbox.x1).max()!
        func support(_ x: Double) -> Int { lineGaps.filter { $0.0 < x && x < $0.1 }.count }
        var changed = true
        while changed && !cs.isEmpty {
            changed = false
            let edges = [left - 1] + cs + [right + 1]
            for i in 0..<(edges.count - 1) {
                let inside = frags.filter { $0.bbox.x0 >= edges[i] && $0.bbox.x1 <= edges[i + 1] }.count
                guard inside < settings.minColumnCells else { continue }
                let candidates = [i - 1, i].filter { $0 >= 0 && $0 < cs.count }
                guard let drop = candidates.min(by: { support(cs[$0]) < support(cs[$1]) }) else { continue }
                cs.remove(at: drop); changed = true; break
            }
        }
        return cs
    }

    static func dedupe(_ v: [Double], within: Double) -> [Double] {
        var out: [Double] = []
        for x in v { if let l = out.last, x - l < within { continue }; out.append(x) }
        return out
    }

    static func median(_ v: [Double]) -> Double { let s = v.sorted(); return s.isEmpty ? 10 : s[s.count / 2] }
}
