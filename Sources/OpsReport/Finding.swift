import PDFLayout

/// One reconciliation finding: a located, explained inconsistency or sign of OCR damage.
/// Validated by `schemas/findings.schema.json` (also embedded in the report schema).
public struct Finding: Codable, Sendable, Equatable {
    public enum Severity: String, Codable, Sendable, Comparable, CaseIterable {
        case info, warning, error
        var rank: Int { switch self { case .info: 0; case .warning: 1; case .error: 2 } }
        public static func < (l: Severity, r: Severity) -> Bool { l.rank < r.rank }
    }
    /// Finding code, e.g. `total_row_mismatch` (see README for the list).
    public var code: String
    public var severity: Severity
    /// JSON Pointer (RFC 6901) of the cell the finding is about.
    public var pointer: String
    /// Pointers of the other cells that form the evidence.
    public var related: [String]
    /// How many cells form the evidence when `related` lists only some of them (a cross-report
    /// finding whose value many reports print names a few; the full list is in the archive
    /// database, see `README`); `nil` when `related` is the whole evidence. JSON `related_count`.
    public var relatedCount: Int?
    /// The printed text of the cell, when there is one.
    public var printed: String?
    /// The value the evidence implies, when there is one (number or string).
    public var expected: JSONValue?
    /// A sentence a person understands.
    public var message: String
    /// A proposed correction, when the arithmetic proves one.
    public var suggestion: Suggestion?
    /// 1-based page of the cell, when known.
    public var page: Int?
    /// Bounding box of the cell, PDF points, origin top-left, y down.
    public var bbox: BBox?
    /// For cross-report findings: the report (period or file) the finding belongs to.
    public var report: String?

    enum CodingKeys: String, CodingKey {
        case code, severity, pointer, related, relatedCount = "related_count", printed, expected, message, suggestion, page, bbox, report
    }

    public init(code: String, severity: Severity, pointer: String, related: [String] = [], relatedCount: Int? = nil,
                printed: String? = nil, expected: JSONValue? = nil, message: String, suggestion: Suggestion? = nil,
                page: Int? = nil, bbox: BBox? = nil, report: String? = nil) {
        self.code = code; self.severity = severity; self.pointer = pointer; self.related = related; self.relatedCount = relatedCount
        self.printed = printed; self.expected = expected; self.message = message; self.suggestion = suggestion
        self.page = page; self.bbox = bbox?.rounded; self.report = report
    }
}

/// A proposed correction of a printed value.
public struct Suggestion: Codable, Sendable, Equatable {
    public enum Confidence: String, Codable, Sendable { case high, medium, low }
    public var value: JSONValue
    public var confidence: Confidence
    /// Why, e.g. "transposed digits 49/94".
    public var rationale: String
    public init(value: JSONValue, confidence: Confidence, rationale: String) {
        self.value = value; self.confidence = confidence; self.rationale = rationale
    }
}

/// A JSON scalar or array used where a finding's value may be a number, a string or a list.
public enum JSONValue: Codable, Sendable, Equatable {
    case int(Int), double(Double), string(String), array([JSONValue]), null

    public init(from decoder: Decoder) throws {
        let c = try decoder.singleValueContainer()
        if c.decodeNil() { self = .null }
        else if let i = try? c.decode(Int.self) { self = .int(i) }
        else if let d = try? c.decode(Double.self) { self = .double(d) }
        else if let s = try? c.decode(String.self) { self = .string(s) }
        else { self = .array(try c.decode([JSONValue].self)) }
    }
    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        switch self {
        case .int(let i): try c.encode(i)
        case .double(let d): try c.encode(d)
        case .string(let s): try c.encode(s)
        case .array(let a): try c.encode(a)
        case .null: try c.encodeNil()
        }
    }
}
