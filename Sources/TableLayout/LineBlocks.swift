import PDFLayout

/// How a line's own size is measured when a tolerance is given in line units.
public enum LineMeasure: Sendable {
    /// Glyph-box height (`TextLine.height`), at least 1 pt: the line's height as printed.
    case line
    /// Font size, or 0.8 of the glyph height when that is larger (a text layer without
    /// reliable sizes): about one em, the pitch of set-solid text.
    case em
    /// The larger of glyph height and font size (at least 1 pt).
    case lineOrEm

    /// The size of `l` in points under this measure.
    public func of(_ l: TextLine) -> Double {
        switch self {
        case .line: return max(l.height, 1)
        case .em: return max(l.fontSize, l.height * 0.8)
        case .lineOrEm: return max(l.height, l.fontSize, 1)
        }
    }
}

/// Stacks lines into blocks: a label wrapped over several lines of one cell.
public enum LineBlocks {
    /// Groups `lines` (any order) into blocks top to bottom: a line joins the block above when
    /// its centre is at most `reach` × its own size (`measure`) below that block's last line.
    public static func stack(_ lines: [TextLine], reach: Double, measure: LineMeasure) -> [[TextLine]] {
        stackInOrder(lines.sorted(by: { $0.midY < $1.midY }), reach: reach, measure: measure)
    }

    /// Groups `lines` in the order given (top to bottom already) into blocks, as `stack`.
    public static func stackInOrder(_ lines: [TextLine], reach: Double, measure: LineMeasure) -> [[TextLine]] {
        var blocks: [[TextLine]] = []
        for l in lines {
            if let last = blocks.last?.last, l.midY - last.midY <= reach * measure.of(l) {
                blocks[blocks.count - 1].append(l)
            } else {
                blocks.append([l])
            }
        }
        return blocks
    }

    /// Mean of the block's line centres, points.
    public static func centre(_ block: [TextLine]) -> Double {
        block.map(\.midY).reduce(0, +) / Double(block.count)
    }
}
