import XCTest
import Foundation
import PDFLayout
import OpsReport
#if canImport(Glibc)
import Glibc
#endif

/// `extract` and `reconcile` on hostile paths and inputs: an input is never overwritten, a
/// device or FIFO is never replaced or read, a name cannot forge lines, a limit ends a hostile
/// file with its own exit status.
final class HostilePathTests: TempFolderTestCase {
    override var tempTag: String { "hostile-path" }
    var pdf: String { Fixtures.pdf(Fixtures.textStems[0]) }

    func run(_ args: [String], _ tag: String = "run") throws -> (status: Int32, out: String, err: String) {
        try ArchiveSupport.runLogged(args, logs: root, tag: tag)
    }
    func copyInput(_ name: String = "in.pdf") throws -> String {
        let p = root.appendingPathComponent(name).path
        try FileManager.default.copyItem(atPath: pdf, toPath: p)
        return p
    }

    func testOutputThroughASymlinkToTheInputIsRefusedAndTheInputKept() throws {
        let input = try copyInput()
        let before = try Data(contentsOf: URL(fileURLWithPath: input))
        let link = root.appendingPathComponent("out.json").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: input)
        let linkedDir = root.appendingPathComponent("linked").path
        try FileManager.default.createSymbolicLink(atPath: linkedDir, withDestinationPath: root.path)
        for target in [link, linkedDir + "/in.pdf"] {
            let r = try run(["extract", input, "-o", target])
            XCTAssertEqual(r.status, 73, "\(target): \(r.err)")
            XCTAssertTrue(r.err.contains("is the input file"), r.err)
        }
        XCTAssertEqual(try run(["extract", input, "-o", input]).status, 64, "the same path is a usage error")
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: input)), before, "the input PDF is untouched")
    }

    func testOutputThroughASymlinkReplacesItsTargetAndKeepsTheLink() throws {
        let target = root.appendingPathComponent("real.json").path, link = root.appendingPathComponent("link.json").path
        try Data("old".utf8).write(to: URL(fileURLWithPath: target))
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: target)
        XCTAssertEqual(try run(["extract", pdf, "-o", link]).status, 0)
        XCTAssertEqual(try FileManager.default.destinationOfSymbolicLink(atPath: link), target, "the link stays a link")
        XCTAssertEqual(try ReportCoding.decode(Data(contentsOf: URL(fileURLWithPath: target))).period, "2017-01")
    }

    func testDevicesAndFIFOsAreWrittenThroughNeverReplaced() throws {
        XCTAssertEqual(try run(["extract", pdf, "-o", "/dev/null"]).status, 0)
        var st = stat()
        XCTAssertEqual(stat("/dev/null", &st), 0)
        XCTAssertEqual(st.st_mode & S_IFMT, S_IFCHR, "/dev/null is still a device")
        let fifo = root.appendingPathComponent("out.fifo").path
        XCTAssertEqual(mkfifo(fifo, 0o644), 0)
        let p = try ArchiveSupport.launchLogged(["extract", pdf, "-o", fifo], logs: root, tag: "fifo")
        let data = FileHandle(forReadingAtPath: fifo)!.readDataToEndOfFile()  // the reader end: blocks until written
        p.waitUntilExit()
        XCTAssertEqual(p.terminationStatus, 0)
        XCTAssertEqual(try ReportCoding.decode(data).period, "2017-01")
        XCTAssertEqual(lstat(fifo, &st), 0)
        XCTAssertEqual(st.st_mode & S_IFMT, S_IFIFO, "the FIFO is still a FIFO")
        let dir = root.appendingPathComponent("adir").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: false)
        XCTAssertEqual(try run(["extract", pdf, "-o", dir]).status, 73)
    }

    func testAFIFOOrDeviceGivenAsInputIsRefusedAtOnce() throws {
        let fifo = root.appendingPathComponent("in.pdf").path
        XCTAssertEqual(mkfifo(fifo, 0o644), 0)
        for input in [fifo, "/dev/zero"] {
            let r = try run(["extract", input])
            XCTAssertEqual(r.status, 10, r.err)
            XCTAssertTrue(r.err.contains("not a regular file"), r.err)
        }
        XCTAssertThrowsError(try FileBytes.sha256(ofFile: "/dev/zero"), "hashing never reads a device")
    }

    func testAControlCharacterInANameCannotForgeAMessageLine() throws {
        let name = root.appendingPathComponent("a\nerror: forged.pdf").path
        try Data("not a pdf".utf8).write(to: URL(fileURLWithPath: name))
        let r = try run(["extract", name])
        XCTAssertEqual(r.status, 12)
        XCTAssertEqual(r.err.split(separator: "\n").count, 1, r.err)
        XCTAssertTrue(r.err.contains("a\\nerror: forged.pdf"), r.err)
        XCTAssertEqual(MessageText.quoted("a\nb\u{1B}[31m.pdf"), "\"a\\nb\\u{1b}[31m.pdf\"")
        XCTAssertEqual(MessageText.quoted("plain.pdf"), "plain.pdf")
        // The batch's log lines too: a folder name with a newline stays on one line.
        let folder = root.appendingPathComponent("nod\nerror: forged").path
        let b = try run(["batch", folder, "-o", root.appendingPathComponent("out").path])
        XCTAssertEqual(b.status, 4, b.err)
        XCTAssertEqual(b.err.split(separator: "\n").count, 1, b.err)
        XCTAssertFalse(b.err.contains("\nerror: forged"), b.err)
    }

    func testATooLongNameIsShortenedWithAHash() throws {
        let long = String(repeating: "x", count: 251) + ".pdf"  // 255 bytes: its JSON name would be 256
        let input = root.appendingPathComponent(long).path
        try FileManager.default.copyItem(atPath: pdf, toPath: input)
        let out = root.appendingPathComponent("out")
        XCTAssertEqual(try run(["extract", input, "--out-dir", out.path]).status, 0)
        let names = try FileManager.default.contentsOfDirectory(atPath: out.path)
        XCTAssertEqual(names.count, 1)
        XCTAssertEqual(names.first?.utf8.count, 255)
        XCTAssertEqual(names.first, FileNames.jsonName(forPDF: long))
        XCTAssertNotEqual(FileNames.jsonName(forPDF: long), FileNames.jsonName(forPDF: String(repeating: "x", count: 252) + ".pdf"))
        XCTAssertEqual(FileNames.jsonName(forPDF: "2017-01.pdf"), "2017-01.json")
    }

    /// Generated PDFs (python3 + zlib): a huge font size, a string operand inflating to 2 GiB,
    /// a page drawing millions of glyphs. Each ends with a documented status, under its limit.
    func testHostilePDFsEndWithinTheLimitsWithTheirOwnStatus() throws {
        let font = try HostilePDF.write(.fontSize("9223372036854775808"), in: root)
        XCTAssertEqual(try run(["extract", font]).status, 18, "a huge font size lays out (not a report), no trap and no endless loop")
        let bomb = try HostilePDF.write(.stringBomb(mebibytes: 400), in: root)
        let m = try run(["extract", bomb, "--memory-limit", "200M"], "bomb")
        XCTAssertEqual(m.status, 20, m.err)
        XCTAssertTrue(m.err.contains("memory limit of 200 MiB"), m.err)
        XCTAssertEqual(m.err.split(separator: "\n").filter { $0.hasPrefix("error:") }.count, 1, m.err)
        let slow = try HostilePDF.write(.glyphs(repeats: 3_000_000), in: root)
        let c = try run(["extract", slow, "--cpu-limit", "1"], "cpu")
        XCTAssertEqual(c.status, 20, c.err)
        XCTAssertTrue(c.err.contains("CPU-time limit of 1 s"), c.err)
    }

    func testReconcileRefusesDeepOrHugeNumbersJSONWithStatus2() throws {
        let deep = root.appendingPathComponent("deep.json").path
        try Data((String(repeating: "[", count: 513) + String(repeating: "]", count: 513)).utf8).write(to: URL(fileURLWithPath: deep))
        let r = try run(["reconcile", deep])
        XCTAssertEqual(r.status, 2, r.err)
        XCTAssertTrue(r.err.contains("nests deeper"), r.err)
        let days = root.appendingPathComponent("days.json").path
        try Data(#"{"period": "2017-01", "drivers": {"rows": [{"group": "Core", "driver": "X", "days": 9.3e16}]}}"#.utf8).write(to: URL(fileURLWithPath: days))
        XCTAssertEqual(try run(["reconcile", days], "days").status, 2)
        let counts = root.appendingPathComponent("counts.json").path
        try Data(#"{"period": "2017-01", "voting_groups": [{"category": "A", "count": 9223372036854775807}, {"category": "B", "count": 9223372036854775807}], "narrative": {"voting_groups": 5}}"#.utf8).write(to: URL(fileURLWithPath: counts))
        let c = try run(["reconcile", counts, "--json"], "counts")
        XCTAssertEqual(c.status, 1, c.err)
        XCTAssertTrue(c.out.contains("value_out_of_range"), c.out)
    }
}

/// Hostile one-page PDFs written by python3 (zlib), for the limit tests.
enum HostilePDF {
    enum Kind {
        /// Text drawn at this font size (a PDF number as written).
        case fontSize(String)
        /// One string operand of this many MiB, deflated (a compression bomb for the parser's memory).
        case stringBomb(mebibytes: Int)
        /// A content stream drawing `repeats` × 80 glyphs (CPU time with flat memory).
        case glyphs(repeats: Int)
    }

    static func write(_ kind: Kind, in dir: URL) throws -> String {
        let (name, body): (String, String)
        switch kind {
        case .fontSize(let s): (name, body) = ("font.pdf", "c = b'BT /F1 \(s) Tf 10 700 Td (Operations Report) Tj ET BT /F1 12 Tf 10 600 Td (Hello 123) Tj ET'")
        case .stringBomb(let mib): (name, body) = ("bomb.pdf", "z = zlib.compressobj(1); c = z.compress(b'BT /F1 1 Tf 0 0 Td (') + b''.join(z.compress(b'A' * (1 << 20)) for _ in range(\(mib))) + z.compress(b') Tj ET') + z.flush(); raw = True")
        case .glyphs(let n): (name, body) = ("glyphs.pdf", "c = b'BT /F1 1 Tf 0 0 Td ' + b'(AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA) Tj ' * \(n) + b'ET'")
        }
        let path = dir.appendingPathComponent(name).path
        let script = """
            import zlib, sys
            raw = False
            \(body)
            data = c if raw else zlib.compress(c, 1)
            objs = [b'<< /Type /Catalog /Pages 2 0 R >>', b'<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
                    b'<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
                    b'<< /Length %d /Filter /FlateDecode >>\\nstream\\n' % len(data) + data + b'\\nendstream',
                    b'<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>']
            out = b'%PDF-1.4\\n'; offs = []
            for i, o in enumerate(objs):
                offs.append(len(out)); out += b'%d 0 obj\\n' % (i + 1) + o + b'\\nendobj\\n'
            x = len(out)
            out += b'xref\\n0 6\\n0000000000 65535 f \\n' + b''.join(b'%010d 00000 n \\n' % o for o in offs)
            out += b'trailer\\n<< /Size 6 /Root 1 0 R >>\\nstartxref\\n%d\\n%%%%EOF\\n' % x
            open(sys.argv[1], 'wb').write(out)
            """
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["python3", "-c", script, path]
        try p.run(); p.waitUntilExit()
        guard p.terminationStatus == 0 else { throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path]) }
        return path
    }
}
