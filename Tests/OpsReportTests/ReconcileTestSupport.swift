import Foundation
import PDFLayout
import OpsReport
@testable import Reconcile

/// Helpers for the Reconcile tests: the 2017-12 truth report, provenance entries, finding look-ups.
enum ReconcileSupport {
    static func truth12() throws -> Report { try Fixtures.truth("2017-12-operations-report") }

    /// A provenance entry on `page` with a fixed box.
    static func prov(_ text: String, page: Int = 7) -> Provenance {
        Provenance(page: page, bbox: BBox(x0: 100, y0: 200, x1: 130, y1: 210), text: text)
    }

    /// A report with only a period and the given parts (other sections absent).
    static func bare(period: String = "2017-12") -> Report {
        var r = Report(source: Source(file: "seed.pdf", sha256: "", pages: 14), variant: "scanned")
        r.period = period
        return r
    }
}

extension Array where Element == Finding {
    func at(_ pointer: String) -> [Finding] { filter { $0.pointer == pointer } }
    func coded(_ code: String) -> [Finding] { filter { $0.code == code } }
    var errors: [Finding] { filter { $0.severity == .error } }
}
