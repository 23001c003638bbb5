import OpsReport

/// Within-report reconciliation: every total cross-checked, OCR damage in the printed text
/// flagged, corrections suggested with the evidence for them.
///
/// Pure functions over the model and `report.provenance` (printed text, page, bbox); no I/O.
/// Rules work without provenance too (truth files have none). Codes and severities: see
/// `FindingCode`. Cross-report codes (`restatement`, `party_count_discontinuity`,
/// `archive_gap`) belong to the archive and are never produced here.
public enum Reconciler {
    /// All within-report findings for `report`, in rule order: sections, table shapes, drivers,
    /// helpdesk, voting groups, modification status, remaining numeric cells, references, dates.
    /// Printed values are never modified.
    /// Values too large for the arithmetic (`RangeGuard`) get a `value_out_of_range` finding and
    /// are treated by the rules as unreadable cells.
    public static func findings(for printed: Report) -> [Finding] {
        let (report, outOfRange) = RangeGuard.bounded(printed)
        let ev = Evidence(report: report)
        var out = outOfRange
        out += SectionRules.check(report, ev)
        out += TableShapeRules.check(report, ev)
        out += DriverRules.check(report, ev)
        out += HelpdeskRules.check(report, ev)
        out += VotingGroupRules.check(report, ev)
        out += ModificationStatusRules.check(report, ev)
        out += LooseCellRules.check(report, covered: out.map(\.pointer), ev)
        out += EmptyCellRules.check(report, covered: out.map(\.pointer), ev)
        out += ReferenceRules.check(report, ev)
        out += DateRules.check(report, ev)
        return out
    }

    /// A copy of `report` whose `findings` are the reconciler's, after any existing findings
    /// with codes the reconciler does not produce (e.g. the archive's cross-report findings).
    public static func reconcile(_ report: Report) -> Report {
        var r = report
        r.findings = report.findings.filter { !FindingCode.all.contains($0.code) } + findings(for: report)
        return r
    }

    /// A copy of `report` in which every suggestion of confidence `.high` (from the report's
    /// findings, or from `findings(for:)` when it has none) is applied at its pointer. A
    /// `row_missing` array suggestion fills the row's cells (`null` entries leave a cell as it
    /// is). Printed text stays in provenance and the findings stay, so the correction remains
    /// visible. Suggestions whose pointer does not resolve, or whose value does not fit the
    /// model there, are skipped.
    public static func applyingCorrections(_ report: Report) -> Report {
        let base = report.findings.contains(where: { FindingCode.all.contains($0.code) }) ? report : reconcile(report)
        return Corrections.apply(base)
    }
}
