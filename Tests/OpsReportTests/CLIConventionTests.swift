import Foundation
import XCTest
import OpsReport
import PDFLayout

/// The Unix conventions of the command line: `-` for the standard streams, unknown options named
/// as such, a file given where a folder is expected.
final class CLIConventionTests: XCTestCase {
    var dir: URL!
    override func setUpWithError() throws {
        dir = try ArchiveSupport.tempDir("conventions")
        addTeardownBlock { [dir] in try? FileManager.default.removeItem(at: dir!) }
    }
    let pdf = URL(fileURLWithPath: Fixtures.pdf("2017-03-operations-report"))

    func testDashInputIsStandardInput() throws {
        let r = try CLI.run(["extract", "-"], stdin: pdf, in: dir)
        XCTAssertEqual(r.status, 0, r.stderr)
        let report = try ReportCoding.decode(Data(r.stdout.utf8))
        let truth = try Fixtures.truth("2017-03-operations-report")
        XCTAssertEqual(report.period, truth.period)
        XCTAssertEqual(report.helpdesk?.total, truth.helpdesk?.total)
        XCTAssertEqual(report.source.file, "-")
        XCTAssertEqual(report.source.sha256, try PDFDocumentSHA.of(pdf))
        // reconcile and audit read standard input too (a PDF, or a report JSON told by its first byte).
        let json = dir.appendingPathComponent("r.json")
        try Data(r.stdout.utf8).write(to: json)
        let rec = try CLI.run(["reconcile", "-", "--json"], stdin: json, in: dir)
        XCTAssertEqual(rec.status, 0, rec.stderr)
        XCTAssertEqual((try JSONSerialization.jsonObject(with: Data(rec.stdout.utf8)) as? [Any])?.count, 0)
        let audit = try CLI.run(["audit", "-", "-o", "-"], stdin: pdf, in: dir)
        XCTAssertEqual(audit.status, 0, audit.stderr)
        XCTAssertTrue(audit.stdout.hasPrefix("<!DOCTYPE html>"))
        XCTAssertTrue(audit.stdout.contains(truth.title!))
        // Nothing named "-" was written, and no copy of standard input is left behind.
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted(), ["r.json"])
    }

    func testDashOutputIsStandardOutput() throws {
        let r = try CLI.run(["extract", pdf.path, "-o", "-"], stdin: nil, in: dir)
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(try ReportCoding.decode(Data(r.stdout.utf8)).period, "2017-03")
        // reconcile -o -: the report on standard output, the findings' lines on standard error.
        let rec = try CLI.run(["reconcile", pdf.path, "-o", "-"], stdin: nil, in: dir)
        XCTAssertEqual(rec.status, 0, rec.stderr)
        XCTAssertEqual(try ReportCoding.decode(Data(rec.stdout.utf8)).period, "2017-03")
        XCTAssertTrue(rec.stderr.contains("0 finding(s)"), rec.stderr)
        // tables and audit -o -: what they would write to the file, on standard output.
        let tables = try CLI.run(["tables", pdf.path, "--pages", "7", "--format", "csv", "-o", "-"], stdin: nil, in: dir)
        XCTAssertEqual(tables.status, 0, tables.stderr)
        XCTAssertEqual(tables.stdout, try CLI.run(["tables", pdf.path, "--pages", "7", "--format", "csv"]).stdout)
        XCTAssertTrue(tables.stdout.contains("Category"), tables.stdout)
        let audit = try CLI.run(["audit", pdf.path, "-o", "-"], stdin: nil, in: dir)
        XCTAssertEqual(audit.status, 0, audit.stderr)
        XCTAssertTrue(audit.stdout.hasPrefix("<!DOCTYPE html>") && audit.stdout.contains("id=\"summary\""))
        XCTAssertFalse(FileManager.default.fileExists(atPath: dir.appendingPathComponent("-").path))
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir.path), [])
    }

    func testUnknownOptionsAreNamed() throws {
        for args in [["extract", "--format", "csv", "X.pdf"], ["extract", "-p", "3", "X.pdf"], ["audit", "--format", "csv", "X.pdf"]] {
            let r = try CLI.run(args)
            XCTAssertEqual(r.status, 64, "\(args)")
            XCTAssertTrue(r.stderr.contains("Unknown option '\(args[1])'"), "\(args): \(r.stderr)")
            XCTAssertFalse(r.stderr.contains("With several files"), r.stderr)
        }
        // Every command names an option it does not have, before or after its files.
        for command in ["extract", "reconcile", "batch", "tables", "text", "audit"] {
            for args in [[command, "--no-such-option", "X.pdf"], [command, "X.pdf", "--no-such-option"]] {
                let r = try CLI.run(args)
                XCTAssertEqual(r.status, 64, "\(args): \(r.stderr)")
                XCTAssertTrue(r.stderr.contains("Unknown option '--no-such-option'"), "\(args): \(r.stderr)")
            }
        }
        // The check of several files still holds when every option is known.
        let several = try CLI.run(["extract", "A.pdf", "B.pdf"])
        XCTAssertEqual(several.status, 64)
        XCTAssertTrue(several.stderr.contains("With several files, give --out-dir DIR"), several.stderr)
    }

    func testOptionsMayComeBeforeOrAfterTheFiles() throws {
        let before = dir.appendingPathComponent("before.json"), after = dir.appendingPathComponent("after.json")
        XCTAssertEqual(try CLI.run(["extract", "--no-reconcile", "-o", before.path, pdf.path]).status, 0)
        XCTAssertEqual(try CLI.run(["extract", pdf.path, "--no-reconcile", "-o", after.path]).status, 0)
        XCTAssertEqual(try Data(contentsOf: before), try Data(contentsOf: after))
        XCTAssertEqual(try ReportCoding.decode(Data(contentsOf: after)).period, "2017-03")
    }

    func testBatchOfAFileSaysItIsAFile() throws {
        let r = try CLI.run(["batch", pdf.path, "-o", dir.appendingPathComponent("out").path])
        XCTAssertEqual(r.status, 4)
        XCTAssertTrue(r.stderr.contains("\(pdf.path): is a file, not a folder"), r.stderr)
        XCTAssertTrue(r.stderr.contains("opsreport extract"), r.stderr)
        XCTAssertFalse(r.stderr.contains("no such folder"), r.stderr)
        let missing = try CLI.run(["batch", dir.appendingPathComponent("nothing").path, "-o", dir.appendingPathComponent("out").path])
        XCTAssertEqual(missing.status, 4)
        XCTAssertTrue(missing.stderr.contains("no such folder"), missing.stderr)
    }

    func testCompletionOffersFileNamesForPDFArguments() throws {
        // Run bash's completion function from the generated script (called as bash calls it: command,
        // current word, previous word) in a folder with a PDF, a
        // text file and a subfolder: PDF arguments are offered the PDF (and folders), not the text.
        let script = dir.appendingPathComponent("opsreport.bash")
        let gen = try CLI.run(["--generate-completion-script", "bash"])
        XCTAssertEqual(gen.status, 0, gen.stderr)
        try Data(gen.stdout.utf8).write(to: script)
        for name in ["report.pdf", "SCAN.PDF", "notes.txt", "db.sqlite", "r.json", "page.html"] { _ = FileManager.default.createFile(atPath: dir.appendingPathComponent(name).path, contents: Data()) }
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("sub"), withIntermediateDirectories: true)
        func complete(_ line: String) throws -> [String] {
            let words = line.split(separator: " ", omittingEmptySubsequences: false).map { "'\($0)'" }.joined(separator: " ")
            let r = try CLI.run("/bin/bash", ["-c", """
                cd '\(dir.path)' && source '\(script.path)' && COMP_WORDS=(\(words)) && COMP_CWORD=$((${#COMP_WORDS[@]} - 1)) \
                && COMP_LINE='\(line)' && COMP_POINT=${#COMP_LINE} \
                && _opsreport opsreport "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}" && printf '%s\\n' "${COMPREPLY[@]}"
                """])
            XCTAssertEqual(r.status, 0, r.stderr)
            return r.stdout.split(separator: "\n").map(String.init).sorted()
        }
        // Every file argument and option, upper-case extensions too.
        let pdfs = ["SCAN.PDF", "report.pdf", "sub"]
        XCTAssertEqual(try complete("opsreport extract "), pdfs)
        XCTAssertEqual(try complete("opsreport text "), pdfs)
        XCTAssertEqual(try complete("opsreport tables "), pdfs)
        XCTAssertEqual(try complete("opsreport reconcile "), ["SCAN.PDF", "r.json", "report.pdf", "sub"])
        XCTAssertEqual(try complete("opsreport audit "), ["SCAN.PDF", "db.sqlite", "r.json", "report.pdf", "sub"])
        XCTAssertEqual(try complete("opsreport batch "), ["sub"])
        XCTAssertEqual(try complete("opsreport extract report.pdf -o "), ["r.json", "sub"])
        XCTAssertEqual(try complete("opsreport extract report.pdf --out-dir "), ["sub"])
        XCTAssertEqual(try complete("opsreport reconcile report.pdf -o "), ["r.json", "sub"])
        XCTAssertEqual(try complete("opsreport audit report.pdf -o "), ["page.html", "sub"])
        XCTAssertEqual(try complete("opsreport tables report.pdf -o "), ["SCAN.PDF", "db.sqlite", "notes.txt", "opsreport.bash", "page.html", "r.json", "report.pdf", "sub"])
        XCTAssertEqual(try complete("opsreport tables report.pdf --debug "), ["sub"])
        XCTAssertEqual(try complete("opsreport batch sub --db "), ["db.sqlite", "sub"])
        XCTAssertEqual(try complete("opsreport batch sub --csv "), ["sub"])
        XCTAssertEqual(try complete("opsreport batch sub -o "), ["sub"])
        // zsh gets the same patterns (zsh itself is not installed here, so its script is read, not run):
        // extract's PDFs, the PDFs of tables and text, reconcile's and audit's inputs, batch's folder.
        let zsh = try CLI.run(["--generate-completion-script", "zsh"]).stdout
        func quoted(_ glob: String) -> String { "_files -g '\\''\(glob)'\\''" }
        XCTAssertTrue(zsh.contains("'*:files:" + quoted("*.pdf *.PDF")), zsh)
        XCTAssertEqual(zsh.components(separatedBy: "':file:" + quoted("*.pdf *.PDF") + "'").count - 1, 2, "tables and text")
        XCTAssertTrue(zsh.contains("':file:" + quoted("*.pdf *.PDF *.json *.JSON") + "'"), "reconcile")
        XCTAssertTrue(zsh.contains("':input:" + quoted("*.pdf *.PDF *.json *.JSON *.sqlite *.SQLITE *.db *.DB") + "'"), "audit")
        XCTAssertTrue(zsh.contains("':directory:_files -/'"), "batch")
        XCTAssertTrue(zsh.contains(":file:" + quoted("*.html *.HTML *.htm *.HTM")), "audit -o")
    }
}

enum PDFDocumentSHA {
    static func of(_ url: URL) throws -> String { try PDFDocument.sha256(ofFile: url.path) }
}
