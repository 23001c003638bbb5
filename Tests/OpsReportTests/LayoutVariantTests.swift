import XCTest
import OpsReport
import Reconcile

/// Reports printed under seeded random layouts (fonts and sizes, gaps down to 2 pt, alignments,
/// every month-header form, wrapped labels and values centred or top-aligned, zeros as `0`, `-`,
/// `–` or empty, no-break and thin spaces as thousands separators, tables broken across pages
/// with and without repeated headers, landscape pages, cells drawn out of reading order,
/// overprinted fake bold, ligature code points, raised footnote digits, hidden text after a
/// value), each with the truth it printed. Every printed cell must come back exact, and
/// reconciling a consistent report must give no `error` finding; a variant that is misread must
/// at least get a warning or error finding (none may be silent).
///
/// `OPSREPORT_VARIANTS` sets the number of variants (default 1000), `OPSREPORT_SEED` the first
/// seed (default 1). A failure prints its seed; replay it with `OPSREPORT_SEED=<seed>
/// OPSREPORT_VARIANTS=1`.
final class LayoutVariantTests: XCTestCase {
    func testGeneratedLayoutVariantsReadExactly() throws {
        let env = ProcessInfo.processInfo.environment
        let count = Int(env["OPSREPORT_VARIANTS"] ?? "") ?? 1000
        let first = UInt64(env["OPSREPORT_SEED"] ?? "") ?? 1
        let keep = env["OPSREPORT_KEEP_VARIANTS"]
        let dir = keep.map { URL(fileURLWithPath: $0) } ?? FileManager.default.temporaryDirectory.appendingPathComponent("opsreport-variants-\(getpid())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { if keep == nil { try? FileManager.default.removeItem(at: dir) } }
        var failures: [String] = []
        for seed in first..<(first + UInt64(count)) {
            let problems = try Self.check(seed: seed, dir: dir)
            if !problems.isEmpty { failures.append("seed \(seed): " + problems.prefix(4).joined(separator: "; ") + (env["OPSREPORT_SHOW_LAYOUT"] != nil ? " LAYOUT \(VariantLayout(seed: seed))" : "")) }
        }
        // Not every family reads exactly yet (see `knownMisreads`): the default run may not get
        // worse; a replay of chosen seeds must be exact.
        let budget = env["OPSREPORT_VARIANTS"] == nil && env["OPSREPORT_SEED"] == nil ? Self.knownMisreads : 0
        let silent = failures.filter { $0.contains(Self.silentMark) }.count
        print("layout variants: \(count - failures.count) of \(count) exact; \(silent) misread without a warning or error finding")
        XCTAssertEqual(silent, 0, "misreads without a warning or error finding:\n" + failures.filter { $0.contains(Self.silentMark) }.prefix(20).joined(separator: "\n"))
        XCTAssertLessThanOrEqual(failures.count, budget, "\(failures.count) of \(count) variants misread:\n" + failures.prefix(40).joined(separator: "\n"))
    }

    /// Misread variants among seeds 1...1000 on this commit: none (the last ones had hidden
    /// text between two values, columns closer than a thousands separator, wrapped or glued
    /// header cells and labels reaching into the value column). Any misread fails the test.
    static let knownMisreads = 0

    /// Marks a misread variant whose reconciled report has no warning or error finding.
    static let silentMark = "SILENT (no warning or error finding)"

    /// Prints variant `seed`, extracts and reconciles it, and lists every difference from its truth.
    static func check(seed: UInt64, dir: URL) throws -> [String] {
        let path = dir.appendingPathComponent("variant-\(seed).pdf").path
        defer { if ProcessInfo.processInfo.environment["OPSREPORT_KEEP_VARIANTS"] == nil { try? FileManager.default.removeItem(atPath: path) } }
        return check(layout: VariantLayout(seed: seed), content: VariantContent(seed: seed), seed: seed, path: path).problems
    }

    /// Prints `content` under `layout` to `path`, extracts and reconciles it, and lists every
    /// difference from what was printed. Also returns the printer (what it did).
    static func check(layout: VariantLayout, content: VariantContent, seed: UInt64, path: String) -> (problems: [String], printer: VariantPrinter) {
        let printer = VariantPrinter(path: path, layout: layout, content: content, seed: seed)
        printer.print()
        return (verify(path: path, layout: layout, content: content), printer)
    }

    static func verify(path: String, layout: VariantLayout, content: VariantContent) -> [String] {
        let report: Report
        do { report = try ReportExtractor.extract(path: path) } catch { return ["extract failed: \(error)"] }
        var p: [String] = []
        func eq<T: Equatable>(_ a: T, _ b: T, _ what: String) { if a != b { p.append("\(what): read \(a), printed \(b)") } }
        eq(report.period, content.period, "period")
        if let h = report.helpdesk {
            eq(h.months, content.months, "helpdesk months")
            eq(h.rows.map(\.category), content.helpdesk.map(\.label), "helpdesk categories")
            for (a, b) in zip(h.rows, content.helpdesk) { eq(a.counts, b.values, "helpdesk \(b.label)") }
            eq(h.total, content.helpdeskTotal.map { Optional($0) }, "helpdesk total")
        } else { p.append("helpdesk missing") }
        if let w = report.website {
            eq(w.months, content.months, "website months")
            eq(w.rows.map(\.metric), content.website.map(\.label), "website metrics")
            for (a, b) in zip(w.rows, content.website) { eq(a.values, b.values, "website \(b.label)") }
        } else { p.append("website missing") }
        if let ps = report.partyStatistics {
            eq(ps.months, content.months, "party months")
            eq(ps.rows.map(\.measure), content.party.map(\.label), "party measures")
            let printedEmpty = layout.zero.isEmpty
            for (a, b) in zip(ps.rows, content.party) { eq(a.counts, b.values.map { printedEmpty && $0 == 0 ? nil : $0 }, "party \(b.label)") }
        } else { p.append("party statistics missing") }
        if let d = report.drivers {
            eq(d.rows.map(\.driver), content.drivers.map(\.driver), "drivers")
            eq(d.rows.map(\.group), content.drivers.map(\.group), "driver groups")
            eq(d.rows.map { $0.days?.hundredths }, content.drivers.map { Optional($0.hundredths) }, "driver days")
            eq(d.grandTotal?.hundredths, content.grandTotal, "grand total")
        } else { p.append("drivers missing") }
        let findings = Reconciler.findings(for: report)
        if p.isEmpty {
            let errors = findings.filter { $0.severity == .error }
            for f in errors.prefix(3) { p.append("error finding \(f.code) at \(f.pointer): \(f.message)") }
        } else if !findings.contains(where: { $0.severity == .error || $0.severity == .warning }) {
            // A misread that reconciling does not doubt: the worst kind (a wrong value, no finding).
            p.insert(silentMark, at: 0)
        }
        return p
    }
}
