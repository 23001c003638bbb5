import PDFLayout
import TableLayout

/// Running text of a document (lines joined by spaces) that remembers which word each
/// character range came from, so a regular-expression match can be traced to its words.
public struct TextIndex {
    public private(set) var text: String = ""
    private var spans: [(range: Range<Int>, word: Word)] = []

    /// Indexes `lines` in order.
    public init(lines: [TextLine]) {
        var offset = 0
        var s = ""
        for l in lines {
            for w in l.words {
                let t = NumberText.normalise(w.text)
                if !s.isEmpty { s += " "; offset += 1 }
                let n = t.unicodeScalars.count
                spans.append((offset..<(offset + n), w))
                s += t; offset += n
            }
        }
        text = s
    }

    /// The words overlapping the scalar range of `range` in `text`.
    public func words(for range: Range<String.Index>) -> [Word] {
        let lo = text.unicodeScalars.distance(from: text.unicodeScalars.startIndex, to: range.lowerBound)
        let hi = text.unicodeScalars.distance(from: text.unicodeScalars.startIndex, to: range.upperBound)
        return spans.filter { $0.range.overlaps(lo..<max(hi, lo + 1)) }.map(\.word)
    }
}
