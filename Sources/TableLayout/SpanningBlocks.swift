/// Gives each row of a table the spanning label block (a merged cell over several rows, its
/// text stacked by `LineBlocks`) that covers it, or the label carried over from the table's
/// previous page.
public enum SpanningBlocks {
    /// Which label a row takes.
    public enum Assignment: Sendable, Equatable {
        /// The block at this index.
        case block(Int)
        /// The label the table had on its previous page (rows above the first block).
        case carried
    }

    /// Blocks centred on their rows or at each run's first row (`SpanningLabels.assign` on the
    /// blocks' centres). With `canCarry`, rows given the first block that lie more than
    /// `carriedGroupSlack` em above its top keep the previous page's label instead.
    /// - Parameters:
    ///   - rows: the rows' vertical centres, top to bottom (points).
    ///   - blocks: the label blocks, top to bottom, none empty.
    /// - Returns: one assignment per row; empty without blocks.
    public static func byCentres(rows: [Double], blocks: [[TextLine]], canCarry: Bool, settings: TableSettings = .standard) -> [Assignment] {
        guard let first = blocks.first else { return [] }
        let firstTop = first.map(\.bbox.y0).min()!
        let assignment = SpanningLabels.assign(rows: rows, labels: blocks.map(LineBlocks.centre), settings: settings)
        return rows.indices.map { i in
            if canCarry, rows[i] < firstTop - settings.carriedGroupSlack * first[0].em, assignment[i] == 0 { return .carried }
            return .block(assignment[i])
        }
    }

    /// Blocks set at the top of their rows' cells, else centred on them. Each row takes the
    /// last block whose top is at most `topReach` line heights below the row's top; a row above
    /// every block keeps the previous page's label when `canCarry`, else takes the first
    /// block. Unless the table is carried over with a single block, when the blocks' tops do
    /// not all agree with some row's top (within `topAgreement` em) the blocks are read as
    /// centred on their runs of rows instead (`SpanningLabels.assign`).
    /// - Parameters:
    ///   - rowTops: each row's top (its first line's top), points, top to bottom.
    ///   - rowCentres: each row's vertical centre, points.
    ///   - blocks: the label blocks, top to bottom, none empty.
    /// - Returns: one assignment per row; empty without blocks.
    public static func byTops(rowTops: [Double], rowCentres: [Double], blocks: [[TextLine]], canCarry: Bool, settings: TableSettings = .standard) -> [Assignment] {
        guard let first = blocks.first else { return [] }
        let firstTop = first[0].bbox.y0
        var out: [Assignment] = rowTops.map { top in
            if let k = blocks.lastIndex(where: { $0[0].bbox.y0 <= top + settings.topReach * $0[0].height }) { return .block(k) }
            return canCarry && top < firstTop ? .carried : .block(0)
        }
        if !canCarry || blocks.count > 1 {
            let topAligned = blocks.allSatisfy { b in rowTops.contains { abs($0 - b[0].bbox.y0) < settings.topAgreement * b[0].em } }
            if !topAligned {
                out = SpanningLabels.assign(rows: rowCentres, labels: blocks.map(LineBlocks.centre), settings: settings).map { .block($0) }
            }
        }
        return out
    }
}
