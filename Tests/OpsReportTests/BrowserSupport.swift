import Foundation
import XCTest

/// Headless Chromium (Debian's `chromium`, installed by `scripts/setup.sh`) for the audit page
/// tests, and a small reader of the DOM it dumps.
enum Browser {
    /// Names a Chromium executable goes by (Debian's `chromium` first).
    static let names = ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"]

    /// The Chromium executable, or `nil` when none is installed: the first of `names` on `PATH`,
    /// else in `/usr/bin`.
    static var executable: String? { find(path: ProcessInfo.processInfo.environment["PATH"] ?? "") }

    /// The first of `names` that is an executable file in one of the folders of `path` (a
    /// `PATH`-style list), then in `/usr/bin`.
    static func find(path: String) -> String? {
        let dirs = path.split(separator: ":").map(String.init) + ["/usr/bin"]
        for name in names {
            for dir in dirs where FileManager.default.isExecutableFile(atPath: dir + "/" + name) { return dir + "/" + name }
        }
        return nil
    }

    /// Whether a missing browser fails the test instead of skipping it: `OPSREPORT_REQUIRE_BROWSER=1`
    /// (set by `scripts/test.sh`, so that CI cannot pass without running the browser tests).
    static func isRequired(_ environment: [String: String] = ProcessInfo.processInfo.environment) -> Bool {
        environment["OPSREPORT_REQUIRE_BROWSER"] == "1"
    }

    /// A required browser that is missing.
    struct Missing: Error, CustomStringConvertible {
        var description: String { "chromium is not installed, and OPSREPORT_REQUIRE_BROWSER=1 requires the browser tests to run (scripts/setup.sh installs it)" }
    }

    /// The error a browser test throws when no browser is installed: a skip, or `Missing` (a
    /// failure) when `isRequired`.
    static func unavailable(_ environment: [String: String] = ProcessInfo.processInfo.environment) -> Error {
        isRequired(environment) ? Missing() : XCTSkip("chromium is not installed (scripts/setup.sh installs it)")
    }

    struct Load { var dom: String; var console: String }

    /// Loads `page` in a fresh headless profile; returns the DOM after the load event and the
    /// browser's log (console messages included), and writes a screenshot to `screenshot`.
    static func load(_ page: URL, screenshot: URL, profile: URL, height: Int = 2400) throws -> Load {
        guard let chromium = executable else { throw unavailable() }
        let common = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--user-data-dir=\(profile.path)",
                      "--enable-logging=stderr", "--v=0", "--window-size=1280,\(height)"]
        let dump = try CLI.run(chromium, common + ["--dump-dom", page.absoluteString])
        XCTAssertEqual(dump.status, 0, dump.stderr)
        let shot = try CLI.run(chromium, common + ["--screenshot=\(screenshot.path)", page.absoluteString])
        XCTAssertEqual(shot.status, 0, shot.stderr)
        return Load(dom: dump.stdout, console: dump.stderr + shot.stderr)
    }
}

/// Start tags and elements of an HTML text, by regular expression (enough for the audit page,
/// whose markup the tests know).
enum DOM {
    /// Attributes of a start tag's inside (`class="a" data-x="1"`), entities in values decoded.
    static func attributes(_ s: String) -> [String: String] {
        var out: [String: String] = [:]
        for m in s.matches(of: /([A-Za-z_:][-A-Za-z0-9_:.]*)="([^"]*)"/) {
            out[String(m.1)] = decode(String(m.2))
        }
        return out
    }

    static func decode(_ s: String) -> String {
        s.replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&amp;", with: "&")
    }

    /// Every `<tag …>` start tag whose class list contains `cls` (any when nil): its attributes.
    static func tags(_ tag: String, class cls: String? = nil, in html: String) -> [[String: String]] {
        let re = try! Regex("<\(tag)\\b([^>]*)>")
        return html.matches(of: re).compactMap { m -> [String: String]? in
            let a = attributes(String(html[m.range].dropFirst(tag.count + 1).dropLast()))
            if let cls, !(a["class"] ?? "").split(separator: " ").contains(Substring(cls)) { return nil }
            return a
        }
    }

    /// The inner HTML of every `<tag class="… cls …">…</tag>` (no nesting of the same tag).
    static func elements(_ tag: String, class cls: String, in html: String) -> [(attributes: [String: String], inner: String)] {
        let re = try! Regex("<\(tag)\\b([^>]*)>(.*?)</\(tag)>").dotMatchesNewlines()
        return html.matches(of: re).compactMap { m in
            let whole = String(html[m.range])
            let open = whole.prefix(upTo: whole.firstIndex(of: ">")!)
            let a = attributes(String(open.dropFirst(tag.count + 1)))
            guard (a["class"] ?? "").split(separator: " ").contains(Substring(cls)) else { return nil }
            let inner = whole[whole.index(after: whole.firstIndex(of: ">")!)...].dropLast(tag.count + 3)
            return (a, String(inner))
        }
    }

    /// `x0,y0,x1,y1` → numbers.
    static func box(_ s: String?) -> [Double] { (s ?? "").split(separator: ",").compactMap { Double($0) } }
}
