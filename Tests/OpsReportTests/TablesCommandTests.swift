import XCTest

/// `opsreport tables` end to end: formats, files per table, --pages, --debug, bad input.
final class TablesCommandTests: XCTestCase {
    var dir: URL!

    override func setUpWithError() throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("tables-cli-\(getpid())-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    }
    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: dir) }

    func fixture(_ b: TablePDFBuilder, _ name: String) throws -> String {
        let path = dir.appendingPathComponent(name).path
        try b.data().write(to: URL(fileURLWithPath: path))
        return path
    }

    func testJSONToStandardOutputAndToAFile() throws {
        let pdf = try fixture(TableFixtures.twoTablesAndProse(), "two.pdf")
        let r = try CLI.run(["tables", pdf])
        XCTAssertEqual(r.status, 0, r.stderr)
        let obj = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as! [String: Any]
        let tables = obj["tables"] as! [[String: Any]]
        XCTAssertEqual(tables.map { $0["page"] as? Int }, [1, 1])
        XCTAssertEqual(tables[0]["caption"] as? String, "Table 1: Fruit sales by region")
        let texts = (tables[1]["cells"] as! [[String: Any]]).map { $0["text"] as! String }
        XCTAssertEqual(texts, TableFixtures.ruledCells.map(\.3))
        let out = dir.appendingPathComponent("out.json").path
        XCTAssertEqual(try CLI.run(["tables", pdf, "-o", out]).status, 0)
        XCTAssertEqual(try String(contentsOfFile: out), r.stdout)
        // --pages: the prose page alone has no table (a warning, exit 0).
        let p2 = try CLI.run(["tables", pdf, "--pages", "2"])
        XCTAssertEqual(p2.status, 0)
        XCTAssertEqual((try JSONSerialization.jsonObject(with: Data(p2.stdout.utf8)) as! [String: Any])["tables"] as? [Any] as? [AnyHashable], [])
        XCTAssertTrue(p2.stderr.contains("no table found"), p2.stderr)
    }

    func testCSVOneTableToStandardOutputSeveralToOneFileEach() throws {
        let one = try fixture(TableFixtures.ruled(), "ruled.pdf")
        let r = try CLI.run(["tables", one, "--format", "csv"])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(r.stdout, "Item,Unit price (EUR),Stock\nBolts,0.10,5000\nNuts,0.05,7200\nWashers,0.02,900\n")
        let tsv = try CLI.run(["tables", one, "--format", "tsv"])
        XCTAssertEqual(tsv.stdout, "Item\tUnit price (EUR)\tStock\nBolts\t0.10\t5000\nNuts\t0.05\t7200\nWashers\t0.02\t900\n")

        let two = try fixture(TableFixtures.twoTablesAndProse(), "two.pdf")
        let refused = try CLI.run(["tables", two, "--format", "csv"])
        XCTAssertEqual(refused.status, 64)
        XCTAssertTrue(refused.stderr.contains("give -o OUT"), refused.stderr)
        let stem = dir.appendingPathComponent("sales.csv").path
        XCTAssertEqual(try CLI.run(["tables", two, "--format", "csv", "-o", stem]).status, 0)
        let first = try String(contentsOfFile: dir.appendingPathComponent("sales-p1-t1.csv").path)
        XCTAssertEqual(first.split(separator: "\n").first, ",North,,South,")
        XCTAssertTrue(first.contains("\nDried apricots and figs,15,16,17,18\n"), first)
        let second = try String(contentsOfFile: dir.appendingPathComponent("sales-p1-t2.csv").path)
        XCTAssertEqual(second.split(separator: "\n").last, "Washers,0.02,900")
    }

    func testMarkdownJSONLinesAndXLSX() throws {
        let pdf = try fixture(TableFixtures.twoTablesAndProse(), "two.pdf")
        let md = try CLI.run(["tables", pdf, "--format", "md"])
        XCTAssertTrue(md.stdout.hasPrefix("### Page 1, table 1: Table 1: Fruit sales by region\n\n|  | North |  | South |  |\n| --- |"), md.stdout)
        XCTAssertTrue(md.stdout.contains("| Pears | 200 | 210 | 220 | 230 |"), md.stdout)
        let jsonl = try CLI.run(["tables", pdf, "--format", "jsonl"])
        XCTAssertEqual(jsonl.stdout.split(separator: "\n").count, 2)
        let xlsx = dir.appendingPathComponent("t.xlsx").path
        XCTAssertEqual(try CLI.run(["tables", pdf, "--format", "xlsx", "-o", xlsx]).status, 0)
        let names = try CLI.run("/usr/bin/env", ["python3", "-c", "import sys, zipfile; print(sorted(n for n in zipfile.ZipFile(sys.argv[1]).namelist() if n.startswith('xl/worksheets/')))", xlsx])
        XCTAssertEqual(names.stdout, "['xl/worksheets/sheet1.xml', 'xl/worksheets/sheet2.xml']\n", names.stderr)
    }

    func testDebugImageOnePNGPerPage() throws {
        let pdf = try fixture(TableFixtures.twoTablesAndProse(), "two.pdf")
        let debug = dir.appendingPathComponent("debug").path
        XCTAssertEqual(try CLI.run(["tables", pdf, "--debug", debug, "-o", dir.appendingPathComponent("o.json").path]).status, 0)
        for page in [1, 2] {
            let png = try Data(contentsOf: URL(fileURLWithPath: debug + "/two-p\(page).png"))
            XCTAssertEqual(Array(png.prefix(8)), [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        }
    }

    func testBadInputHasTheExitStatusesOfExtract() throws {
        let cases: [(String, Int32, String)] = [
            (dir.appendingPathComponent("missing.pdf").path, 10, "cannot read"),
            (Fixtures.badPDF("empty.pdf"), 11, "empty"),
            (Fixtures.badPDF("not-a-pdf.pdf"), 12, "not a PDF"),
            (Fixtures.badPDF("2017-03-operations-report.truncated.pdf"), 13, "damaged"),
            (Fixtures.badPDF("2017-04-operations-report.encrypted.pdf"), 14, "--password"),
        ]
        for (file, status, words) in cases {
            let r = try CLI.run(["tables", file])
            XCTAssertEqual(r.status, status, file)
            XCTAssertTrue(r.stderr.contains(words) && r.stderr.contains(file), r.stderr)
            XCTAssertEqual(r.stdout, "", "nothing written for \(file)")
        }
        let wrong = try CLI.run(["tables", Fixtures.badPDF("2017-04-operations-report.encrypted.pdf"), "--password", "nope"])
        XCTAssertEqual(wrong.status, 15)
        let ok = try CLI.run(["tables", Fixtures.badPDF("2017-04-operations-report.encrypted.pdf"), "--password", "open-sesame", "--pages", "7"])
        XCTAssertEqual(ok.status, 0, ok.stderr)
        XCTAssertTrue(ok.stdout.contains("\"Applications\""), ok.stdout)

        let pdf = try fixture(TableFixtures.ruled(), "ruled.pdf")
        XCTAssertEqual(try CLI.run(["tables", pdf, "--pages", "2"]).status, 64, "a page the document does not have")
        XCTAssertEqual(try CLI.run(["tables", pdf, "--pages", "3-1"]).status, 64)
        XCTAssertEqual(try CLI.run(["tables", pdf, "--format", "html"]).status, 64)
        let unwritable = try CLI.run(["tables", pdf, "-o", dir.appendingPathComponent("no/such/dir/out.json").path])
        XCTAssertEqual(unwritable.status, 73)
        XCTAssertTrue(unwritable.stderr.contains("cannot write"), unwritable.stderr)
    }
}
