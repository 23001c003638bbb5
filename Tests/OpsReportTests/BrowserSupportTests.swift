import Foundation
import XCTest

/// How the audit page's browser tests find Chromium, and that CI cannot skip them.
final class BrowserSupportTests: XCTestCase {
    func testChromiumIsFoundOnPATH() throws {
        let dir = try ArchiveSupport.tempDir("browser-path")
        addTeardownBlock { try? FileManager.default.removeItem(at: dir) }
        let fake = dir.appendingPathComponent("chromium")
        try Data("#!/bin/sh\n".utf8).write(to: fake)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: fake.path)
        XCTAssertEqual(Browser.find(path: "/nonexistent:\(dir.path)"), fake.path)
        // Not executable: not a browser.
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: fake.path)
        XCTAssertNotEqual(Browser.find(path: dir.path), fake.path)
    }

    func testAMissingBrowserFailsWhenRequired() {
        XCTAssertTrue(Browser.unavailable([:]) is XCTSkip)
        XCTAssertTrue(Browser.unavailable(["OPSREPORT_REQUIRE_BROWSER": "1"]) is Browser.Missing)
        XCTAssertTrue(Browser.unavailable(["OPSREPORT_REQUIRE_BROWSER": "0"]) is XCTSkip)
    }

    func testScriptsTestShRequiresTheBrowser() throws {
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("scripts/test.sh")
        let text = try String(contentsOf: script, encoding: .utf8)
        XCTAssertTrue(text.contains("export OPSREPORT_REQUIRE_BROWSER=1"), "scripts/test.sh must not let the browser tests skip")
        XCTAssertTrue(text.contains("command -v chromium"), "scripts/test.sh checks chromium is on PATH")
    }
}
