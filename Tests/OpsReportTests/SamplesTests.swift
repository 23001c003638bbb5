import XCTest
import OpsReport
import Reconcile

/// `samples/<name>.pdf` extracts (with findings) to exactly `samples/<name>.expected.json`, the
/// files `scripts/run-samples.sh` checks. The expected files were checked against the corpus
/// truth: the two text samples match their truth files, the planted 2017-10 total is the only
/// error.
final class SamplesTests: XCTestCase {
    static let samples = SchemaValidationTests.repo.appendingPathComponent("samples")

    func testSamplesMatchTheirExpectedJSON() throws {
        let pdfs = try FileManager.default.contentsOfDirectory(atPath: Self.samples.path).filter { $0.hasSuffix(".pdf") }.sorted()
        XCTAssertGreaterThanOrEqual(pdfs.count, 3)
        for pdf in pdfs {
            let name = String(pdf.dropLast(4))
            // The samples are copies of corpus fixtures: their extraction (and the scan's OCR) is
            // shared with the other test cases, by content.
            var got = Reconciler.reconcile(try Fixtures.extracted(path: Self.samples.appendingPathComponent(pdf).path))
            var want = try ReportCoding.decode(Data(contentsOf: Self.samples.appendingPathComponent(name + ".expected.json")))
            got.source.file = ""; want.source.file = ""
            XCTAssertTrue(got == want, "\(name): extraction differs from samples/\(name).expected.json")
        }
    }

    func testTextSamplesAgreeWithTruth() throws {
        for name in ["2017-10-operations-report", "2017-11-operations-report"] {
            let want = try ReportCoding.decode(Data(contentsOf: Self.samples.appendingPathComponent(name + ".expected.json")))
            XCTAssertEqual(TruthComparison(extracted: want, truth: try Fixtures.truth(name)).mismatches, [], name)
        }
        let planted = try ReportCoding.decode(Data(contentsOf: Self.samples.appendingPathComponent("2017-10-operations-report.expected.json")))
        XCTAssertEqual(planted.findings.filter { $0.severity == .error }.map(\.pointer), ["/helpdesk/total/10"])
    }
}
