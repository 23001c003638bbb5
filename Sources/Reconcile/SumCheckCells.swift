import OpsReport

/// Findings for the damaged cells of a sum check: text read through confusable glyphs, and
/// cells with no usable text.
extension SumCheck {
    /// The `ocr_confusable` finding for a cell with readings. `confirmedValues` are the cell's
    /// values across the combinations that make the sum work (`nil`: the sum could not decide).
    /// Returns the finding, its pointer, the suggested value and its confidence.
    func readingFinding(_ i: Int, _ domains: [Domain], confirmedValues: Set<Int>?, _ ev: Evidence)
        -> (Finding, String, Int, Suggestion.Confidence)? {
        guard case .readings(let r) = domains[i], let text = slots[i].text else { return nil }
        let slot = slots[i]
        let agree = i == totalIndex ? "equals the sum of \(termsPhrase)" : "makes \(termsPhrase) sum to the \(totalName)"
        let value: Int, confidence: Suggestion.Confidence, rationale: String, tail: String
        if let c = confirmedValues, c.count == 1, let hit = r.first(where: { c.contains($0.value) }) {
            (value, confidence) = (hit.value, .high)
            rationale = "\(hit.rationale); confirmed: it \(agree)"
            tail = ", which \(agree)"
        } else if let c = confirmedValues, let hit = r.first(where: { c.contains($0.value) }) {
            (value, confidence) = (hit.value, .medium)
            let others = r.filter { c.contains($0.value) && $0.value != hit.value }.map { quantity.format($0.value) }
            rationale = "\(hit.rationale); the sum also allows \(others.joined(separator: ", "))"
            tail = " (the sum also allows \(others.joined(separator: ", ")))"
        } else {
            (value, confidence) = (r[0].value, .medium)
            rationale = "\(r[0].rationale); not confirmed by the sum"
            tail = ", which the sum does not confirm"
        }
        let msg = "\(slot.label) printed '\(text)' is not a clean number; read as \(quantity.format(value))\(tail)"
        let f = ev.finding(FindingCode.ocrConfusable, .warning, at: slot.pointer, related: relatedPointers(excluding: i),
                           printed: text, expected: quantity.json(value), message: msg,
                           suggestion: Suggestion(value: quantity.json(value), confidence: confidence, rationale: rationale))
        return (f, slot.pointer, value, confidence)
    }

    /// The finding for a cell with no usable text (`cell_missing`) or unreadable text
    /// (`ocr_confusable`), suggesting `value` when the arithmetic implies one.
    func missingFinding(_ i: Int, value: Int?, confidence: Suggestion.Confidence, why: String, _ ev: Evidence) -> Finding {
        let slot = slots[i]
        let what = slot.text.map { "printed '\($0)' cannot be read as a number" } ?? "has no printed value"
        let msg = value.map { "\(slot.label) \(what); the arithmetic implies \(quantity.format($0)) (\(why))" }
            ?? "\(slot.label) \(what), and cannot be recovered: \(why)"
        return ev.finding(slot.text == nil ? FindingCode.cellMissing : FindingCode.ocrConfusable, .warning,
                          at: slot.pointer, related: relatedPointers(excluding: i), printed: slot.text,
                          expected: value.map(quantity.json), message: msg,
                          suggestion: value.map { Suggestion(value: quantity.json($0), confidence: confidence, rationale: "implied: \(why)") })
    }

    /// Most cells a finding lists as `related` (a finding on a sum of thousands of rows would
    /// otherwise repeat every pointer: output quadratic in the rows).
    static let maxRelated = 100

    /// The other cells of the check (and the witness), as evidence: at most `maxRelated`, the
    /// total and the witness always included.
    func relatedPointers(excluding i: Int) -> [String] {
        var out: [String] = []
        let tail = (i == totalIndex ? [] : [total.pointer]) + (witness.map { [$0.pointer] } ?? [])
        for k in terms.indices where k != i {
            if out.count >= Self.maxRelated - tail.count { break }
            out.append(terms[k].pointer)
        }
        return out + tail
    }
}
