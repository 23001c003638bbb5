import XCTest
@testable import OpsReport
import PDFLayout
import TableLayout
final class DebugTmpTests: XCTestCase {
    func testDebug() throws {
        let doc = try PDFDocument(path: "/tmp/var/variant-15.pdf")
        let pages = try doc.pages()
        let layout = DocumentLayout(pages: pages)
        let ref = SectionLocator.caption(of: SectionLocator.drivers, in: layout)!
        for region in TableRegionFinder.candidates(in: layout, captionRef: ref) {
            for l in region.lines { print("  L", l.text, l.words.map { "\($0.text)@\(Int($0.bbox.x0))-\(Int($0.bbox.x1))" }) }
            if let t = KeyValueTableParser.parse(region) { for r in t.rows { print(r.group, "|", r.label, "|", r.value?.text ?? "-") } }
        }
    }
}
