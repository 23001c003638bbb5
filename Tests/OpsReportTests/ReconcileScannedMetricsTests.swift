import XCTest
import OpsReport
@testable import Reconcile

/// The scanned variants end to end (extractor + reconciler) against their truth files: per file,
/// cells correct, corrected (by high-confidence suggestions), flagged (a finding's pointer or
/// related cell, or inside a flagged row), and wrong-and-unflagged. Target: zero
/// wrong-and-unflagged and zero cells made wrong by a correction.
final class ReconcileScannedMetricsTests: XCTestCase {
    struct Counts: Equatable { var correct = 0, corrected = 0, flagged = 0, wrongUnflagged = 0, miscorrected = 0 }

    /// Numeric cells keyed by pointer; voting groups keyed by category (chart order varies).
    static func cells(_ r: Report) -> [String: Int?] {
        var out: [String: Int?] = [:]
        for c in r.cells where !c.pointer.hasPrefix("/voting_groups/") { out[c.pointer] = c.value }
        for g in r.votingGroups ?? [] { out["/voting_groups/" + g.category] = g.count }
        return out
    }

    static func measure(_ extracted: Report, truth: Report) -> (Counts, [String]) {
        let reconciled = Reconciler.reconcile(extracted)
        let fixed = Reconciler.applyingCorrections(reconciled)
        let t = cells(truth), o = cells(extracted), x = cells(fixed)
        var flagged = Set<String>()
        for f in reconciled.findings {
            flagged.insert(f.pointer); flagged.formUnion(f.related)
            if f.pointer.hasPrefix("/voting_groups") { flagged.formUnion((truth.votingGroups ?? []).map { "/voting_groups/" + $0.category }) }
        }
        var c = Counts(), wrong: [String] = []
        for (p, truthValue) in t {
            let before = o[p] ?? nil, after = x[p] ?? nil
            if before == truthValue && after == truthValue { c.correct += 1 }
            else if after == truthValue { c.corrected += 1 }
            else if flagged.contains(p) || flagged.contains(where: { p.hasPrefix($0 + "/") }) { c.flagged += 1 }
            else { c.wrongUnflagged += 1; wrong.append("\(p): \(String(describing: before)) vs \(String(describing: truthValue))") }
            if before == truthValue && after != truthValue { c.miscorrected += 1; wrong.append("miscorrected \(p)") }
        }
        return (c, wrong.sorted())
    }

    func testScannedVariants() throws {
        for stem in Fixtures.scannedStems {
            let extracted = try Fixtures.extracted(stem)
            let (c, wrong) = Self.measure(extracted, truth: try Fixtures.truth(stem))
            print("\(stem): correct \(c.correct), corrected \(c.corrected), flagged \(c.flagged), wrong-unflagged \(c.wrongUnflagged), miscorrected \(c.miscorrected)")
            XCTAssertGreaterThan(c.correct, 150, stem)
            XCTAssertEqual(c.wrongUnflagged, 0, "\(stem): \(wrong)")
            XCTAssertEqual(c.miscorrected, 0, "\(stem): \(wrong)")
        }
    }

    func testTextReportsNeedNoCorrection() throws {
        for stem in ["2017-10-operations-report", "2017-12-operations-report"] {
            let (c, wrong) = Self.measure(try ReportExtractor.extract(path: Fixtures.pdf(stem)), truth: try Fixtures.truth(stem))
            XCTAssertEqual(c.wrongUnflagged, 0, "\(stem): \(wrong)")
            // 2017-10's planted total is "corrected" away from what is printed, deliberately.
            XCTAssertEqual(c.miscorrected, stem.hasPrefix("2017-10") ? 1 : 0, "\(stem): \(wrong)")
        }
    }
}
