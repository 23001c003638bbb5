import PDFLayout

/// The lines of one table, found from its caption, split into per-page segments.
public struct TableRegion: Sendable {
    /// The caption line (e.g. "Table 2: SECAS Helpdesk Emails").
    public var caption: TextLine
    /// The table's lines, one array per page the table occupies, in reading order.
    public var segments: [[TextLine]]
    /// All lines of the table.
    public var lines: [TextLine] { segments.flatMap { $0 } }
    public init(caption: TextLine, segments: [[TextLine]]) { self.caption = caption; self.segments = segments }
}

/// Finds the body of a table or figure next to its caption.
public enum TableRegionFinder {
    /// Options for where a table body ends.
    public struct Limits: Sendable {
        /// Largest vertical gap between consecutive lines inside the body, in line heights.
        public var maxGap: Double
        /// Whether the body may continue on the previous (or next) page.
        public var crossPages: Bool
        public init(maxGap: Double = 3.2, crossPages: Bool = true) { self.maxGap = maxGap; self.crossPages = crossPages }
    }

    /// Collects the table lines that sit against the caption at `captionRef`.
    ///
    /// Captions usually follow their table; the body is read upwards from the caption and, if
    /// nothing table-like is there, downwards. The body stops at a lead-in sentence (a prose line
    /// ending in ":"), a heading, another caption, or a vertical gap wider than
    /// `limits.maxGap` line heights; it continues across a page break when the page's first
    /// (or last) line is still table content.
    public static func region(in doc: DocumentLayout, captionRef: LineRef, limits: Limits = Limits()) -> TableRegion {
        let c = candidates(in: doc, captionRef: captionRef, limits: limits)
        return c.first ?? TableRegion(caption: doc[captionRef], segments: [])
    }

    /// The non-empty bodies on either side of the caption, the one above first (captions usually
    /// follow their table). A parser takes the first it can read, so a caption set above its table
    /// works even when the text above it is not a recognisable lead-in.
    public static func candidates(in doc: DocumentLayout, captionRef: LineRef, limits: Limits = Limits()) -> [TableRegion] {
        let caption = doc[captionRef]
        func segmented(_ lines: [TextLine]) -> TableRegion {
            var segments: [[TextLine]] = []
            for l in lines {
                if let last = segments.last?.last, last.page == l.page { segments[segments.count - 1].append(l) } else { segments.append([l]) }
            }
            return TableRegion(caption: caption, segments: segments)
        }
        let up = collect(doc, from: captionRef, step: doc.previous, limits: limits).reversed()
        let down = collect(doc, from: captionRef, step: doc.next, limits: limits)
        return [Array(up), down].filter { !$0.isEmpty }.map(segmented)
    }

    private static func collect(_ doc: DocumentLayout, from start: LineRef, step: (LineRef) -> LineRef?, limits: Limits) -> [TextLine] {
        var out: [TextLine] = []
        var prev = doc[start]
        var ref = start
        while let r = step(ref) {
            let l = doc[r]
            if l.page != prev.page {
                if !limits.crossPages || out.isEmpty { break }
                // Reading upwards, footnotes at the foot of the previous page are set smaller than
                // the table: skip them. (Reading downwards the next page starts with the table's
                // own lines, a repeated header band perhaps set smaller.)
                if r < ref, l.fontSize > 0, prev.fontSize > 0, l.fontSize < TableSettings.standard.footnoteSize * prev.fontSize { ref = r; continue }
            } else {
                let gap = max(prev.bbox.y0 - l.bbox.y1, l.bbox.y0 - prev.bbox.y1)
                if gap > limits.maxGap * max(l.height, prev.height, 1) { break }
            }
            if isBoundary(l, margin: doc.pages[r.page].textMargin) { break }
            out.append(l)
            prev = l; ref = r
        }
        return out
    }

    /// Whether a line ends a table body: a caption, a numbered heading, or a lead-in sentence.
    /// - Parameter margin: the page's running-text left edge; a lead-in sentence starts there
    ///   (a table cell's text ending in ":" does not).
    public static func isBoundary(_ l: TextLine, margin: Double = 0) -> Bool {
        let t = l.text.trimmingWhitespace
        if isCaption(t) { return true }
        if t.hasSuffix(":") && (l.words.count >= 4 || !l.words.contains(where: \.isBold)) && l.bbox.x0 <= margin + 15 { return true }
        if isHeading(l) { return true }
        return false
    }

    /// "Table 3: …", "Figure 4 – …" and similar.
    public static func isCaption(_ t: String) -> Bool {
        let u = t.utf8
        for word in ["Table ", "Figure ", "TABLE ", "FIGURE "] where u.starts(with: word.utf8) {
            return u.dropFirst(word.utf8.count).first.map { $0 >= 0x30 && $0 <= 0x39 } ?? false
        }
        return false
    }

    /// A numbered section heading such as "4. Helpdesk Activities" or "3.2.1 Working Group …"
    /// in a bold face.
    public static func isHeading(_ l: TextLine) -> Bool {
        guard let first = l.words.first, first.isBold, l.words.count >= 2 else { return false }
        let f = first.text
        let next = l.words[1].text
        return f.first.map(\.isNumber) == true && f.allSatisfy { $0.isNumber || $0 == "." } && !f.hasSuffix("..")
            && next.first.map(\.isUppercase) == true
    }
}
