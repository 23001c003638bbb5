import Foundation
import XCTest
@testable import Archive
import OpsReport

/// What the README says of `batch`'s options, through the command line and the real worker:
/// the defaults of `-o` and `--db`, `--password` given to every worker, and the Excel-ready
/// `--csv-bom`.
final class BatchOptionsTests: TempFolderTestCase {
    override var tempTag: String { "batch-options" }

    /// A folder holding the encrypted corpus report (password `open-sesame`).
    func encryptedArchive() throws -> URL {
        let input = root.appendingPathComponent("in")
        try FileManager.default.createDirectory(at: input, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: Fixtures.badPDF("2017-04-operations-report.encrypted.pdf"),
                                         toPath: input.appendingPathComponent("2017-04-operations-report.encrypted.pdf").path)
        return input
    }

    func onlyRecord(_ db: URL) throws -> FileRecord {
        let records = try ArchiveStore(path: db.path).records()
        XCTAssertEqual(records.count, 1, "\(records)")
        return try XCTUnwrap(records.first)
    }

    func testDefaultOutputFolderAndDatabase() throws {
        // No -o, no --db: `opsreport-out/` in the current folder, the database inside it.
        let input = try encryptedArchive()
        let r = try CLI.run(["batch", input.path, "--password", "open-sesame"], stdin: nil, in: root)
        XCTAssertEqual(r.status, 0, r.stderr)
        let out = root.appendingPathComponent("opsreport-out")
        let record = try onlyRecord(out.appendingPathComponent("opsreport.sqlite"))
        XCTAssertEqual(record.status, "converted")
        XCTAssertTrue(try FileManager.default.contentsOfDirectory(atPath: out.path).contains("2017-04-operations-report.encrypted.json"))
        XCTAssertTrue(r.stdout.contains("/opsreport-out/opsreport.sqlite\nJSON: "), r.stdout)
        // -o without --db: the database goes into that folder.
        let other = try CLI.run(["batch", input.path, "-o", "elsewhere", "--password", "open-sesame"], stdin: nil, in: root)
        XCTAssertEqual(other.status, 0, other.stderr)
        XCTAssertEqual(try onlyRecord(root.appendingPathComponent("elsewhere/opsreport.sqlite")).status, "converted")
    }

    func testPasswordIsGivenToEveryWorker() throws {
        let input = try encryptedArchive()
        func run(_ tag: String, _ extra: [String]) throws -> (status: Int32, record: FileRecord) {
            let out = root.appendingPathComponent(tag)
            let r = try CLI.run(["batch", input.path, "-o", out.path] + extra)
            return (r.status, try onlyRecord(out.appendingPathComponent("opsreport.sqlite")))
        }
        let without = try run("without", [])
        XCTAssertEqual(without.status, 4)
        XCTAssertEqual(without.record.reason, FailureReason.passwordRequired.rawValue)
        let wrong = try run("wrong", ["--password", "nope"])
        XCTAssertEqual(wrong.status, 4)
        XCTAssertEqual(wrong.record.reason, FailureReason.wrongPassword.rawValue)
        let with = try run("with", ["--password", "open-sesame"])
        XCTAssertEqual(with.status, 0)
        XCTAssertEqual(with.record.status, "converted")
        XCTAssertEqual(with.record.period, "2017-04")
        let json = try ReportCoding.decode(Data(contentsOf: URL(fileURLWithPath: try XCTUnwrap(with.record.jsonPath))))
        XCTAssertEqual(json.period, "2017-04")
        XCTAssertFalse(json.provenance.isEmpty)
    }

    func testCSVBOMOptionMakesExcelReadyFiles() throws {
        let input = try encryptedArchive()
        let plain = root.appendingPathComponent("csv-plain"), bom = root.appendingPathComponent("csv-bom")
        for (tag, csv, extra) in [("a", plain, [String]()), ("b", bom, ["--csv-bom"])] {
            let r = try CLI.run(["batch", input.path, "-o", root.appendingPathComponent(tag).path, "--password", "open-sesame",
                                 "--csv", csv.path] + extra)
            XCTAssertEqual(r.status, 0, r.stderr)
        }
        for name in ["values", "series", "reports", "findings", "meetings"] {
            XCTAssertFalse(try Data(contentsOf: plain.appendingPathComponent("\(name).csv")).starts(with: CSVExport.utf8BOM), name)
            XCTAssertTrue(try Data(contentsOf: bom.appendingPathComponent("\(name).csv")).starts(with: CSVExport.utf8BOM), name)
        }
        let reports = try String(decoding: Data(contentsOf: bom.appendingPathComponent("reports.csv")).dropFirst(3), as: UTF8.self)
        XCTAssertTrue(reports.contains("—"), "the title's em dash is UTF-8 after the mark")
    }
}
