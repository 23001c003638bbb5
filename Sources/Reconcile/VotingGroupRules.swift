import OpsReport

/// Voting groups by category against the narrative's number of Voting Groups
/// (`voting_groups_mismatch`).
enum VotingGroupRules {
    static func check(_ report: Report, _ ev: Evidence) -> [Finding] {
        let totalPointer = "/narrative/voting_groups"
        guard let groups = report.votingGroups, !groups.isEmpty,
              report.narrative.votingGroups != nil || ev.text(totalPointer) != nil else { return [] }
        let terms = groups.enumerated().map { i, g in
            let p = Pointer.make("voting_groups", i, "count")
            return Slot(pointer: p, label: g.category, value: g.count, text: ev.text(p))
        }
        if let missing = absentCategory(report, groups, ev) { return [missing] }
        let check = SumCheck(code: FindingCode.votingGroupsMismatch, quantity: .count,
                             totalName: "narrative's number of Voting Groups", termsPhrase: "the voting groups",
                             terms: terms,
                             total: Slot(pointer: totalPointer, label: "Narrative Voting Groups",
                                         value: report.narrative.votingGroups, text: ev.text(totalPointer)))
        return check.run(ev).findings
    }

    /// The voting-group categories every report's chart shows.
    static let standardCategories = ["Large Suppliers", "Small Suppliers", "Others", "Gas Networks", "Electricity Networks"]

    /// `row_missing` (warning) at `/voting_groups/-` when exactly one standard category is absent,
    /// every present count is known, and the narrative's figure exceeds their sum: the absent
    /// category's count is the difference.
    static func absentCategory(_ report: Report, _ groups: [VotingGroup], _ ev: Evidence) -> Finding? {
        let names = Set(groups.map { $0.category.lowercased() })
        let absent = standardCategories.filter { !names.contains($0.lowercased()) }
        guard absent.count == 1, let stated = report.narrative.votingGroups,
              groups.allSatisfy({ $0.count != nil }) else { return nil }
        let sum = groups.reduce(0) { $0 + $1.count! }
        guard stated > sum else { return nil }
        let name = absent[0]
        return ev.finding(FindingCode.rowMissing, .warning, at: "/voting_groups/-",
                          related: ["/narrative/voting_groups"] + groups.indices.map { Pointer.make("voting_groups", $0, "count") },
                          expected: .int(stated - sum),
                          message: "The voting groups have no \(name) entry; the narrative's \(stated) Voting Groups minus the other groups' \(sum) implies \(name) = \(stated - sum)",
                          suggestion: Suggestion(value: .int(stated - sum), confidence: .medium,
                                                 rationale: "narrative Voting Groups minus the printed groups; \(name) is the one standard category not read"))
    }
}
