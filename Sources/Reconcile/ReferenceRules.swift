import OpsReport

/// Damaged references (`ocr_reference`): in string values (report reference, title, meeting
/// names) with a high-confidence corrected string, and in other printed text as information.
enum ReferenceRules {
    static func check(_ report: Report, _ ev: Evidence) -> [Finding] {
        var values: [(String, String)] = []
        if let r = report.reference { values.append(("/reference", r)) }
        if let t = report.title { values.append(("/title", t)) }
        for (i, m) in (report.meetings ?? []).enumerated() {
            values.append((Pointer.make("meetings", i, "category"), m.category))
            values.append((Pointer.make("meetings", i, "meeting"), m.meeting))
        }
        var out: [Finding] = []
        var seen = Set<String>()
        for (pointer, value) in values {
            guard let fix = ReferenceRepair.repaired(value) else { continue }
            seen.insert(pointer)
            let what = fix.repairs.map { "\($0.original) → \($0.corrected)" }.joined(separator: ", ")
            out.append(ev.finding(FindingCode.ocrReference, .warning, at: pointer, printed: value, expected: .string(fix.text),
                                  message: "Damaged reference in '\(value)': \(what)",
                                  suggestion: Suggestion(value: .string(fix.text), confidence: .high,
                                                         rationale: fix.repairs.map(\.rationale).joined(separator: "; "))))
        }
        for (pointer, prov) in report.provenance.sorted(by: { $0.key < $1.key }) where !seen.contains(pointer) {
            guard let fix = ReferenceRepair.repaired(prov.text) else { continue }
            let what = fix.repairs.map { "\($0.original) → \($0.corrected)" }.joined(separator: ", ")
            out.append(ev.finding(FindingCode.ocrReference, .info, at: pointer, printed: prov.text, expected: .string(fix.text),
                                  message: "Damaged reference in the printed text: \(what)"))
        }
        return out
    }
}
