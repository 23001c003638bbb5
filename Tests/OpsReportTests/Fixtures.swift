import Foundation
import OpsReport
import PDFLayout

/// Paths to the test fixtures copied from the developer corpus (`Tests/OpsReportTests/Fixtures`).
enum Fixtures {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
    static var corpus: URL { root.appendingPathComponent("corpus") }
    static var truthDir: URL { root.appendingPathComponent("truth") }

    /// The 12 born-digital reports' stems, e.g. `2017-01-operations-report`.
    static let textStems = (1...12).map { String(format: "2017-%02d-operations-report", $0) }
    /// The scanned variants (OCR text layers).
    static let scannedStems = ["2017-06-operations-report.scanned", "2017-12-operations-report.scanned"]

    static func pdf(_ stem: String) -> String { corpus.appendingPathComponent(stem + ".pdf").path }
    static func badPDF(_ name: String) -> String { corpus.appendingPathComponent("bad").appendingPathComponent(name).path }

    /// The truth file for `stem`, decoded as a `Report` (domain keys only).
    static func truth(_ stem: String) throws -> Report {
        try ReportCoding.decode(Data(contentsOf: truthDir.appendingPathComponent(stem + ".json")))
    }
    /// The `facts` of a bad-input truth file (`truth/bad/<stem>.json`), decoded as a `Report`.
    static func badFacts(_ stem: String) throws -> Report {
        let data = try Data(contentsOf: truthDir.appendingPathComponent("bad").appendingPathComponent(stem + ".json"))
        let obj = try JSONSerialization.jsonObject(with: data) as? [String: Any] ?? [:]
        let facts = try JSONSerialization.data(withJSONObject: obj["facts"] ?? [:])
        return try ReportCoding.decode(facts)
    }

    /// The raw truth JSON object (for keys outside the model such as `planted`).
    static func truthJSON(_ stem: String) throws -> [String: Any] {
        let data = try Data(contentsOf: truthDir.appendingPathComponent(stem + ".json"))
        return try JSONSerialization.jsonObject(with: data) as? [String: Any] ?? [:]
    }
}

extension Fixtures {
    private static let cacheLock = NSLock()
    nonisolated(unsafe) private static var cache: [String: Report] = [:]
    nonisolated(unsafe) private static var ocrRunsCache: [String: [Int]] = [:]

    /// `ReportExtractor.extract` of fixture `stem`, done once per test run (OCR of a scan takes
    /// seconds; several test cases read the same scans).
    static func extracted(_ stem: String) throws -> Report { try extracted(path: pdf(stem)) }

    /// `ReportExtractor.extract(path:)`, done once per test run for each distinct content: a file
    /// with the same bytes as one read before (a sample that is a copy of a corpus fixture) gets
    /// that extraction, with `source.file` set to `path` as the extractor sets it.
    static func extracted(path: String) throws -> Report {
        let sha = FileBytes.sha256(Array(try Data(contentsOf: URL(fileURLWithPath: path))))
        cacheLock.lock(); defer { cacheLock.unlock() }
        if var r = cache[sha] { r.source.file = path; return r }
        var runs: [Int] = []
        let r = try ReportExtractor.extract(path: path, willOCR: { runs.append($0) })
        cache[sha] = r
        ocrRunsCache[sha] = runs
        return r
    }

    /// The page counts `ReportExtractor.extract` announced to `willOCR` (before each run of OCR)
    /// when it read fixture `stem` (through `extracted`).
    static func ocrRuns(_ stem: String) throws -> [Int] {
        _ = try extracted(stem)
        let sha = FileBytes.sha256(Array(try Data(contentsOf: URL(fileURLWithPath: pdf(stem)))))
        cacheLock.lock(); defer { cacheLock.unlock() }
        return ocrRunsCache[sha] ?? []
    }
}
