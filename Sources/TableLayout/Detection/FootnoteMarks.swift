import PDFLayout

/// Stage 0c: superscript footnote marks ("Withdrawals¹" printed as a small raised "1") taken
/// out of the words, so that they neither make a line of their own nor change a label.
public enum FootnoteMarks {
    /// The words without footnote marks: a word of at most two scalars, digits or `*†‡§`, set
    /// at most `markSize` of the font size of the word it follows (which ends within a quarter
    /// of an em before it), with its centre raised above that word's centre.
    ///
    /// - Returns: the kept words, in the given order.
    public static func removed(from words: [Word], settings: DetectionSettings = .standard) -> [Word] {
        let byLeft = words.indices.sorted { words[$0].bbox.x1 < words[$1].bbox.x1 }
        var drop = Set<Int>()
        for (i, w) in words.enumerated() where isMark(w.text) && w.fontSize > 0 {
            // The word just before it on the same line: overlapping vertically, ending right before it.
            let before = byLeft.last { j in
                let v = words[j]
                return j != i && v.fontSize > 0 && v.bbox.x1 <= w.bbox.x0 + 0.5 && w.bbox.x0 - v.bbox.x1 <= 0.25 * v.fontSize
                    && v.bbox.yOverlap(w.bbox) > 0
            }
            guard let b = before.map({ words[$0] }) else { continue }
            if w.fontSize <= settings.markSize * b.fontSize && w.bbox.midY < b.bbox.midY - 0.1 * b.fontSize && !isMark(b.text) { drop.insert(i) }
        }
        return words.indices.filter { !drop.contains($0) }.map { words[$0] }
    }

    static func isMark(_ t: String) -> Bool {
        let u = Array(t.unicodeScalars)
        return !u.isEmpty && u.count <= 2 && u.allSatisfy { $0.properties.numericType != nil || "*†‡§".unicodeScalars.contains($0) }
    }
}
