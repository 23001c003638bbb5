import PDFLayout

/// A column's horizontal extent in PDF points.
public struct ColumnSpan: Sendable, Hashable {
    public var x0: Double
    public var x1: Double
    public var midX: Double { (x0 + x1) / 2 }
    public init(x0: Double, x1: Double) { self.x0 = x0; self.x1 = x1 }
    /// Overlap of `[x0, x1]` with the box's x-range.
    public func overlap(_ b: BBox) -> Double { max(0, min(x1, b.x1) - max(x0, b.x0)) }
}

/// Finds columns from the horizontal extents of cell words.
public enum ColumnClusters {
    /// Merges the x-ranges of `boxes` that overlap (after widening each by `slack` points on
    /// both sides) into column spans, left to right. Right-aligned numbers of one column overlap
    /// each other and not their neighbours', so each span is one column.
    public static func spans(of boxes: [BBox], slack: Double = 0.5) -> [ColumnSpan] {
        let sorted = boxes.sorted { $0.x0 < $1.x0 }
        var out: [ColumnSpan] = []
        for b in sorted {
            if var last = out.last, b.x0 - slack <= last.x1 + slack {
                last.x1 = max(last.x1, b.x1); out[out.count - 1] = last
            } else {
                out.append(ColumnSpan(x0: b.x0, x1: b.x1))
            }
        }
        return out
    }

    /// Index of the span that best holds `box`: the largest overlap, else the nearest centre.
    public static func index(of box: BBox, in spans: [ColumnSpan]) -> Int? {
        guard !spans.isEmpty else { return nil }
        var best = 0, bestOverlap = -1.0
        for (i, s) in spans.enumerated() {
            let o = s.overlap(box)
            if o > bestOverlap { best = i; bestOverlap = o }
        }
        if bestOverlap > 0 { return best }
        return spans.indices.min { abs(spans[$0].midX - box.midX) < abs(spans[$1].midX - box.midX) }
    }
}
