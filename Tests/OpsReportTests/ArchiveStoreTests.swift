import XCTest
import PDFLayout
import GRDB
@testable import Archive
import OpsReport

/// Store round-trip and the consolidated series, on the 12 text truth reports.
final class ArchiveStoreTests: XCTestCase {
    static func truthReports() throws -> [Report] { try Fixtures.textStems.map(Fixtures.truth) }

    /// Loads the 12 truth reports into a fresh in-memory store, keyed `truth/<stem>`.
    static func loadedStore() throws -> (ArchiveStore, [Report]) {
        let store = try ArchiveStore()
        let reports = try truthReports()
        for (stem, r) in zip(Fixtures.textStems, reports) { try store.importReport(r, file: "truth/\(stem)", sha256: stem) }
        return (store, reports)
    }

    func testSHA256KnownVectors() throws {
        XCTAssertEqual(PDFDocument.sha256(Data()), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        XCTAssertEqual(PDFDocument.sha256(Data("abc".utf8)), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        XCTAssertEqual(PDFDocument.sha256(Data("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8)),
                       "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        // A million 'a' exercises many blocks and the streaming path.
        let tmp = FileManager.default.temporaryDirectory.appendingPathComponent("sha-\(UUID().uuidString)")
        try Data(repeating: UInt8(ascii: "a"), count: 1_000_000).write(to: tmp)
        defer { try? FileManager.default.removeItem(at: tmp) }
        XCTAssertEqual(try PDFDocument.sha256(ofFile: tmp.path), "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    /// Every table survives store → rebuild unchanged (values, order, months, totals, meetings).
    func testRoundTripRebuildsTheTruthReports() throws {
        let (store, reports) = try Self.loadedStore()
        let rebuilt = try store.loadReports()
        XCTAssertEqual(rebuilt.count, 12)
        for (stem, (truth, back)) in zip(Fixtures.textStems, zip(reports, rebuilt)) {
            var expected = truth
            expected.source = Source(file: "truth/\(stem)", sha256: stem, pages: 0, producer: nil)
            XCTAssertEqual(back, expected, stem)
        }
        // Long-form row counts: 12 reports × (11 helpdesk categories + total) × 12 months.
        let n = try store.dbQueue.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM helpdesk_emails")! }
        let expectedCells = reports.reduce(0) { $0 + ($1.helpdesk!.rows.count + 1) * 12 }
        XCTAssertEqual(n, expectedCells)
        // Re-importing the same file replaces, never duplicates.
        try store.importReport(reports[0], file: "truth/\(Fixtures.textStems[0])", sha256: Fixtures.textStems[0])
        let n2 = try store.dbQueue.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM helpdesk_emails")! }
        XCTAssertEqual(n2, n)
    }

    /// The consolidated 2017 helpdesk, website and party series equal, month by month, what the
    /// report *for that month* prints in its last column (an independent source: the series takes
    /// each value from the newest report, 2017-12).
    func testConsolidatedSeriesEqualsTruthMonthByMonth() throws {
        let (store, reports) = try Self.loadedStore()
        var checked = 0
        for (m, r) in reports.enumerated() {
            let month = String(format: "2017-%02d", m + 1)
            XCTAssertEqual(r.helpdesk!.months.last, month)
            var expected: [(String, String, Int)] = []
            for row in r.helpdesk!.rows { expected.append(("helpdesk", row.category, row.counts.last!!)) }
            expected.append(("helpdesk", "Total", r.helpdesk!.total.last!!))
            for row in r.website!.rows { expected.append(("website", row.metric, row.values.last!!)) }
            for row in r.partyStatistics!.rows { expected.append(("party_statistics", row.measure, row.counts.last!!)) }
            for (table, measure, value) in expected {
                let pts = try store.series(table: table, measure: measure).filter { $0.month == month }
                XCTAssertEqual(pts.count, 1, "\(table) \(measure) \(month)")
                guard let p = pts.first else { continue }
                XCTAssertEqual(p.value, Double(value), "\(table) \(measure) \(month)")
                XCTAssertEqual(p.sourcePeriod, "2017-12", "\(table) \(measure) \(month)")
                XCTAssertEqual(p.reportCount, 12 - m, "\(table) \(measure) \(month): reports 2017-\(m + 1)…2017-12 print it")
                checked += 1
            }
        }
        XCTAssertEqual(checked, 12 * (12 + 2 + 4))
        // 2016-01 is printed only by the 2017-01 report (months 2016-02…2017-01): no value.
        XCTAssertTrue(try store.series(table: "helpdesk", measure: "Total").allSatisfy { $0.month >= "2016-02" })
    }

    /// Exactly one disagreement: 2017-10 prints the 2017-09 helpdesk total as 1194 (planted); the
    /// series keeps 1149 from 2017-12 and flags it.
    func testPlantedRestatementIsTheOnlyDisagreement() throws {
        let (store, reports) = try Self.loadedStore()
        let disagreeing = try store.dbQueue.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM monthly_series WHERE disagree = 1")
        }
        XCTAssertEqual(disagreeing.count, 1)
        let row = try XCTUnwrap(disagreeing.first)
        XCTAssertEqual(row["table_name"] as String, "helpdesk")
        XCTAssertEqual(row["measure"] as String, "Total")
        XCTAssertEqual(row["month"] as String, "2017-09")
        XCTAssertEqual(row["value"] as Int, 1149)
        XCTAssertEqual(row["n_reports"] as Int, 4)
        XCTAssertEqual(row["n_values"] as Int, 2)
        XCTAssertEqual(row["min_value"] as Int, 1149)
        XCTAssertEqual(row["max_value"] as Int, 1194)

        let found = CrossReportRules.restatements(reports)
        XCTAssertEqual(found.count, 1)
        let f = try XCTUnwrap(found.first)
        XCTAssertEqual(f.code, "restatement")
        XCTAssertEqual(f.report, "2017-10")
        XCTAssertEqual(f.pointer, "/helpdesk/total/10")
        XCTAssertEqual(reports[9].helpdesk!.months[10], "2017-09")
        XCTAssertEqual(f.printed, "1194")
        XCTAssertEqual(f.expected, .int(1149))
        XCTAssertEqual(Set(f.related), ["2017-09:/helpdesk/total/11", "2017-11:/helpdesk/total/9", "2017-12:/helpdesk/total/8"])

        // Stored as an archive finding attached to the 2017-10 report.
        try store.replaceArchiveFindings(CrossReportRules.all(reports))
        try store.replaceArchiveFindings(CrossReportRules.all(reports)) // idempotent
        let stored = try store.dbQueue.read { db in
            try Row.fetchAll(db, sql: "SELECT f.code, r.period FROM findings f LEFT JOIN reports r ON r.id = f.report_id WHERE f.scope = 'archive'")
        }
        XCTAssertEqual(stored.count, 1)
        XCTAssertEqual(stored.first?["period"] as String?, "2017-10")
        XCTAssertEqual(try store.findings(scope: "archive"), found)
    }

    /// The Swift consolidation and the SQL view agree on every (table, measure, month).
    func testSwiftConsolidationMatchesSQLView() throws {
        let (store, reports) = try Self.loadedStore()
        let swift = SeriesConsolidation.consolidate(reports)
        let sql = try store.dbQueue.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM monthly_series ORDER BY table_name, measure, month")
        }
        XCTAssertEqual(swift.count, sql.count)
        XCTAssertGreaterThan(swift.count, 414)
        let bySQL = Dictionary(uniqueKeysWithValues: sql.map { ("\($0["table_name"] as String)|\($0["measure"] as String)|\($0["month"] as String)", $0) })
        for c in swift {
            guard let r = bySQL["\(c.table)|\(c.measure)|\(c.month)"] else { XCTFail("missing \(c)"); continue }
            let v: Double = r["value"]
            XCTAssertEqual(Int((v * (c.unit == .days ? 100 : 1)).rounded()), c.value, "\(c)")
            XCTAssertEqual(r["n_reports"] as Int, c.reportCount, "\(c)")
            XCTAssertEqual((r["disagree"] as Int) == 1, c.disagree, "\(c)")
            XCTAssertEqual(r["source_period"] as String?, c.sourcePeriod, "\(c)")
        }
        // Driver days come back exact: December's Panel/Board row.
        let dec = try store.series(table: "drivers", measure: "Panel/Board and Sub-Committees").first { $0.month == "2017-12" }
        XCTAssertEqual(dec?.value, reports[11].drivers!.rows.first { $0.driver == "Panel/Board and Sub-Committees" }!.days!.doubleValue)
    }

    /// A scanned duplicate of a period loses to the text report as the series' source.
    func testTextVariantIsPreferredOverScanForTheSamePeriod() throws {
        let (store, reports) = try Self.loadedStore()
        var scan = reports[11]
        scan.variant = "scanned"
        scan.website!.rows[0].values[11] = 1   // an OCR misread, say
        try store.importReport(scan, file: "scan/2017-12", sha256: "scan")
        let p = try XCTUnwrap(store.series(table: "website", measure: "Visitors").first { $0.month == "2017-12" })
        XCTAssertEqual(p.value, Double(reports[11].website!.rows[0].values[11]!))
        XCTAssertEqual(p.reportCount, 2)
        XCTAssertTrue(p.disagree)
        let f = CrossReportRules.restatements(reports + [scan]).filter { $0.pointer == "/website/rows/0/values/11" }
        XCTAssertEqual(f.map(\.printed), ["1"])
    }
}

/// The batch's cross-report pass loads full reports only where values disagree.
final class ArchiveCrossCheckLoadingTests: XCTestCase {
    func testSlimLoadingGivesTheSameFindingsAsFullReports() throws {
        let store = try ArchiveStore()
        for stem in Fixtures.textStems {
            try store.importReport(try Fixtures.truth(stem), file: "truth/\(stem)", sha256: stem)
        }
        let full = try store.loadReports(), slim = try store.loadReportsForCrossChecks()
        XCTAssertEqual(slim.findings(), CrossReportRules.all(full))
        XCTAssertEqual(slim.findings().filter { $0.code == "restatement" }.map(\.pointer), ["/helpdesk/total/10"])
        // Only the disputed value (the 2017-09 helpdesk total) is loaded, from the reports that print it.
        let withValues = slim.reports.filter { !($0.helpdesk?.total.isEmpty ?? true) }
        XCTAssertEqual(withValues.compactMap(\.period).sorted(), ["2017-09", "2017-10", "2017-11", "2017-12"])
        XCTAssertTrue(withValues.allSatisfy { $0.helpdesk!.total.compactMap { $0 }.count == 1 && $0.helpdesk!.rows.allSatisfy { $0.counts.isEmpty } })
        XCTAssertTrue(slim.reports.allSatisfy { $0.partyStatistics != nil && $0.narrative.parties != nil })
        // The complete value counts rank them as the full reports.
        XCTAssertEqual(slim.valueCounts, full.map { SeriesConsolidation.values(of: $0).count })
    }
}

/// `label_variant`: an OCR-damaged row label is matched to the label other reports print.
final class ArchiveLabelVariantTests: XCTestCase {
    func testDamagedLabelsAreMatchedToOtherReportsLabels() throws {
        var reports = try Fixtures.textStems.map(Fixtures.truth)
        XCTAssertEqual(LabelVariantRule.findings(reports), [], "the corpus's labels agree")
        // Damage two labels of the December report as its scan does: "CIO" → "clo", "Panel & Board
        // Correspondence" → "Pana Correspondence".
        let cio = try XCTUnwrap(reports[11].drivers?.rows.firstIndex { $0.driver == "CIO" })
        reports[11].drivers?.rows[cio].driver = "clo"
        let panel = try XCTUnwrap(reports[11].helpdesk?.rows.firstIndex { $0.category == "Panel & Board Correspondence" })
        reports[11].helpdesk?.rows[panel].category = "Pana Correspondence"
        let f = LabelVariantRule.findings(reports)
        XCTAssertEqual(f.map(\.pointer), ["/drivers/rows/\(cio)/driver", "/helpdesk/rows/\(panel)/category"])
        XCTAssertEqual(f.map(\.suggestion?.value), [.string("CIO"), .string("Panel & Board Correspondence")])
        // A new category that no other report prints, and resembles none, is not flagged.
        reports[11].helpdesk?.rows.append(HelpdeskRow(category: "Cyber Security Queries", counts: []))
        XCTAssertEqual(LabelVariantRule.findings(reports).count, 2)
        // Two scans that misread the label alike are still flagged, once each.
        var scan = reports[11]; scan.variant = "scanned"
        reports.append(scan)
        XCTAssertEqual(LabelVariantRule.findings(reports).filter { $0.printed == "clo" }.count, 2)
    }
}

/// `group_variant`: a driver whose spanning group label moved in one report.
final class ArchiveDriverGroupTests: XCTestCase {
    func testAGroupBoundaryShiftedByOneRowIsFlagged() throws {
        var reports = try Fixtures.textStems.map(Fixtures.truth)
        XCTAssertEqual(DriverGroupRule.findings(reports), [], "the corpus's groups agree")
        // As in the June scan's text layer: "Design" read under "Projects" instead of "Core".
        let design = try XCTUnwrap(reports[5].drivers?.rows.firstIndex { $0.driver == "Design" })
        reports[5].drivers?.rows[design].group = "Projects"
        let f = DriverGroupRule.findings(reports)
        XCTAssertEqual(f.map(\.pointer), ["/drivers/rows/\(design)/group"])
        XCTAssertEqual(f.first?.suggestion?.value, .string("Core"))
        XCTAssertEqual(f.first?.printed, "Projects")
        // Slim reports (as the batch loads them) carry the groups too.
        let store = try ArchiveStore()
        for (stem, r) in zip(Fixtures.textStems, reports) { try store.importReport(r, file: "truth/\(stem)", sha256: stem) }
        XCTAssertEqual(DriverGroupRule.findings(try store.loadReportsForCrossChecks().reports).map(\.pointer), ["/drivers/rows/\(design)/group"])
    }
}
