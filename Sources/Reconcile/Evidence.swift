import OpsReport

/// Builds findings located by the report's provenance (page and bbox of the pointer's cell).
struct Evidence {
    let report: Report

    /// The printed text of `pointer`, when the extractor recorded one.
    func text(_ pointer: String) -> String? { report.provenance[pointer]?.text }

    /// A finding at `pointer`, with page and bbox from provenance when present.
    func finding(_ code: String, _ severity: Finding.Severity, at pointer: String, related: [String] = [],
                 printed: String? = nil, expected: JSONValue? = nil, message: String,
                 suggestion: Suggestion? = nil) -> Finding {
        let p = report.provenance[pointer]
        return Finding(code: code, severity: severity, pointer: pointer, related: related,
                       printed: printed ?? p?.text, expected: expected, message: Self.sentence(message),
                       suggestion: suggestion, page: p?.page, bbox: p?.bbox)
    }

    /// Capitalises the first letter.
    static func sentence(_ s: String) -> String { s.prefix(1).uppercased() + s.dropFirst() }
}
