import Foundation
import OpsReport

/// Compares an extracted report with a truth report cell by cell.
///
/// Cells: period, reference, title, the five narrative figures, every driver row's group,
/// driver and days, the grand total, every month header, row label and value of the helpdesk,
/// website and party statistics tables (and the helpdesk total row), every voting group's
/// category and count (matched by category: a pie chart's labels have no printed order), every
/// meeting's category, name and dates, and the modification status table when present.
struct TruthComparison {
    var matched = 0
    var mismatches: [String] = []
    var total: Int { matched + mismatches.count }

    init(extracted r: Report, truth t: Report) {
        check("/period", r.period, t.period)
        check("/reference", r.reference, t.reference)
        check("/title", r.title, t.title)
        check("/narrative/resource_days_total", r.narrative.resourceDaysTotal, t.narrative.resourceDaysTotal)
        check("/narrative/telephone_enquiries", r.narrative.telephoneEnquiries, t.narrative.telephoneEnquiries)
        check("/narrative/email_enquiries", r.narrative.emailEnquiries, t.narrative.emailEnquiries)
        check("/narrative/parties", r.narrative.parties, t.narrative.parties)
        check("/narrative/voting_groups", r.narrative.votingGroups, t.narrative.votingGroups)
        if let td = t.drivers {
            let rows = r.drivers?.rows ?? []
            check("/drivers/rows/length", rows.count, td.rows.count)
            for (i, tr) in td.rows.enumerated() {
                let er = i < rows.count ? rows[i] : nil
                check("/drivers/rows/\(i)/group", er?.group, tr.group)
                check("/drivers/rows/\(i)/driver", er?.driver, tr.driver)
                check("/drivers/rows/\(i)/days", er?.days, tr.days)
            }
            check("/drivers/grand_total", r.drivers?.grandTotal, td.grandTotal)
        } else { check("/drivers", r.drivers == nil, true) }
        if let th = t.helpdesk {
            matrix("helpdesk", r.helpdesk.map { ($0.months, $0.rows.map { ($0.category, $0.counts) }) },
                   (th.months, th.rows.map { ($0.category, $0.counts) }))
            check("/helpdesk/total", r.helpdesk?.total, th.total)
        } else { check("/helpdesk", r.helpdesk == nil, true) }
        if let tw = t.website {
            matrix("website", r.website.map { ($0.months, $0.rows.map { ($0.metric, $0.values) }) }, (tw.months, tw.rows.map { ($0.metric, $0.values) }))
        }
        if let tp = t.partyStatistics {
            matrix("party_statistics", r.partyStatistics.map { ($0.months, $0.rows.map { ($0.measure, $0.counts) }) },
                   (tp.months, tp.rows.map { ($0.measure, $0.counts) }))
        }
        if let tv = t.votingGroups {
            let got = Dictionary((r.votingGroups ?? []).map { ($0.category, $0.count) }, uniquingKeysWith: { a, _ in a })
            check("/voting_groups/length", r.votingGroups?.count, tv.count)
            for g in tv {
                check("/voting_groups[\(g.category)]/category", got[g.category] != nil, true)
                check("/voting_groups[\(g.category)]/count", got[g.category] ?? nil, g.count)
            }
        }
        if let tm = t.meetings {
            let em = r.meetings ?? []
            check("/meetings/length", em.count, tm.count)
            for (i, m) in tm.enumerated() {
                let e = i < em.count ? em[i] : nil
                check("/meetings/\(i)/category", e?.category, m.category)
                check("/meetings/\(i)/meeting", e?.meeting, m.meeting)
                check("/meetings/\(i)/dates", e?.dates, m.dates)
            }
        }
        if let ts = t.modificationStatus {
            check("/modification_status/rows", r.modificationStatus?.rows, ts.rows)
            check("/modification_status/total", r.modificationStatus?.total, ts.total)
        } else { check("/modification_status", r.modificationStatus == nil, true) }
    }

    private mutating func matrix(_ key: String, _ got: ([String], [(String, [Int?])])?, _ want: ([String], [(String, [Int?])])) {
        for (j, m) in want.0.enumerated() { check("/\(key)/months/\(j)", got.map { j < $0.0.count ? $0.0[j] : "" }, m) }
        let rows = got?.1 ?? []
        check("/\(key)/rows/length", rows.count, want.1.count)
        for (i, w) in want.1.enumerated() {
            let g = i < rows.count ? rows[i] : nil
            check("/\(key)/rows/\(i)/label", g?.0, w.0)
            for (j, v) in w.1.enumerated() { check("/\(key)/rows/\(i)/\(j)", g.flatMap { j < $0.1.count ? $0.1[j] : nil }, v) }
        }
    }

    private mutating func check<T: Equatable>(_ pointer: String, _ got: T?, _ want: T?) {
        if got == want { matched += 1 } else { mismatches.append("\(pointer): got \(got.map { "\($0)" } ?? "nil"), truth \(want.map { "\($0)" } ?? "nil")") }
    }
}
