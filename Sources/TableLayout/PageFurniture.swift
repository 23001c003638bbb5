import PDFLayout

/// Detects running headers and footers: lines near the top or bottom edge whose text (digits
/// ignored) recurs on at least half of the pages (e.g. "Page 3 of 12", the document reference).
public enum PageFurniture {
    /// Returns, per page, the lines with running headers and footers removed.
    ///
    /// - Parameters:
    ///   - pages: lines of each page, top to bottom.
    ///   - heights: each page's height in points (same order as `pages`).
    ///   - band: fraction of the page height at top and bottom searched for furniture.
    public static func strip(_ pages: [[TextLine]], heights: [Double], band: Double = 0.13) -> [[TextLine]] {
        guard pages.count >= 2 else { return pages }
        func key(_ l: TextLine) -> String {
            String(l.text.lowercased().unicodeScalars.filter { !("0"..."9").contains($0) && !$0.properties.isWhitespace }.map(Character.init))
        }
        var counts: [String: Int] = [:]
        for (i, lines) in pages.enumerated() {
            var seen = Set<String>()
            for l in lines where isInBand(l, height: heights[i], band: band) { seen.insert(key(l)) }
            for k in seen { counts[k, default: 0] += 1 }
        }
        let threshold = max(2, (pages.count + 1) / 2)
        return pages.enumerated().map { i, lines in
            lines.filter { l in !(isInBand(l, height: heights[i], band: band) && (counts[key(l)] ?? 0) >= threshold) }
        }
    }

    static func isInBand(_ l: TextLine, height: Double, band: Double) -> Bool {
        let b = l.bbox
        return b.y1 < height * band || b.y0 > height * (1 - band)
    }
}
