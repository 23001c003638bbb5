import TableLayout
/// A number of days with two decimal places, held exactly as integer hundredths.
///
/// Sums are done on `hundredths` (never in binary floating point). Encodes as a JSON number
/// (e.g. `448.12`); decodes from a JSON number by rounding to the nearest hundredth.
public struct Days: Codable, Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The value × 100.
    public var hundredths: Int
    public init(hundredths: Int) { self.hundredths = hundredths }

    public var doubleValue: Double { Double(hundredths) / 100 }
    /// Two-decimal text, e.g. `"5.30"`.
    public var description: String {
        let sign = hundredths < 0 ? "-" : ""
        let a = abs(hundredths)
        return "\(sign)\(a / 100).\(a % 100 < 10 ? "0" : "")\(a % 100)"
    }
    public static func < (l: Days, r: Days) -> Bool { l.hundredths < r.hundredths }
    public static func + (l: Days, r: Days) -> Days { Days(hundredths: l.hundredths + r.hundredths) }

    /// Largest magnitude a decoded number of days may have (10¹⁵ days, far beyond any report,
    /// well inside `Int` hundredths).
    public static let maxDecodedMagnitude = 1e15

    /// - Throws: `DecodingError.dataCorrupted` for a number that is not finite or larger in
    ///   magnitude than `maxDecodedMagnitude` (it could not be held in hundredths).
    public init(from decoder: Decoder) throws {
        let c = try decoder.singleValueContainer()
        let v = try c.decode(Double.self)
        guard v.isFinite, abs(v) <= Self.maxDecodedMagnitude else {
            throw DecodingError.dataCorruptedError(in: c, debugDescription: "a number of days out of range: \(v) (at most \(Self.maxDecodedMagnitude))")
        }
        hundredths = Int((v * 100).rounded())
    }
    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(doubleValue)
    }
}

extension NumberText {
    /// Parses days with up to two decimals: `"448.12"`, `"5.30"`, `"-"` (0). `nil` otherwise.
    public static func parseDays(_ text: String) -> Days? { parseHundredths(text).map(Days.init(hundredths:)) }
}
