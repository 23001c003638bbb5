import PDFLayout

/// Stage 5b: spanning header cells span the cells printed under them.
public enum HeaderSpans {
    /// In the header band (`bandEnd`; only the first row when no row holds a number), a cell
    /// over a header row with more cells spans the columns of the cells under
    /// it: each cell of the row below is given to the cell above whose centre is nearest, but one
    /// beyond the outermost cell above only within `parentReach` em plus that cell's width (a
    /// centred header is about as wide as what it spans); the cell above then starts at its first child's column
    /// and spans to its last (a centred "Stroke" over "no. | Rate | (95% CI)").
    ///
    /// - Parameters:
    /// The first column (the stub) is never widened.
    ///
    /// - Parameters:
    ///   - cells: the table's cells (grid positions as `CellGrid` made them).
    ///   - em: the table's font size, points.
    public static func widen(_ cells: [DetectedCell], em: Double, settings: DetectionSettings = .standard) -> [DetectedCell] {
        var out = cells
        let rows = Dictionary(grouping: out.indices, by: { out[$0].row })
        let headerEnd = bandEnd(out) ?? 1
        for r in rows.keys.sorted() where r + 1 < headerEnd {
            guard let above = rows[r], let below = rows[r + 1], below.count > above.count else { continue }
            var children: [Int: [Int]] = [:]
            let parents = above.sorted { out[$0].bbox.midX < out[$1].bbox.midX }
            for c in below {
                let box = out[c].bbox
                let best = parents.min { abs(out[$0].bbox.midX - box.midX) < abs(out[$1].bbox.midX - box.midX) }!
                let outside = best == parents.first! && box.midX < out[best].bbox.midX || best == parents.last! && box.midX > out[best].bbox.midX
                if !outside || distance(out[best].bbox, box) <= settings.parentReach * em + out[best].bbox.width { children[best, default: []].append(c) }
            }
            for (parent, kids) in children where kids.count >= 2 && out[parent].col > 0 {
                let c0 = min(out[parent].col, kids.map { out[$0].col }.min()!)
                let c1 = max(out[parent].col + out[parent].colSpan - 1, kids.map { out[$0].col + out[$0].colSpan - 1 }.max()!)
                // Never over a neighbour's start.
                let others = above.filter { $0 != parent }.map { out[$0].col }
                guard !others.contains(where: { $0 >= c0 && $0 <= c1 }) else { continue }
                out[parent].col = c0; out[parent].colSpan = c1 - c0 + 1
            }
        }
        return out
    }

    /// The first row below the header band: the first row holding a number (not a year), less the rows of
    /// first-column group headings just above it ("Women" over "45–54 | 47 | …"); `nil` when
    /// no row holds a number.
    public static func bandEnd(_ cells: [DetectedCell]) -> Int? {
        guard var end = cells.filter({ isValue($0.text) }).map(\.row).min() else { return nil }
        while end > 1 {
            let row = cells.filter { $0.row == end - 1 }
            guard !row.isEmpty, row.allSatisfy({ $0.col == 0 }) else { break }
            end -= 1
        }
        return end
    }

    /// A number that is a value, not a heading: years (four digits from 1800 to 2199) and year
    /// ranges ("1997–2007") head columns.
    static func isValue(_ t: String) -> Bool {
        guard RowGrouping.isNumeric(t) else { return false }
        let parts = t.split(whereSeparator: { "-–/ ".contains($0) })
        let years = parts.allSatisfy { p in p.count == 4 && Int(p).map { (1800...2199).contains($0) } == true }
        return !years
    }

    /// Horizontal distance between two boxes, negative by their overlap when they overlap.
    static func distance(_ a: BBox, _ b: BBox) -> Double {
        let overlap = a.xOverlap(b)
        return overlap > 0 ? -overlap : max(a.x0 - b.x1, b.x0 - a.x1)
    }
}
