import PDFLayout
import TableLayout

/// Reads voting-group counts from a chart's data labels ("Large Suppliers" over "12") or from a
/// two-column table ("Large Suppliers   12").
public enum VotingGroupsParser {
    /// Pairs each whole number in `region` with its label: the phrase on the same line just left
    /// of it (a table), else the phrase on the line above that overlaps it horizontally (a chart
    /// data label). Phrases are runs of words (`Phrases.split`); the geometry is `Phrases`'.
    public static func parse(_ region: TableRegion) -> [(category: String, categoryCell: Cell, count: Int?, countCell: Cell)] {
        var out: [(String, Cell, Int?, Cell)] = []
        for segment in region.segments {
            let phrasesByLine = segment.map { Phrases.split($0) }
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
                        label = Phrases.labelAbove(num, line: line, above: segment[li - 1], candidates: above)
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
}
