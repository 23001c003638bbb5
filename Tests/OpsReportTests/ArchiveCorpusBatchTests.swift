import XCTest
import GRDB
@testable import Archive
import OpsReport

/// Batch end-to-end with the real extractor (`opsreport extract` as the worker).
final class ArchiveCorpusBatchTests: TempFolderTestCase {
    override var tempTag: String { "corpus" }

    /// The 12 text reports, the image-only scan (read by OCR) and every bad input: each bad file
    /// gets its own reason, the database's 2017 helpdesk, website and party series equal the
    /// truth, and the scan raises no `restatement` (a misreading is an `ocr_misreading`).
    func testCorpusBatchRecordsBadFilesAndBackfillsTheTruthSeries() throws {
        let input = root.appendingPathComponent("in"), out = root.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: input.appendingPathComponent("bad"), withIntermediateDirectories: true)
        try ArchiveSupport.copyCorpus(Fixtures.textStems + ["2017-12-operations-report.image-only"], to: input)
        let badDir = Fixtures.corpus.appendingPathComponent("bad")
        let bad = try FileManager.default.contentsOfDirectory(atPath: badDir.path).filter { $0.hasSuffix(".pdf") }
        for b in bad { try FileManager.default.copyItem(atPath: badDir.appendingPathComponent(b).path, toPath: input.appendingPathComponent("bad/\(b)").path) }
        var c = BatchConfiguration(inputDirectory: input.path, outputDirectory: out.path,
                                   databasePath: out.appendingPathComponent("opsreport.sqlite").path, executable: ArchiveSupport.opsreport)
        c.jobs = 2
        c.timeout = 300
        // The default CPU limit (50 s + 10 s per page read by OCR) also covers a debug build's OCR.
        let summary = try BatchRunner(configuration: c, progress: RecordingProgress()).run()
        let by = Dictionary(uniqueKeysWithValues: summary.outcomes.map { ($0.name, $0) })
        for s in Fixtures.textStems { XCTAssertEqual(by["\(s).pdf"]?.status, .converted, s) }
        let expected: [String: FailureReason?] = [
            "bad/2017-03-operations-report.truncated.pdf": .damaged,
            "bad/2017-04-operations-report.encrypted.pdf": .passwordRequired,
            "bad/empty.pdf": .empty,
            "bad/not-a-pdf.pdf": .notPDF,
            "bad/letter-change-of-address.pdf": .notAReport,
            "bad/blank-300-pages.pdf": .blank,
            "bad/2017-08-operations-report.missing-helpdesk.pdf": nil,   // partial, but a report
            "2017-12-operations-report.image-only.pdf": nil,   // read by OCR
        ]
        for (name, reason) in expected where by[name] != nil || bad.contains((name as NSString).lastPathComponent) {
            XCTAssertEqual(by[name]?.reason, reason, name)
            if reason != nil { XCTAssertFalse(by[name]?.message?.isEmpty ?? true, name) }
        }
        XCTAssertEqual(summary.exitStatus, 3)

        let store = try ArchiveStore(path: c.databasePath)
        var checked = 0
        for (m, stem) in Fixtures.textStems.enumerated() {
            let t = try Fixtures.truth(stem)
            let month = String(format: "2017-%02d", m + 1)
            var want: [(String, String, Int)] = t.helpdesk!.rows.map { ("helpdesk", $0.category, $0.counts.last!!) }
            want.append(("helpdesk", "Total", t.helpdesk!.total.last!!))
            want += t.website!.rows.map { ("website", $0.metric, $0.values.last!!) }
            want += t.partyStatistics!.rows.map { ("party_statistics", $0.measure, $0.counts.last!!) }
            for (table, measure, value) in want {
                let p = try store.series(table: table, measure: measure).first { $0.month == month }
                XCTAssertEqual(p?.value, Double(value), "\(table) \(measure) \(month)")
                checked += 1
            }
        }
        XCTAssertEqual(checked, 216)
        let planted = try XCTUnwrap(try store.series(table: "helpdesk", measure: "Total").first { $0.month == "2017-09" })
        XCTAssertTrue(planted.disagree)
        XCTAssertEqual(planted.value, 1149)
        XCTAssertTrue(summary.archiveFindings.contains { $0.code == "restatement" && $0.pointer == "/helpdesk/total/10" && $0.printed == "1194" })
        XCTAssertFalse(summary.archiveFindings.contains { $0.code == "archive_gap" })
        XCTAssertFalse(summary.archiveFindings.contains { $0.code == "party_count_discontinuity" })
        XCTAssertEqual(by["2017-12-operations-report.image-only.pdf"]?.status, .converted)
        let scan = summary.archiveFindings.filter { ($0.report ?? "").contains("image-only") }
        XCTAssertFalse(scan.contains { $0.code == "restatement" }, "\(scan.map(\.message))")
        XCTAssertTrue(scan.allSatisfy { $0.suggestion != nil || $0.code != "ocr_misreading" })
    }

    /// SIGKILL the batch (real extractor) twice mid-run and restart: same result as an uninterrupted run.
    func testKilledAndRestartedCorpusBatchEqualsUninterruptedRun() throws {
        try ArchiveKillHarness.run(root: root, worker: nil, stems: Array(Fixtures.textStems.prefix(8)), killAfter: [2, 5], timeout: 300)
    }
}
