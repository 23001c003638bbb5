import PDFLayout

/// Stage 6: the caption printed next to a table.
public enum TableCaption {
    /// The nearest line above or below `region`, within `captionGap` lines and overlapping it
    /// horizontally, that reads as a caption ("Table 3: …", "Figure 2 – …"); `nil` when none.
    ///
    /// - Parameter lines: the page's lines not inside any table.
    public static func find(for region: BBox, among lines: [TextLine], settings: DetectionSettings = .standard) -> TextLine? {
        let near = lines.filter { l in
            let gap = max(region.y0 - l.bbox.y1, l.bbox.y0 - region.y1)
            return gap >= -0.5 * l.height && gap <= settings.captionGap * max(l.height, 1)
                && l.bbox.xOverlap(region) > 0 && TableRegionFinder.isCaption(l.text.trimmingWhitespace)
        }
        return near.min { distance($0, region) < distance($1, region) }
    }

    static func distance(_ l: TextLine, _ r: BBox) -> Double { max(r.y0 - l.bbox.y1, l.bbox.y0 - r.y1) }
}
