import PDFLayout
import TableLayout

/// What the `--debug` image of a page shows, as boxes for `PDFDocument.overlayPNG`: ruling
/// lines (green), each table's region (blue, lightly filled), its column and row cuts (red
/// and orange lines) and its cells (purple outlines).
public enum DebugOverlay {
    /// The boxes for one page's tables and rulings, in drawing order.
    public static func boxes(tables: [DetectedTable], rulings: [Ruling]) -> [OverlayBox] {
        var out: [OverlayBox] = rulings.map { OverlayBox(bbox: $0.bbox, red: 0, green: 0.7, blue: 0, lineWidth: 1.5) }
        for t in tables {
            out.append(OverlayBox(bbox: t.bbox, red: 0.1, green: 0.3, blue: 1, fill: 0.08, lineWidth: 1.2))
            let top = t.rowEdges.first ?? t.bbox.y0, bottom = t.rowEdges.last ?? t.bbox.y1
            for x in t.columnEdges { out.append(OverlayBox(bbox: BBox(x0: x, y0: top, x1: x, y1: bottom), red: 0.9, green: 0, blue: 0, lineWidth: 0.6)) }
            let left = t.columnEdges.first ?? t.bbox.x0, right = t.columnEdges.last ?? t.bbox.x1
            for y in t.rowEdges { out.append(OverlayBox(bbox: BBox(x0: left, y0: y, x1: right, y1: y), red: 1, green: 0.55, blue: 0, lineWidth: 0.6)) }
            for c in t.cells { out.append(OverlayBox(bbox: c.bbox, red: 0.5, green: 0, blue: 0.6, fill: 0.12, lineWidth: 0.4)) }
        }
        return out
    }
}
