import OpsReport

/// OCR checks on the printed text of numeric cells that no sum check already explained:
/// website and party statistics cells, narrative figures, and any cell whose stored value
/// disagrees with its printed text (`ocr_confusable`).
enum LooseCellRules {
    /// - Parameter covered: pointers that already have a finding (or lie inside a reported row).
    static func check(_ report: Report, covered: [String], _ ev: Evidence) -> [Finding] {
        let coveredSet = Set(covered)
        let rowPrefixes = covered.filter { $0.hasSuffix("/counts") }.map { $0 + "/" }
        var out: [Finding] = []
        for cell in report.cells {
            guard !coveredSet.contains(cell.pointer), !rowPrefixes.contains(where: cell.pointer.hasPrefix),
                  let text = ev.text(cell.pointer) else { continue }
            let q = Quantity(cell.unit)
            let clean = q.cleanValue(text)
            if let v = cell.value {
                guard clean != v else { continue }
                let readings = Confusables.readings(of: text, as: q)
                if let r = readings.first(where: { $0.value == v }) {
                    out.append(ev.finding(FindingCode.ocrConfusable, .info, at: cell.pointer, printed: text, expected: q.json(v),
                                          message: "Printed '\(text)' was read as \(q.format(v)) (\(r.rationale))"))
                } else {
                    let alt = clean ?? readings.first?.value
                    out.append(ev.finding(FindingCode.ocrConfusable, .warning, at: cell.pointer, printed: text,
                                          expected: alt.map(q.json),
                                          message: "Stored value \(q.format(v)) does not match the printed text '\(text)'"
                                              + (alt.map { ", which reads as \(q.format($0))" } ?? ""),
                                          suggestion: alt.map { Suggestion(value: q.json($0), confidence: .medium, rationale: "the printed text") }))
                }
                continue
            }
            let readings = Confusables.readings(of: text, as: q)
            guard let first = readings.first else {
                out.append(ev.finding(FindingCode.ocrConfusable, .warning, at: cell.pointer, printed: text,
                                      message: "Printed '\(text)' cannot be read as a number, and no total checks this cell"))
                continue
            }
            let others = readings.dropFirst().map { q.format($0.value) }
            out.append(ev.finding(FindingCode.ocrConfusable, .warning, at: cell.pointer, printed: text, expected: q.json(first.value),
                                  message: "Printed '\(text)' is not a clean number; read as \(q.format(first.value))"
                                      + (others.isEmpty ? "" : " (or \(others.joined(separator: ", ")))") + "; no total checks this cell",
                                  suggestion: Suggestion(value: q.json(first.value), confidence: .medium,
                                                         rationale: "\(first.rationale); not confirmed by any sum")))
        }
        return out
    }
}
