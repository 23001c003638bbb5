/// Labels of a report read by OCR, matched by edit distance to the labels this report family
/// prints (`KnownLabels`, learned from the text reports). A label a few edits away from exactly
/// one known label is corrected (provenance `source` `label_match`, finding
/// `ocr_label_corrected` with the reading); a label near none stays as read and gets
/// `label_unknown`. Reports with a real text layer are left alone.
enum LabelMatching {
    /// Most edits (insertions, deletions, substitutions, case-insensitive) accepted, as a share
    /// of the known label's length, at least one.
    static let maxEditShare = 0.25

    static func apply(to r: inout Report) {
        func fix(_ pointer: String, _ label: inout String, _ known: [String]) {
            guard !label.isEmpty, !known.contains(label) else { return }
            let prov = r.provenance[pointer]
            if let m = match(label, known) {
                r.findings.append(Finding(code: "ocr_label_corrected", severity: .info, pointer: pointer, printed: label, expected: .string(m),
                                          message: "OCR read \"\(label)\"; the nearest label this report family prints is \"\(m)\", which is taken.",
                                          page: prov?.page, bbox: prov?.bbox))
                r.provenance[pointer]?.source = "label_match"
                label = m
            } else {
                r.findings.append(Finding(code: "label_unknown", severity: .warning, pointer: pointer, printed: label,
                                          message: "OCR read the label \"\(label)\", which is near no label this report family prints: a new label, or a misreading.",
                                          page: prov?.page, bbox: prov?.bbox))
            }
        }
        if var d = r.drivers {
            for i in d.rows.indices {
                fix("/drivers/rows/\(i)/driver", &d.rows[i].driver, KnownLabels.driver)
                fix("/drivers/rows/\(i)/group", &d.rows[i].group, KnownLabels.group)
            }
            r.drivers = d
        }
        if var h = r.helpdesk { for i in h.rows.indices { fix("/helpdesk/rows/\(i)/category", &h.rows[i].category, KnownLabels.helpdesk) }; r.helpdesk = h }
        if var w = r.website { for i in w.rows.indices { fix("/website/rows/\(i)/metric", &w.rows[i].metric, KnownLabels.website) }; r.website = w }
        if var p = r.partyStatistics { for i in p.rows.indices { fix("/party_statistics/rows/\(i)/measure", &p.rows[i].measure, KnownLabels.party) }; r.partyStatistics = p }
        if var v = r.votingGroups { for i in v.indices { fix("/voting_groups/\(i)/category", &v[i].category, KnownLabels.votingGroup) }; r.votingGroups = v }
        if var m = r.meetings {
            for i in m.indices {
                fix("/meetings/\(i)/category", &m[i].category, KnownLabels.meetingCategory)
                fix("/meetings/\(i)/meeting", &m[i].meeting, KnownLabels.meeting)
            }
            r.meetings = m
        }
    }

    /// The one known label within `maxEditShare` edits of `label` (case-insensitive, spaces
    /// collapsed) and strictly nearer than any other; `nil` when none or a tie.
    static func match(_ label: String, _ known: [String]) -> String? {
        let a = fold(label)
        var best: (String, Int)? = nil, tie = false
        for k in known {
            let d = distance(a, fold(k))
            guard d <= max(1, Int(Double(k.count) * maxEditShare)) else { continue }
            if best == nil || d < best!.1 { best = (k, d); tie = false } else if d == best!.1 { tie = true }
        }
        return tie ? nil : best?.0
    }

    static func fold(_ s: String) -> [Character] {
        Array(s.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " "))
    }

    /// Levenshtein distance.
    static func distance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var prev = Array(0...b.count), cur = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            cur[0] = i
            for j in 1...b.count { cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)) }
            swap(&prev, &cur)
        }
        return prev[b.count]
    }
}
