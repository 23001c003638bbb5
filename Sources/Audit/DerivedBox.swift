import Foundation
import OpsReport
import PDFLayout

/// Where a cell that has no box of its own sits (a value that could not be read, so the
/// extractor recorded no provenance for it): across from its row's other cells, under its
/// column's. The row is the pointer's siblings (`/helpdesk/rows/3/counts/*` for
/// `/helpdesk/rows/3/counts/5`), the column the cells of the same table ending in the same token
/// under another parent (`…/counts/5` of other rows, `/helpdesk/total/5`).
public enum DerivedBox {
    /// The page and box of `pointer` derived from `provenance`: y from the median top and bottom
    /// of its row's cells, x from the median left and right of its column's cells on that page;
    /// `nil` when the pointer has no row or no column with boxes.
    public static func box(for pointer: String, in provenance: [String: Provenance]) -> (page: Int, bbox: BBox)? {
        let tokens = pointer.split(separator: "/", omittingEmptySubsequences: false).dropFirst().map(String.init)
        guard tokens.count >= 2, let last = tokens.last else { return nil }
        let parent = Array(tokens.dropLast()), section = tokens[0]
        var row: [Provenance] = [], column: [Provenance] = []
        for (key, p) in provenance where key != pointer {
            let t = key.split(separator: "/", omittingEmptySubsequences: false).dropFirst().map(String.init)
            guard t.count >= 2, t[0] == section else { continue }
            if Array(t.dropLast()) == parent { row.append(p) } else if t.last == last { column.append(p) }
        }
        // The row's page: the one most of its cells are on.
        guard let page = Dictionary(grouping: row, by: \.page).max(by: { ($0.value.count, -$0.key) < ($1.value.count, -$1.key) })?.key else { return nil }
        row = row.filter { $0.page == page }
        column = column.filter { $0.page == page }
        guard !row.isEmpty, !column.isEmpty else { return nil }
        func median(_ v: [Double]) -> Double { let s = v.sorted(); return s[s.count / 2] }
        return (page, BBox(x0: median(column.map(\.bbox.x0)), y0: median(row.map(\.bbox.y0)),
                           x1: median(column.map(\.bbox.x1)), y1: median(row.map(\.bbox.y1))))
    }
}
