import OpsReport

/// Sections the document does not contain (`section_missing`, warning).
enum SectionRules {
    static let names = [
        "narrative": "narrative", "drivers": "division of effort by driver", "helpdesk": "helpdesk emails",
        "website": "website statistics", "party_statistics": "party statistics", "voting_groups": "voting groups",
        "meetings": "meetings", "modification_status": "modification status",
    ]

    static func check(_ report: Report, _ ev: Evidence) -> [Finding] {
        report.missingSections.map { key in
            let extra = key == "helpdesk" && report.narrative.emailEnquiries != nil
                ? "; the narrative's email enquiries cannot be checked" : ""
            return ev.finding(FindingCode.sectionMissing, .warning, at: Pointer.make(key),
                              message: "The report has no \(names[key] ?? key) table (\(key))\(extra)")
        }
    }
}
