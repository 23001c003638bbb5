/// A number of days with two decimal places, held exactly as integer hundredths.
///
/// Sums are done on `hundredths` (never in binary floating point). Encodes as a JSON number
/// (e.g. `448.12`); decodes from a JSON number by rounding to the nearest hundredth.
public struct Days: Codable, Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The value × 100.
    public var hundredths: Int
    public init(hundredths: Int) { self.hundredths = hundredths }

    /// Parses `"448.12"`, `"5.3"`, `"0"`, `"1,234.50"`; `nil` for anything else.
    public init?(parsing text: String) {
        let t = text.replacingOccurrences(of: ",", with: "")
        let parts = t.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count <= 2, let whole = Int(parts[0].isEmpty ? "0" : String(parts[0])), whole >= 0 else { return nil }
        var frac = 0
        if parts.count == 2 {
            let f = parts[1]
            guard !f.isEmpty, f.count <= 2, f.allSatisfy(\.isASCII), let v = Int(f) else { return nil }
            frac = f.count == 1 ? v * 10 : v
        }
        hundredths = whole * 100 + frac
    }

    public var doubleValue: Double { Double(hundredths) / 100 }
    /// Two-decimal text, e.g. `"5.30"`.
    public var description: String {
        let sign = hundredths < 0 ? "-" : ""
        let a = abs(hundredths)
        return "\(sign)\(a / 100).\(a % 100 < 10 ? "0" : "")\(a % 100)"
    }
    public static func < (l: Days, r: Days) -> Bool { l.hundredths < r.hundredths }
    public static func + (l: Days, r: Days) -> Days { Days(hundredths: l.hundredths + r.hundredths) }

    public init(from decoder: Decoder) throws {
        let v = try decoder.singleValueContainer().decode(Double.self)
        hundredths = Int((v * 100).rounded())
    }
    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(doubleValue)
    }
}
