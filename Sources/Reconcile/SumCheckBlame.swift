import OpsReport

/// Explaining a sum that does not add up, and comparing the total with its narrative witness.
extension SumCheck {
    /// One cell whose single OCR-plausible change would make the sum work.
    struct Culprit {
        var index: Int
        var implied: Int
        var explanation: DigitEdit.Explanation
    }

    /// The mismatch finding for fully known `values` (one per slot, total last) that do not add
    /// up. When exactly one cell's OCR-plausible correction (ranked: cross-confirmed total,
    /// confusable glyph, transposition, confused digit, other single-digit slip) best explains the
    /// difference, the finding points at that cell with a high-confidence suggestion; otherwise it
    /// points at the total and names the candidates. `witnessConfirmedSum` is true when the
    /// witness states the sum (the total's disagreement with it is then part of this finding).
    func blameMismatch(_ values: [Int], _ ev: Evidence) -> (finding: Finding, witnessConfirmedSum: Bool) {
        let t = totalIndex
        let sum = values[..<t].reduce(0, +), printedTotal = slots[t].text ?? quantity.format(values[t])
        var culprits: [Culprit] = []
        for i in slots.indices {
            let implied = i == t ? sum : values[t] - (sum - values[i])
            guard implied >= 0 else { continue }
            var e = DigitEdit.explain(printed: slots[i].text ?? quantity.format(values[i]), implied: implied, as: quantity)
            if i == t, let w = witness {
                if w.value == values[t] { continue }   // the narrative confirms the printed total
                if w.value == sum {
                    let note = "\(termsPhrase) sum to \(quantity.format(sum)) and the narrative's \(w.label) is also \(quantity.format(sum))"
                    e = DigitEdit.Explanation(rank: -1, rationale: e.map { "\($0.rationale); \(note)" } ?? note)
                }
            }
            if let e { culprits.append(Culprit(index: i, implied: implied, explanation: e)) }
        }
        culprits.sort { ($0.explanation.rank, $0.index == t ? 0 : 1) < ($1.explanation.rank, $1.index == t ? 0 : 1) }
        let best = culprits.filter { $0.explanation.rank == culprits.first?.explanation.rank }
        let base = "\(totalName) printed \(printedTotal) but \(termsPhrase) sum to \(quantity.format(sum))"

        if best.count == 1, let c = best.first {
            let alternatives = culprits.dropFirst().prefix(3).map { "\(slots[$0.index].label) \(quantity.format($0.implied)), \($0.explanation.rationale)" }
            let rationale = c.explanation.rationale + (alternatives.isEmpty ? "" : "; less likely single-cell slips: " + alternatives.joined(separator: "; "))
            let suggestion = Suggestion(value: quantity.json(c.implied), confidence: .high, rationale: rationale)
            if c.index == t {
                let f = ev.finding(code, .error, at: total.pointer, related: relatedPointers(excluding: t), printed: printedTotal,
                                   expected: quantity.json(sum), message: base, suggestion: suggestion)
                return (f, c.explanation.rank == -1)
            }
            let slot = slots[c.index]
            let p = slot.text ?? quantity.format(values[c.index])
            let msg = "\(slot.label) printed \(p) but the \(totalName) \(printedTotal) implies \(quantity.format(c.implied)) (\(base))"
            let f = ev.finding(code, .error, at: slot.pointer, related: relatedPointers(excluding: c.index), printed: p,
                               expected: quantity.json(c.implied), message: msg, suggestion: suggestion)
            return (f, false)
        }
        var msg = base
        if best.count > 1 {
            msg += "; a single slip in any of " + best.map { "\(slots[$0.index].label) (\($0.explanation.rationale))" }.joined(separator: ", ") + " would explain it"
        }
        let f = ev.finding(code, .error, at: total.pointer, related: relatedPointers(excluding: t), printed: printedTotal,
                           expected: quantity.json(sum), message: msg)
        return (f, false)
    }

    /// `narrative_mismatch` when the witness disagrees with the (resolved) total. `termsSum` is
    /// the sum of the terms when known; when it equals the total the table is self-consistent and
    /// the narrative is the odd one out.
    func witnessCheck(resolvedTotal: Int, termsSum: Int?, _ ev: Evidence) -> [Finding] {
        guard let w = witness, w.value != resolvedTotal else { return [] }
        let wText = ev.text(w.pointer) ?? quantity.format(w.value)
        let confirmed = termsSum == resolvedTotal
        let edit = DigitEdit.explain(printed: wText, implied: resolvedTotal, as: quantity)
        var msg = "The narrative states \(quantity.format(w.value)) \(w.label) but the \(totalName) is \(quantity.format(resolvedTotal))"
        if confirmed { msg += ", which \(termsPhrase) confirm" }
        var suggestion: Suggestion?
        if confirmed {
            let why = "the \(totalName) \(quantity.format(resolvedTotal)) agrees with \(termsPhrase)" + (edit.map { "; \($0.rationale)" } ?? "")
            suggestion = Suggestion(value: quantity.json(resolvedTotal), confidence: edit == nil ? .medium : .high, rationale: why)
        }
        return [ev.finding(FindingCode.narrativeMismatch, .error, at: w.pointer, related: [total.pointer], printed: wText,
                           expected: quantity.json(resolvedTotal), message: msg, suggestion: suggestion)]
    }
}
