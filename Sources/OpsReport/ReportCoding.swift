import Foundation

/// JSON encoding and decoding of `Report`: snake_case keys (declared by each type's `CodingKeys`,
/// not by a key strategy, so JSON Pointer keys in `provenance` stay as they are), sorted keys,
/// pretty printing.
public enum ReportCoding {
    /// An encoder producing the documented output form.
    public static func encoder() -> JSONEncoder {
        let e = JSONEncoder()
        e.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return e
    }
    /// A decoder for the output form (and for the corpus truth files' domain keys).
    public static func decoder() -> JSONDecoder {
        let d = JSONDecoder()
        return d
    }
    /// Encodes `report` as UTF-8 JSON.
    /// - Throws: `EncodingError` (not expected for valid reports).
    public static func encode(_ report: Report) throws -> Data { try encoder().encode(report) }
    /// Decodes a report written by `encode`, after `JSONInputLimits.check` (size and nesting).
    /// - Throws: `JSONInputLimits.Refusal` for too large or too deep JSON, `DecodingError` when
    ///   the JSON does not have the report's shape (or a number is out of range).
    public static func decode(_ data: Data) throws -> Report {
        try JSONInputLimits.check(data)
        do { return try decoder().decode(Report.self, from: data) } catch DecodingError.dataCorrupted(let c) where c.codingPath.isEmpty {
            // Foundation calls a number its field cannot hold (a count of 1e20) "not valid JSON",
            // with no path: say which number it is when the JSON itself is well-formed.
            if (try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])) != nil,
               let number = JSONInputLimits.firstOutOfRangeNumber(data) {
                throw JSONInputLimits.Refusal(reason: "the number \(number.text) (at byte \(number.offset)) is out of range for its field: counts are whole numbers up to \(Int.max)")
            }
            throw DecodingError.dataCorrupted(c)
        }
    }
}
