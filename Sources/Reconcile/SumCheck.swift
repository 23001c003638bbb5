import OpsReport

/// One addend, or the total, of a sum check.
struct Slot {
    /// JSON Pointer of the cell.
    var pointer: String
    /// How messages name the cell, e.g. `Sep-17 Applications`.
    var label: String
    /// The value as extracted; `nil` when empty or unreadable.
    var value: Int?
    /// The printed text from provenance, when recorded.
    var text: String?
    /// Part of a row whose numbers were all lost: the caller reports it (as `row_missing`).
    var lost = false
}

/// Another printed statement of a sum's total, e.g. the narrative's email-enquiry count.
struct Witness {
    var pointer: String
    var value: Int
    /// e.g. `email enquiries` ("The narrative states 934 email enquiries …").
    var label: String
}

/// "These terms sum to this total": checks the arithmetic, reads damaged cells, solves for a lost
/// cell, and blames the one cell whose OCR-plausible correction makes the sum work.
struct SumCheck {
    /// Code of the mismatch finding, e.g. `total_row_mismatch`.
    var code: String
    var quantity: Quantity
    /// e.g. `Sep-17 total`, `Grand total`.
    var totalName: String
    /// e.g. `its categories`, `the driver rows`.
    var termsPhrase: String
    let terms: [Slot]
    let total: Slot
    var witness: Witness? = nil
    /// `terms` then `total`, stored once: indexing it is O(1) (a computed `terms + [total]`
    /// copied every slot on each access, which made the rules quadratic in the rows).
    let slots: [Slot]

    init(code: String, quantity: Quantity, totalName: String, termsPhrase: String, terms: [Slot], total: Slot, witness: Witness? = nil) {
        self.code = code; self.quantity = quantity; self.totalName = totalName; self.termsPhrase = termsPhrase
        self.terms = terms; self.total = total; self.witness = witness
        self.slots = terms + [total]
    }

    /// What the check found, and the values it recovered for unreadable or lost cells
    /// (pointer → value and confidence).
    struct Outcome {
        var findings: [Finding] = []
        var resolved: [String: (value: Int, confidence: Suggestion.Confidence)] = [:]
    }

    enum Domain {
        case known(Int), readings([Confusables.Reading]), free
        var primary: Int? {
            switch self { case .known(let v): v; case .readings(let r): r.first?.value; case .free: nil }
        }
    }

    var totalIndex: Int { terms.count }

    func run(_ ev: Evidence) -> Outcome {
        let slots = self.slots, t = totalIndex
        var domains: [Domain] = slots.map { s in
            if let v = s.value { return .known(v) }
            if !s.lost, let text = s.text {
                let r = Confusables.readings(of: text, as: quantity)
                if !r.isEmpty { return .readings(r) }
            }
            return .free
        }
        var totalFromWitness = false
        if case .free = domains[t], let w = witness { domains[t] = .known(w.value); totalFromWitness = true }
        let free = domains.indices.filter { if case .free = domains[$0] { true } else { false } }
        let reading = domains.indices.filter { if case .readings = domains[$0] { true } else { false } }
        var out = Outcome()

        if free.count >= 2 {
            for i in reading { out.add(readingFinding(i, domains, confirmedValues: nil, ev)) }
            for i in free where !slots[i].lost {
                out.findings.append(missingFinding(i, value: nil, confidence: .low, why: "more than one cell of this sum is unreadable", ev))
            }
            return out
        }
        if free.count == 1 {
            return solveOneFree(free[0], domains, reading, totalFromWitness, ev)
        }

        let solutions = enumerate(domains, reading)
        if solutions.isEmpty {
            for i in reading { out.add(readingFinding(i, domains, confirmedValues: nil, ev)) }
            let values = domains.map { $0.primary! }
            if totalFromWitness {
                out.findings.append(missingFinding(t, value: values[..<t].reduce(0, +), confidence: .medium,
                                                   why: "\(termsPhrase) sum; the narrative disagrees", ev))
                out.findings += witnessCheck(resolvedTotal: values[..<t].reduce(0, +), termsSum: values[..<t].reduce(0, +), ev)
                return out
            }
            let blame = blameMismatch(values, ev)
            out.findings.append(blame.finding)
            if !blame.witnessConfirmedSum {
                out.findings += witnessCheck(resolvedTotal: values[t], termsSum: values[..<t].reduce(0, +), ev)
            }
            return out
        }
        for i in reading { out.add(readingFinding(i, domains, confirmedValues: Set(solutions.map { $0[i] }), ev)) }
        if totalFromWitness, let w = witness {
            out.add(missingFinding(t, value: w.value, confidence: .high,
                                   why: "\(termsPhrase) sum to \(quantity.format(w.value)), as the narrative's \(w.label) states", ev))
            out.resolved[total.pointer] = (w.value, .high)
        } else {
            let totals = Set(solutions.map { $0[t] })
            if totals.count == 1 { out.findings += witnessCheck(resolvedTotal: totals.first!, termsSum: totals.first!, ev) }
        }
        return out
    }

    /// Exactly one cell has no reading: it is whatever makes the sum work.
    private func solveOneFree(_ f: Int, _ domains: [Domain], _ reading: [Int], _ totalFromWitness: Bool, _ ev: Evidence) -> Outcome {
        var out = Outcome()
        let t = totalIndex
        for i in reading { out.add(readingFinding(i, domains, confirmedValues: nil, ev)) }
        let others = domains.indices.filter { $0 != f && $0 != t }.reduce(0) { $0 + domains[$1].primary! }
        let implied = f == t ? others : domains[t].primary! - others
        guard implied >= 0 else {
            let msg = "\(totalName) printed \(printed(t, domains)) but \(termsPhrase) other than \(slots[f].label) already sum to \(quantity.format(others))"
            out.findings.append(ev.finding(code, .error, at: total.pointer, related: terms.map(\.pointer),
                                           printed: printed(t, domains), expected: nil, message: msg))
            if !slots[f].lost { out.findings.append(missingFinding(f, value: nil, confidence: .low, why: "the other cells already exceed the total", ev)) }
            return out
        }
        let clean = domains.indices.allSatisfy { i in
            switch domains[i] {
            case .free: return i == f
            case .readings: return false
            case .known(let v): return slots[i].text.map { quantity.cleanValue($0) == v } ?? true
            }
        }
        let confidence: Suggestion.Confidence = clean && !totalFromWitness ? .high : .medium
        out.resolved[slots[f].pointer] = (implied, confidence)
        if !slots[f].lost {
            let why = f == t ? "\(termsPhrase) sum to \(quantity.format(implied))"
                             : "\(totalName) \(printed(t, domains)) minus the other cells"
            out.findings.append(missingFinding(f, value: implied, confidence: confidence, why: why, ev))
        }
        out.findings += witnessCheck(resolvedTotal: f == t ? implied : domains[t].primary!, termsSum: nil, ev)
        return out
    }

    /// Value vectors (one value per slot) that make the sum work, over every combination of
    /// readings (at most 4096 combinations; beyond that only the primary readings are tried).
    private func enumerate(_ domains: [Domain], _ reading: [Int]) -> [[Int]] {
        var vectors: [[Int]] = [domains.map { $0.primary ?? 0 }]
        // Capped product (more than 4096 is all that matters): never an overflow, however many cells.
        let combos = reading.reduce(1) { n, i in if case .readings(let r) = domains[i] { min(4097, n * r.count) } else { n } }
        if combos <= 4096 {
            for i in reading {
                guard case .readings(let r) = domains[i] else { continue }
                vectors = vectors.flatMap { v in r.map { var w = v; w[i] = $0.value; return w } }
            }
        }
        let t = totalIndex
        return vectors.filter { $0[..<t].reduce(0, +) == $0[t] }
    }

    func printed(_ i: Int, _ domains: [Domain]) -> String {
        slots[i].text ?? domains[i].primary.map(quantity.format) ?? "nothing"
    }
}

extension SumCheck.Outcome {
    mutating func add(_ f: (Finding, String, Int, Suggestion.Confidence)?) {
        guard let (finding, pointer, value, confidence) = f else { return }
        findings.append(finding)
        resolved[pointer] = (value, confidence)
    }
    mutating func add(_ f: Finding) { findings.append(f) }
}
