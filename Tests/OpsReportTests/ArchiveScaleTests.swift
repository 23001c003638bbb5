import XCTest
import GRDB
@testable import Archive
import OpsReport
import PDFLayout
import CPoppler

/// What keeps a batch linear in the archive: bounded `related` lists (the full list in SQL), a
/// re-run that keeps the cross-report findings when no report changed, and files hashed once.
final class ArchiveScaleTests: TempFolderTestCase {
    override var tempTag: String { "scale" }

    /// `copies` byte-distinct copies of the twelve 2017 text reports, in `copy-N/` folders, made
    /// long enough ago that their identities are settled when the batch hashes them.
    func makeArchive(copies: Int) throws -> URL {
        let input = root.appendingPathComponent("in")
        for k in 0..<copies {
            let dir = input.appendingPathComponent("copy-\(k)")
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
            for s in Fixtures.textStems {
                var bytes = try Data(contentsOf: URL(fileURLWithPath: Fixtures.pdf(s)))
                bytes.append(contentsOf: Array("%copy \(k)\n".utf8))
                try bytes.write(to: dir.appendingPathComponent(s + ".pdf"))
            }
        }
        Thread.sleep(forTimeInterval: Double(FileIdentity.settleNanoseconds) / 1e9 + 0.2)
        return input
    }

    func config(_ input: URL) throws -> BatchConfiguration {
        let out = root.appendingPathComponent("out")
        var c = BatchConfiguration(inputDirectory: input.path, outputDirectory: out.path,
                                   databasePath: out.appendingPathComponent("opsreport.sqlite").path,
                                   executable: try ArchiveSupport.fakeWorker(in: root))
        c.jobs = 2
        return c
    }

    func run(_ c: BatchConfiguration) throws -> BatchSummary { try BatchRunner(configuration: c, progress: RecordingProgress()).run() }

    /// The 2017-10 report prints 1194 for the 2017-09 helpdesk total where the 2017-09, -11 and -12
    /// reports print 1149. Over three copies of the archive each 2017-10 copy gets a restatement
    /// whose evidence is nine cells: `related` names five, newest first, `related_count` says
    /// nine, and the view `related_cells` lists all nine.
    func testRestatementNamesAFewAgreeingCellsAndCountsThemAll() throws {
        var reports: [Report] = []
        for k in 0..<3 {
            for s in Fixtures.textStems {
                var r = try Fixtures.truth(s)
                r.source = Source(file: "/archive/copy-\(k)/\(s).pdf", sha256: String(repeating: "\(k)", count: 64), pages: 12)
                reports.append(r)
            }
        }
        let found = CrossReportRules.restatements(reports)
        XCTAssertEqual(found.map(\.report), (0..<3).map { "/archive/copy-\($0)/2017-10-operations-report.pdf" })
        for f in found {
            XCTAssertEqual(f.pointer, "/helpdesk/total/10")
            XCTAssertEqual(f.printed, "1194")
            XCTAssertEqual(f.expected, .int(1149))
            XCTAssertEqual(f.related.count, CrossReportRules.relatedExamples)
            XCTAssertEqual(f.relatedCount, 9)
            XCTAssertEqual(Array(f.related.prefix(3)), Array(repeating: "2017-12:/helpdesk/total/8", count: 3), "the newest report's cells first")
            XCTAssertEqual(Array(f.related.suffix(2)), Array(repeating: "2017-11:/helpdesk/total/9", count: 2))
            XCTAssertTrue(f.message.contains("12 reports print this value, with 2 different values"), f.message)
        }
        // One copy: the whole evidence, no count.
        let single = CrossReportRules.restatements(Array(reports.prefix(12)))
        XCTAssertEqual(single.first?.related.count, 3)
        XCTAssertNil(single.first?.relatedCount)

        // In the database: the same findings from the compact load, and the full list in SQL.
        let store = try ArchiveStore()
        for r in reports { try store.importReport(r, file: r.source.file) }
        let archive = try store.loadReportsForCrossChecks()
        // Values are loaded where reports disagree, and in full only for the newest report of
        // each period (here the last copy, the larger path): what the party count rule reads.
        XCTAssertEqual(archive.reports.filter { $0.narrative.parties != nil }.map(\.source.file),
                       Fixtures.textStems.map { "/archive/copy-2/\($0).pdf" })
        XCTAssertEqual(archive.reports.filter { !($0.partyStatistics?.months.isEmpty ?? true) }.count, 12)
        XCTAssertEqual(archive.reports.filter { !($0.helpdesk?.total.isEmpty ?? true) }.count, 12, "the 2017-09 total of four reports, three times")
        XCTAssertEqual(archive.findings(), CrossReportRules.all(try store.loadReports()))
        XCTAssertEqual(archive.findings().filter { $0.code == "restatement" }, found)
        try store.replaceArchiveFindings(archive.findings())
        let stored = try store.findings(scope: "archive").filter { $0.code == "restatement" }
        XCTAssertEqual(stored, found, "related_count is stored")
        let cells = try store.dbQueue.read { db in
            try Row.fetchAll(db, sql: """
                SELECT f.report AS finding_report, c.period, c.pointer, c.value FROM related_cells c JOIN findings f ON f.id = c.finding_id
                 ORDER BY f.report, c.period, c.report
                """)
        }
        XCTAssertEqual(cells.count, 27)
        for (k, f) in found.enumerated() {
            let mine = cells.filter { ($0["finding_report"] as String) == f.report }
            XCTAssertEqual(mine.count, f.relatedCount, "finding \(k)")
            XCTAssertEqual(mine.map { "\($0["period"] as String):\($0["pointer"] as String)" },
                           ["2017-09:/helpdesk/total/11", "2017-11:/helpdesk/total/9", "2017-12:/helpdesk/total/8"].flatMap { Array(repeating: $0, count: 3) })
            XCTAssertTrue(mine.allSatisfy { ($0["value"] as Int) == 1149 })
        }
        // The CSV export carries the count.
        let csv = root.appendingPathComponent("csv")
        try CSVExport.export(store: store, to: csv.path)
        let text = try String(contentsOf: csv.appendingPathComponent("findings.csv"), encoding: .utf8)
        XCTAssertTrue(text.split(separator: "\n")[0].contains("related,related_count,message"))
        XCTAssertEqual(text.split(separator: "\n").filter { $0.contains(",restatement,") && $0.contains(",9,") }.count, 3)
    }

    /// A re-run with nothing to do hashes no file (their identities are recorded) and keeps the
    /// cross-report findings without reading a report; removing a file makes the pass run again.
    func testANoOpRerunNeitherHashesNorReloadsReports() throws {
        let input = try makeArchive(copies: 2)
        let c = try config(input)
        let first = try run(c)
        XCTAssertEqual(first.convertedCount, 24)
        XCTAssertEqual(first.hashedCount, 24)
        XCTAssertEqual(first.crossChecks, .computed)
        let restated = first.archiveFindings.filter { $0.code == "restatement" }
        XCTAssertEqual(restated.count, 2)
        XCTAssertEqual(restated.map(\.relatedCount), [6, 6])

        let second = try run(c)
        XCTAssertEqual(second.count(.skipped), 24)
        XCTAssertEqual(second.hashedCount, 0, "every file known by its recorded identity")
        XCTAssertEqual(second.crossChecks, .kept)
        XCTAssertEqual(second.archiveFindings, first.archiveFindings)
        XCTAssertEqual(second.render().components(separatedBy: "Findings:").last, first.render().components(separatedBy: "Findings:").last)

        // Same bytes, new times: hashed again, still skipped; the reports did not change.
        let touched = input.appendingPathComponent("copy-0/2017-05-operations-report.pdf").path
        XCTAssertEqual(utimes(touched, nil), 0)
        let third = try run(c)
        XCTAssertEqual(third.hashedCount, 1)
        XCTAssertEqual(third.count(.skipped), 24)
        XCTAssertEqual(third.crossChecks, .kept)

        // Archive findings written by another program (an older version that keeps no input
        // digest): not taken for the pass's own, computed again.
        let store = try ArchiveStore(path: c.databasePath)
        try store.dbQueue.write { db in
            try db.execute(sql: "DELETE FROM findings WHERE scope = 'archive'")
            try ArchiveStore.insertFinding(db, reportId: nil, scope: "archive", restated[0])
        }
        let again = try run(c)
        XCTAssertEqual(again.crossChecks, .computed)
        XCTAssertEqual(again.archiveFindings, first.archiveFindings)
        XCTAssertEqual(try run(c).crossChecks, .kept)

        // One agreeing report fewer: the pass runs again and counts five cells.
        try FileManager.default.removeItem(at: input.appendingPathComponent("copy-1/2017-12-operations-report.pdf"))
        let fourth = try run(c)
        XCTAssertEqual(fourth.crossChecks, .computed)
        XCTAssertEqual(fourth.archiveFindings.filter { $0.code == "restatement" }.map(\.relatedCount), [nil, nil])
        XCTAssertEqual(fourth.archiveFindings.filter { $0.code == "restatement" }.map(\.related.count), [5, 5])
    }

    /// A batch starts one worker per file: each must leave no open descriptor behind (the pipes
    /// of its output), or a batch of thousands of files runs out of descriptors and stops.
    func testWorkersLeaveNoOpenDescriptorsBehind() throws {
        func open() -> Int { (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd").count) ?? 0 }
        _ = try ChildProcess.run(executable: "/bin/sh", arguments: ["-c", "echo warm-up"], timeout: 5)
        let before = open()
        for i in 0..<50 {
            let r = try ChildProcess.run(executable: "/bin/sh", arguments: ["-c", "echo out \(i); echo err >&2"], timeout: 5)
            XCTAssertEqual(String(decoding: r.stdout, as: UTF8.self), "out \(i)\n")
        }
        _ = try ChildProcess.run(executable: "/bin/sh", arguments: ["-c", "exec sleep 30"], timeout: 0.3)
        XCTAssertLessThan(open() - before, 5, "50 workers leave at most a few descriptors (none each)")
    }

    /// The worker takes the batch's hash only for the file as it was hashed: the same identity
    /// gives the known hash back without hashing; a changed file is hashed, so the batch sees
    /// another hash and fails it `changed_during_read`.
    func testAKnownHashIsUsedOnlyWhileTheFileKeepsItsIdentity() throws {
        let path = root.appendingPathComponent("r.pdf").path
        try FileManager.default.copyItem(atPath: Fixtures.pdf(Fixtures.textStems[0]), toPath: path)
        let real = try FileBytes.sha256(ofFile: path)
        let hashed = try FileBytes.hashWithIdentity(ofFile: path)
        XCTAssertEqual(hashed.sha256, real)
        XCTAssertFalse(hashed.settled, "a file written a moment ago is not settled")
        XCTAssertTrue(hashed.identity.isSettled(at: FileIdentity.now() + FileIdentity.settleNanoseconds + 1_000_000_000))
        let fake = KnownHash(sha256: String(repeating: "ab", count: 32), identity: hashed.identity)
        XCTAssertEqual(KnownHash(fake.description), fake)
        XCTAssertNil(KnownHash("xyz@1:2:3:4:5"))

        let (bytes, sha) = try FileBytes.read(path, known: fake)
        g_bytes_unref(bytes)
        XCTAssertEqual(sha, fake.sha256, "not hashed again: the identity is the one hashed")
        let status = try ArchiveSupport.runOpsreport(["extract", path, "-o", root.appendingPathComponent("a.json").path,
                                                      "--known-hash", fake.description, "--no-reconcile"])
        XCTAssertEqual(status, 0)
        let a = try ReportCoding.decode(try Data(contentsOf: root.appendingPathComponent("a.json")))
        XCTAssertEqual(a.source.sha256, fake.sha256)

        let h = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        h.seekToEndOfFile(); h.write(Data("%changed\n".utf8)); try h.close()
        let (bytes2, sha2) = try FileBytes.read(path, known: fake)
        g_bytes_unref(bytes2)
        XCTAssertEqual(sha2, try FileBytes.sha256(ofFile: path))
        XCTAssertNotEqual(sha2, real)
        XCTAssertEqual(try ArchiveSupport.runOpsreport(["extract", path, "-o", root.appendingPathComponent("b.json").path,
                                                        "--known-hash", fake.description, "--no-reconcile"]), 0)
        let b = try ReportCoding.decode(try Data(contentsOf: root.appendingPathComponent("b.json")))
        XCTAssertEqual(b.source.sha256, sha2, "the changed file is hashed")
        XCTAssertEqual(try ArchiveSupport.runOpsreport(["extract", path, "--known-hash", "nonsense"]), 64)
    }
}
