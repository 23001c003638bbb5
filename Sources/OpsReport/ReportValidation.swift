import PDFLayout

/// The invariants `schemas/report.schema.json` (and `findings.schema.json`) state, checked in
/// process on the model before a report is written, so that no schema-invalid JSON leaves
/// `extract` with status 0 or enters a batch database.
///
/// Checked: `schema_version`, the `sha256` and page count of `source`, `variant`, the period
/// and every month (`YYYY-MM`), every meeting date (`YYYY-MM-DD`), counts and days not negative,
/// `missing_sections` known and unique, provenance keys and finding pointers valid JSON
/// Pointers (RFC 6901), pages ≥ 1, boxes finite, finding codes snake_case and messages and
/// rationales not empty, and every number finite (JSON has no infinity).
public enum ReportValidation {
    /// One broken invariant: where (a JSON Pointer) and what.
    public struct Violation: Equatable, Sendable, CustomStringConvertible {
        public var pointer: String
        public var problem: String
        public var description: String { "\(pointer.isEmpty ? "/" : pointer): \(problem)" }
    }

    /// Every broken invariant of `report` (empty when it is valid), in document order, at most `limit`.
    public static func violations(_ report: Report, limit: Int = 20) -> [Violation] {
        var out: [Violation] = []
        func fail(_ p: String, _ what: String) { if out.count < limit { out.append(Violation(pointer: p, problem: what)) } }
        if report.schemaVersion != Report.currentSchemaVersion { fail("/schema_version", "not \(Report.currentSchemaVersion)") }
        if !isSHA256(report.source.sha256) { fail("/source/sha256", "not 64 lowercase hex digits") }
        if report.source.pages < 1 { fail("/source/pages", "less than 1") }
        if !["text", "scanned", "image-only"].contains(report.variant) { fail("/variant", "not text, scanned or image-only") }
        if let p = report.period, !isMonth(p) { fail("/period", "'\(p)' is not YYYY-MM") }
        func months(_ m: [String], _ p: String) { for (i, s) in m.enumerated() where !isMonth(s) { fail("\(p)/\(i)", "'\(s)' is not YYYY-MM") } }
        func counts(_ c: [Int?], _ p: String) { for (i, v) in c.enumerated() { count(v, "\(p)/\(i)") } }
        func count(_ v: Int?, _ p: String) { if let v, v < 0 { fail(p, "negative") } }
        func days(_ d: Days?, _ p: String) {
            if let d, d.hundredths < 0 { fail(p, "negative") }
            if let d, d.doubleValue > Days.maxDecodedMagnitude { fail(p, "beyond \(Days.maxDecodedMagnitude) days: could not be read back") }
        }
        let n = report.narrative
        days(n.resourceDaysTotal, "/narrative/resource_days_total")
        count(n.telephoneEnquiries, "/narrative/telephone_enquiries"); count(n.emailEnquiries, "/narrative/email_enquiries")
        count(n.parties, "/narrative/parties"); count(n.votingGroups, "/narrative/voting_groups")
        if let d = report.drivers {
            for (i, r) in d.rows.enumerated() { days(r.days, "/drivers/rows/\(i)/days") }
            days(d.grandTotal, "/drivers/grand_total")
        }
        if let h = report.helpdesk {
            months(h.months, "/helpdesk/months"); counts(h.total, "/helpdesk/total")
            for (i, r) in h.rows.enumerated() { counts(r.counts, "/helpdesk/rows/\(i)/counts") }
        }
        if let w = report.website {
            months(w.months, "/website/months")
            for (i, r) in w.rows.enumerated() { counts(r.values, "/website/rows/\(i)/values") }
        }
        if let s = report.partyStatistics {
            months(s.months, "/party_statistics/months")
            // Party statistics may be negative: a measure can be a change between months.
        }
        for (i, g) in (report.votingGroups ?? []).enumerated() { count(g.count, "/voting_groups/\(i)/count") }
        for (i, m) in (report.meetings ?? []).enumerated() {
            for (j, d) in m.dates.enumerated() where !isDate(d) { fail("/meetings/\(i)/dates/\(j)", "'\(d)' is not YYYY-MM-DD") }
        }
        if let m = report.modificationStatus {
            for (i, r) in m.rows.enumerated() { count(r.count, "/modification_status/rows/\(i)/count") }
            count(m.total, "/modification_status/total")
        }
        let known: Set<String> = ["drivers", "helpdesk", "website", "party_statistics", "voting_groups", "meetings", "modification_status"]
        for (i, s) in report.missingSections.enumerated() where !known.contains(s) { fail("/missing_sections/\(i)", "unknown section '\(s)'") }
        if Set(report.missingSections).count != report.missingSections.count { fail("/missing_sections", "repeated section") }
        for key in report.provenance.keys.sorted() {
            let p = report.provenance[key]!
            let at = "/provenance/" + escape(key)
            if key.isEmpty || !isPointer(key) { fail(at, "key '\(key)' is not a JSON Pointer") }
            if p.page < 1 { fail(at + "/page", "less than 1") }
            if !isFinite(p.bbox) { fail(at + "/bbox", "not finite") }
        }
        for (i, f) in report.findings.enumerated() {
            let at = "/findings/\(i)"
            if !isCode(f.code) { fail(at + "/code", "'\(f.code)' is not snake_case") }
            if !isPointer(f.pointer) { fail(at + "/pointer", "'\(f.pointer)' is not a JSON Pointer") }
            for (j, r) in f.related.enumerated() where !isPointer(r) { fail("\(at)/related/\(j)", "'\(r)' is not a JSON Pointer") }
            if let n = f.relatedCount, n < f.related.count { fail(at + "/related_count", "\(n) is fewer than the \(f.related.count) related cells listed") }
            if f.message.isEmpty { fail(at + "/message", "empty") }
            if let s = f.suggestion { if s.rationale.isEmpty { fail(at + "/suggestion/rationale", "empty") }; if !isFinite(s.value) { fail(at + "/suggestion/value", "not finite") } }
            if let e = f.expected, !isFinite(e) { fail(at + "/expected", "not finite") }
            if let p = f.page, p < 1 { fail(at + "/page", "less than 1") }
            if let b = f.bbox, !isFinite(b) { fail(at + "/bbox", "not finite") }
        }
        return out
    }

    /// `YYYY-MM` with a month 01…12.
    public static func isMonth(_ s: String) -> Bool {
        let u = Array(s.utf8)
        guard u.count == 7, u[4] == 0x2D, u[..<4].allSatisfy(isDigit), isDigit(u[5]), isDigit(u[6]) else { return false }
        let m = Int(u[5] - 0x30) * 10 + Int(u[6] - 0x30)
        return (1...12).contains(m)
    }

    /// `YYYY-MM-DD` with a month 01…12 and a day 01…31 (the schema's pattern).
    public static func isDate(_ s: String) -> Bool {
        let u = Array(s.utf8)
        guard u.count == 10, u[7] == 0x2D, isMonth(String(decoding: u[..<7], as: UTF8.self)), isDigit(u[8]), isDigit(u[9]) else { return false }
        let d = Int(u[8] - 0x30) * 10 + Int(u[9] - 0x30)
        return (1...31).contains(d)
    }

    /// An RFC 6901 JSON Pointer: empty, or `/`-prefixed tokens in which `~` is followed by 0 or 1.
    public static func isPointer(_ s: String) -> Bool {
        let u = Array(s.utf8)
        if u.isEmpty { return true }
        guard u[0] == 0x2F else { return false }
        for (i, c) in u.enumerated() where c == 0x7E {
            guard i + 1 < u.count, u[i + 1] == 0x30 || u[i + 1] == 0x31 else { return false }
        }
        return true
    }

    static func isSHA256(_ s: String) -> Bool { s.utf8.count == 64 && s.utf8.allSatisfy { isDigit($0) || (0x61...0x66).contains($0) } }
    static func isCode(_ s: String) -> Bool {
        guard let f = s.utf8.first, (0x61...0x7A).contains(f) else { return false }
        return s.utf8.allSatisfy { (0x61...0x7A).contains($0) || isDigit($0) || $0 == 0x5F }
    }
    static func isDigit(_ c: UInt8) -> Bool { c >= 0x30 && c <= 0x39 }
    static func isFinite(_ b: BBox) -> Bool { [b.x0, b.y0, b.x1, b.y1].allSatisfy(\.isFinite) }
    static func isFinite(_ v: JSONValue) -> Bool {
        switch v { case .double(let d): return d.isFinite; case .array(let a): return a.allSatisfy(isFinite); default: return true }
    }
    /// `~` → `~0`, `/` → `~1` (a key as one pointer token), code unit by code unit (RFC 6901;
    /// Foundation's `replacingOccurrences` was the slowest part of the check).
    static func escape(_ key: String) -> String {
        let tilde = UInt8(ascii: "~"), slash = UInt8(ascii: "/")
        guard key.utf8.contains(where: { $0 == tilde || $0 == slash }) else { return key }
        var out: [UInt8] = []
        out.reserveCapacity(key.utf8.count + 8)
        for b in key.utf8 {
            switch b {
            case tilde: out += [tilde, UInt8(ascii: "0")]
            case slash: out += [tilde, UInt8(ascii: "1")]
            default: out.append(b)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
