/// The values a generated report prints: its truth. Labels are drawn from pools of realistic
/// names (and invented ones) so that nothing depends on the corpus's row names.
import OpsReport

struct VariantContent {
    struct MonthRow { var label: String; var values: [Int?] }
    struct DriverLine { var group: String; var driver: String; var hundredths: Int }

    var year: Int
    var month: Int
    /// `YYYY-MM` of the 12 columns, oldest first, ending at the period.
    var months: [String]
    var helpdesk: [MonthRow]
    var helpdeskTotal: [Int]
    var website: [MonthRow]
    var party: [MonthRow]
    var drivers: [DriverLine]
    var period: String { months.last! }
    var grandTotal: Int { drivers.map(\.hundredths).reduce(0, +) }

    static let categoryPool = ["Applications", "Sub-Committees", "Consultation Correspondence", "Contact Info", "General Queries",
                               "Panel & Board Correspondence", "Modifications", "User CIO Assessments", "Party/RDP Signifiers",
                               "Training Days/Seminars", "Cyber Security Queries", "Release Management Enquiries", "Certification",
                               "Financial Information Requests", "Profile Updates", "Significant Code Review Feedback", "Other"]
    static let websitePool = ["Visitors", "Page Views", "Downloads", "Unique Visitors", "Average Session Duration Seconds"]
    static let partyPool = ["Accessions", "Defaults", "Withdrawals", "Expulsions", "Notifications of Intent"]
    static let groupPool = ["Core", "Projects", "Community of Experts", "Programme", "Change"]
    static let driverPool = ["Panel/Board and Sub-Committees", "Party Support", "Configuration Management", "Knowledge", "CIO",
                             "General Operations", "Transitional Governance", "Website", "Reporting", "Design",
                             "SECAS Technical Governance Expertise", "Security Governance Expertise", "Website Enhancements",
                             "Technical Specifications Handover", "Centralisation Projects/Smarter Markets",
                             "DCC Live and Post Live Support", "Annual Security Obligations", "Official Profile Efficiency",
                             "Market-wide Half-hourly Settlement", "Switching Programme Liaison"]

    init(seed: UInt64) {
        var r = SeededRandom(seed: seed ^ 0xC0FFEE)
        year = Int.random(in: 2016...2025, using: &r)
        month = Int.random(in: 1...12, using: &r)
        let end = year * 12 + month - 1
        months = (0..<12).map { k in let i = end - 11 + k; return "\(i / 12)-" + (i % 12 + 1 < 10 ? "0" : "") + "\(i % 12 + 1)" }
        func subset(_ pool: [String], _ n: ClosedRange<Int>) -> [String] {
            var p = pool; p.shuffle(using: &r)
            let keepOtherLast = pool.last == "Other"
            var out = Array(p.prefix(Int.random(in: n, using: &r)))
            if keepOtherLast, let i = out.firstIndex(of: "Other") { out.remove(at: i); out.append("Other") }
            return out
        }
        helpdesk = subset(Self.categoryPool, 4...11).map { l in
            MonthRow(label: l, values: (0..<12).map { _ in r.chance(0.08) ? 0 : Int.random(in: 1...(r.chance(0.2) ? 2400 : 300), using: &r) })
        }
        let rows = helpdesk
        helpdeskTotal = (0..<12).map { j in rows.map { $0.values[j]! }.reduce(0, +) }
        website = subset(Self.websitePool, 1...3).map { l in
            MonthRow(label: l, values: (0..<12).map { _ in Int.random(in: 900...99_999, using: &r) })
        }
        party = subset(Self.partyPool, 2...4).map { l in
            MonthRow(label: l, values: (0..<12).map { _ in r.chance(0.45) ? 0 : Int.random(in: 1...25, using: &r) })
        }
        let groups = Array(subset(Self.groupPool, 1...3))
        var names = Self.driverPool; names.shuffle(using: &r)
        drivers = []
        for g in groups {
            for _ in 0..<Int.random(in: 2...6, using: &r) where !names.isEmpty {
                drivers.append(DriverLine(group: g, driver: names.removeFirst(),
                                          hundredths: r.chance(0.1) ? 0 : Int.random(in: 1...30_000, using: &r)))
            }
        }
    }
}

extension VariantContent {
    /// The tables of a report's truth file, to be printed again under another layout. Rows
    /// with empty cells are printed with zeros; the helpdesk total is the sum of its rows.
    init(report: Report) {
        let months = report.helpdesk!.months
        year = Int(months.last!.prefix(4))!; month = Int(months.last!.suffix(2))!
        self.months = months
        helpdesk = report.helpdesk!.rows.map { MonthRow(label: $0.category, values: $0.counts.map { $0 ?? 0 }) }
        let rows = helpdesk
        helpdeskTotal = (0..<months.count).map { j in rows.map { $0.values[j]! }.reduce(0, +) }
        website = report.website!.rows.map { MonthRow(label: $0.metric, values: $0.values.map { $0 ?? 0 }) }
        party = report.partyStatistics!.rows.map { MonthRow(label: $0.measure, values: $0.counts.map { $0 ?? 0 }) }
        drivers = report.drivers!.rows.map { DriverLine(group: $0.group, driver: $0.driver, hundredths: $0.days?.hundredths ?? 0) }
    }
}
