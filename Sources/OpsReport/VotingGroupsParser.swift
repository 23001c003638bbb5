import PDFLayout
import TableLayout

/// Reads voting-group counts from a chart's data labels ("Large Suppliers" over "12") or from a
/// two-column table ("Large Suppliers   12").
public enum VotingGroupsParser {
    /// Pairs each whole number in `region` with its label: the phrase on the same line just left
    /// of it (a table), else the phrase on the line above that overlaps it horizontally (a chart
    /// data label). Phrases are runs of words split at gaps wider than 1.5 line heights.
    public static func parse(_ region: TableRegion) -> [(category: String, categoryCell: Cell, count: Int?, countCell: Cell)] {
        var out: [(String, Cell, Int?, Cell)] = []
        for segment in region.segments {
            let phrasesByLine = segment.map(phrases)
            for (li, line) in segment.enumerated() {
                for (pi, phrase) in phrasesByLine[li].enumerated() {
                    let text = phrase.map(\.text).joined(separator: " ")
                    guard phrase.count == 1, NumberText.parseInt(text) != nil || NumberText.isNumberLike(text) else { continue }
                    let num = phrase[0]
                    var label: [Word]? = nil
                    if pi > 0 {
                        let left = phrasesByLine[li][pi - 1]
                        if !left.contains(where: { NumberText.isNumeric($0.text) }) { label = left }
                    }
                    if label == nil, li > 0 {
                        let above = phrasesByLine[li - 1].filter { p in !p.contains { NumberText.isNumeric($0.text) } }
                        let h = max(line.height, 1)
                        if segment[li - 1].midY >= line.midY - 2.2 * h {
                            label = above.max { a, b in overlap(a, num) < overlap(b, num) }
                            if let l = label, overlap(l, num) <= 0 {
                                label = above.min { a, b in abs(mid(a) - num.bbox.midX) < abs(mid(b) - num.bbox.midX) }
                            }
                        }
                    }
                    guard let label, !label.isEmpty else { continue }
                    let name = label.map(\.text).joined(separator: " ")
                    guard name.contains(where: \.isLetter) else { continue }
                    out.append((name, Cell(words: label), NumberText.parseInt(num.text), Cell(words: [num])))
                }
            }
        }
        return out
    }

    static func phrases(_ line: TextLine) -> [[Word]] {
        var out: [[Word]] = []
        for w in line.words {
            if let last = out.last?.last, w.bbox.x0 - last.bbox.x1 <= 1.5 * max(w.bbox.height, 1) { out[out.count - 1].append(w) } else { out.append([w]) }
        }
        return out
    }
    static func overlap(_ p: [Word], _ w: Word) -> Double {
        let x0 = p.map(\.bbox.x0).min()!, x1 = p.map(\.bbox.x1).max()!
        return max(0, min(x1, w.bbox.x1) - max(x0, w.bbox.x0))
    }
    static func mid(_ p: [Word]) -> Double { (p.map(\.bbox.x0).min()! + p.map(\.bbox.x1).max()!) / 2 }
}
