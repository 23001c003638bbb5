import XCTest

/// libtesseract and libxlsxwriter are loaded when first needed, not linked: the binary starts
/// without them, and without them OCR and xlsx output fail with a clear message and the usual
/// exit statuses while everything else works.
final class OptionalLibraryTests: XCTestCase {
    /// The libraries start-up must not load (OCR's and xlsx output's, and what they pull in).
    static let lazyLibraries = ["libtesseract", "libleptonica", "liblept", "libarchive", "libcurl", "libxlsxwriter"]

    func testTheBinaryDoesNotLoadTesseractOrXLSXWriterAtStartUp() throws {
        let r = try CLI.run("/usr/bin/env", ["ldd", CLI.executable.path])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.stdout.contains("libpoppler-glib"), r.stdout)  // ldd listed the real dependencies
        for lib in Self.lazyLibraries {
            XCTAssertFalse(r.stdout.contains(lib), "\(lib) is loaded at start-up:\n\(r.stdout)")
        }
    }

    func testWithoutTheLibrariesOCRAndXLSXFailClearly() throws {
        guard getuid() == 0 else { throw XCTSkip("hiding a system library needs root (a private mount namespace)") }
        let tesseract = try Self.systemLibrary("libtesseract.so."), xlsxwriter = try Self.systemLibrary("libxlsxwriter.so.")
        let empty = FileManager.default.temporaryDirectory.appendingPathComponent("empty-\(getpid()).so").path
        XCTAssertTrue(FileManager.default.createFile(atPath: empty, contents: Data()))
        defer { try? FileManager.default.removeItem(atPath: empty) }
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("nolib-\(getpid())-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }

        /// Runs opsreport in a mount namespace where both libraries are empty files.
        func hidden(_ args: [String]) throws -> CLI.Result {
            let quoted = ([CLI.executable.path] + args).map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }
            let script = "mount --bind '\(empty)' '\(tesseract)' && mount --bind '\(empty)' '\(xlsxwriter)' || exit 99; exec \(quoted.joined(separator: " "))"
            return try CLI.run("/usr/bin/env", ["unshare", "-m", "/bin/sh", "-c", script])
        }
        let probe = try hidden(["--version"])
        guard probe.status == 0 else { throw XCTSkip("no private mount namespace here (\(probe.status)): \(probe.stderr)") }

        let report = Fixtures.pdf("2017-01-operations-report")
        let xlsx = try hidden(["tables", report, "--format", "xlsx", "-o", dir.appendingPathComponent("t.xlsx").path])
        XCTAssertEqual(xlsx.status, 73, xlsx.stderr)
        XCTAssertTrue(xlsx.stderr.contains("xlsx output is not available") && xlsx.stderr.contains("libxlsxwriter"), xlsx.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: dir.appendingPathComponent("t.xlsx").path))
        let tables = try hidden(["tables", report, "--format", "json"])
        XCTAssertEqual(tables.status, 0, tables.stderr)
        XCTAssertTrue(tables.stdout.hasPrefix("{"), tables.stdout)

        let imageOnly = Fixtures.pdf("2017-12-operations-report.image-only")
        let ocr = try hidden(["text", imageOnly, "-p", "1", "--ocr"])
        XCTAssertNotEqual(ocr.status, 0)
        XCTAssertTrue(ocr.stderr.contains("Tesseract is not available") && ocr.stderr.contains("libtesseract"), ocr.stderr)
        let scan = try hidden(["extract", imageOnly, "-o", dir.appendingPathComponent("s.json").path])
        XCTAssertEqual(scan.status, 16, scan.stderr)
        let text = try hidden(["extract", report, "-o", dir.appendingPathComponent("r.json").path])
        XCTAssertEqual(text.status, 0, text.stderr)
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: dir.appendingPathComponent("r.json"))) as? [String: Any]
        XCTAssertEqual((json?["source"] as? [String: Any])?["file"] as? String, report)
    }

    /// The real file behind the first `ldconfig -p` entry whose name starts with `prefix`.
    static func systemLibrary(_ prefix: String) throws -> String {
        let r = try CLI.run("/usr/bin/env", ["ldconfig", "-p"])
        guard let line = r.stdout.split(separator: "\n").first(where: { $0.trimmingCharacters(in: .whitespaces).hasPrefix(prefix) }),
              let path = line.components(separatedBy: " => ").last else { throw XCTSkip("\(prefix)* is not installed") }
        return URL(fileURLWithPath: path).resolvingSymlinksInPath().path
    }
}
