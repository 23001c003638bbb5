import XCTest
import GRDB
@testable import Archive
import OpsReport

/// The consolidated series leaves out damaged labels and prefers the complete report of a period,
/// in the SQL view and in `SeriesConsolidation` alike; a new database can be opened by several
/// processes at once.
final class ArchiveSeriesRulesTests: XCTestCase {
    /// Imports `reports` (file paths `files`), stores their cross-report findings as a batch does,
    /// and checks that the SQL view and the Swift consolidation agree on every row.
    @discardableResult
    func storeAndCompare(_ reports: [Report], files: [String], file: StaticString = #filePath, line: UInt = #line) throws -> ArchiveStore {
        let store = try ArchiveStore()
        for (r, f) in zip(reports, files) { try store.importReport(r, file: f, sha256: f) }
        let loaded = try store.loadReports()
        try store.replaceArchiveFindings(try store.loadReportsForCrossChecks().findings())
        let swift = SeriesConsolidation.consolidate(loaded)
        let sql = try store.dbQueue.read { db in try Row.fetchAll(db, sql: "SELECT * FROM monthly_series") }
        XCTAssertEqual(swift.count, sql.count, "rows", file: file, line: line)
        var bySQL: [String: Row] = [:]
        for r in sql { bySQL["\(r["table_name"] as String)|\(r["measure"] as String)|\(r["month"] as String)"] = r }
        for c in swift {
            guard let r = bySQL["\(c.table)|\(c.measure)|\(c.month)"] else { XCTFail("SQL lacks \(c)", file: file, line: line); continue }
            let v: Double = r["value"]
            XCTAssertEqual(Int((v * (c.unit == .days ? 100 : 1)).rounded()), c.value, "\(c)", file: file, line: line)
            XCTAssertEqual(r["n_reports"] as Int, c.reportCount, "\(c)", file: file, line: line)
            XCTAssertEqual(r["source_report_id"] as Int64, try store.dbQueue.read { db in
                try Int64.fetchOne(db, sql: "SELECT id FROM reports WHERE file = ?", arguments: [loaded[c.sourceIndex].source.file])
            }, "\(c)", file: file, line: line)
        }
        return store
    }

    /// A scan of December whose OCR damaged four row labels (and lost one): the damaged rows stay
    /// in the long-form tables but start no series of their own, and do not count as reports
    /// printing the real label either.
    func testDamagedAndEmptyLabelsAreLeftOutOfTheConsolidatedSeries() throws {
        var reports = try Fixtures.textStems.map(Fixtures.truth)
        var scan = reports[11]
        scan.variant = "scanned"
        let panel = try XCTUnwrap(scan.helpdesk?.rows.firstIndex { $0.category == "Panel & Board Correspondence" })
        scan.helpdesk!.rows[panel].category = "Pana Correspondence"
        let other = try XCTUnwrap(scan.helpdesk?.rows.firstIndex { $0.category == "Other" })
        scan.helpdesk!.rows[other].category = ""
        let cio = try XCTUnwrap(scan.drivers?.rows.firstIndex { $0.driver == "CIO" })
        scan.drivers!.rows[cio].driver = "clo"
        scan.website!.rows[1].metric = "Page Vi"
        reports.append(scan)
        let files = Fixtures.textStems.map { "/a/\($0).pdf" } + ["/a/scans/2017-12-operations-report.scanned.pdf"]
        let flagged = LabelVariantRule.findings(reports).map(\.printed)
        XCTAssertEqual(Set(flagged), ["Pana Correspondence", "clo", "Page Vi"], "the rule's part: the empty label is not a variant")

        let store = try storeAndCompare(reports, files: files)
        let measures = try store.dbQueue.read { db in
            try Row.fetchAll(db, sql: "SELECT DISTINCT table_name, measure FROM monthly_series")
                .map { "\($0["table_name"] as String)|\($0["measure"] as String)" }
        }
        for bad in ["helpdesk|Pana Correspondence", "helpdesk|", "drivers|clo", "website|Page Vi"] {
            XCTAssertFalse(measures.contains(bad), bad)
        }
        let truthLabels = Set(reports[11].helpdesk!.rows.map(\.category) + ["Total"])
        XCTAssertEqual(Set(measures.filter { $0.hasPrefix("helpdesk|") }.map { String($0.dropFirst(9)) }), truthLabels)
        // December's own column: the scan prints Page Views and Other only under damaged labels, so
        // only the text report counts; its CIO days agree with the scan's "clo" value, unmerged.
        let pv = try XCTUnwrap(store.series(table: "website", measure: "Page Views").first { $0.month == "2017-12" })
        XCTAssertEqual(pv.reportCount, 1)
        XCTAssertEqual(pv.value, Double(reports[11].website!.rows[1].values[11]!))
        let visitors = try XCTUnwrap(store.series(table: "website", measure: "Visitors").first { $0.month == "2017-12" })
        XCTAssertEqual(visitors.reportCount, 2, "an undamaged row of the scan still counts")
        XCTAssertEqual(try store.series(table: "drivers", measure: "CIO").first { $0.month == "2017-12" }?.reportCount, 1)
        // The long-form tables keep every printed value.
        let kept = try store.dbQueue.read { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM helpdesk_emails WHERE category IN ('Pana Correspondence', '')")!
        }
        XCTAssertEqual(kept, 24)
        XCTAssertEqual(try store.dbQueue.read { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM monthly_values WHERE measure IN ('Pana Correspondence', '', 'clo', 'Page Vi')")!
        }, 12 + 12 + 1 + 12)
        // series.csv follows the view.
        let dir = try ArchiveSupport.tempDir("series-csv")
        addTeardownBlock { try? FileManager.default.removeItem(at: dir) }
        try CSVExport.export(store: store, to: dir.path)
        let csv = try String(contentsOf: dir.appendingPathComponent("series.csv"), encoding: .utf8)
        XCTAssertFalse(csv.contains("Pana Correspondence"))
        XCTAssertFalse(csv.contains("helpdesk,,"))
        XCTAssertTrue(try String(contentsOf: dir.appendingPathComponent("values.csv"), encoding: .utf8).contains("Pana Correspondence"))
    }

    /// Two reports for August, same variant: the one that lost its helpdesk section (or, with the
    /// same sections, prints fewer values) is not the series' source, whatever its path.
    func testTieBreakPrefersTheMoreCompleteReportOfAPeriod() throws {
        let reports = try Fixtures.textStems.map(Fixtures.truth)
        var partial = reports[7]
        partial.helpdesk = nil
        partial.missingSections = ["helpdesk"]
        partial.narrative.telephoneEnquiries = 7
        partial.narrative.parties = 999
        let files = Fixtures.textStems.map { "/a/\($0).pdf" } + ["/a/bad/2017-08-operations-report.missing-helpdesk.pdf"]
        XCTAssertGreaterThan(files[12], files[7], "the old `file DESC` tie-break chose the partial report")
        let store = try storeAndCompare(reports + [partial], files: files)
        let tel = try XCTUnwrap(store.series(table: "narrative", measure: "telephone_enquiries").first { $0.month == "2017-08" })
        XCTAssertEqual(tel.value, 120)
        XCTAssertEqual(tel.reportCount, 2)
        XCTAssertTrue(tel.disagree)
        // The party continuity check reads August from the complete report: no discontinuity.
        let findings = CrossReportRules.all(reports + [partial])
        XCTAssertEqual(findings.filter { $0.code == "party_count_discontinuity" }, [])
        XCTAssertEqual(Set(findings.filter { $0.code == "restatement" && $0.pointer.hasPrefix("/narrative/") }.map(\.printed)), ["7", "999"])

        // Same sections, fewer values: a copy of August without its drivers table.
        var fewer = reports[7]
        fewer.drivers = nil
        fewer.narrative.telephoneEnquiries = 8
        let store2 = try storeAndCompare(reports + [fewer], files: files)
        let tel2 = try XCTUnwrap(store2.series(table: "narrative", measure: "telephone_enquiries").first { $0.month == "2017-08" })
        XCTAssertEqual(tel2.value, 120)
        XCTAssertTrue(SeriesConsolidation.isNewer((reports[7], 0), than: (fewer, 1)))
        XCTAssertTrue(SeriesConsolidation.isNewer((reports[7], 0), than: (partial, 1)))
        XCTAssertFalse(SeriesConsolidation.isNewer((partial, 1), than: (reports[7], 0)))
    }

    /// Several connections opening one new database at the same moment all succeed (GRDB's
    /// migrator checks what is applied before taking the write lock).
    func testConcurrentOpeningOfANewDatabaseMigratesOnce() throws {
        let dir = try ArchiveSupport.tempDir("migrate")
        addTeardownBlock { try? FileManager.default.removeItem(at: dir) }
        final class Errors: @unchecked Sendable { let lock = NSLock(); var list: [String] = [] }
        let errors = Errors()
        for round in 0..<8 {
            let path = dir.appendingPathComponent("db\(round).sqlite").path
            DispatchQueue.concurrentPerform(iterations: 4) { _ in
                do { _ = try ArchiveStore(path: path) } catch {
                    errors.lock.lock(); errors.list.append("\(error)"); errors.lock.unlock()
                }
            }
            let q = try DatabaseQueue(path: path)
            XCTAssertEqual(try q.read { db in try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations ORDER BY identifier") }, StoreMigrations.migrator.migrations.sorted())
        }
        XCTAssertEqual(errors.list, [])
    }
}
