import OpsReport

/// How the integers of a sum check are to be read: plain counts, or days held as hundredths.
enum Quantity: Sendable {
    case count, hundredths

    /// The quantity of a report cell's unit (days are held in hundredths).
    init(_ unit: ReportCell.Unit) { self = unit == .days ? .hundredths : .count }

    /// Display form: `1149` or `448.12`.
    func format(_ v: Int) -> String {
        switch self {
        case .count: return String(v)
        case .hundredths: return Days(hundredths: v).description
        }
    }

    /// The JSON value of `v` (a number of days is a decimal number).
    func json(_ v: Int) -> JSONValue {
        switch self {
        case .count: return .int(v)
        case .hundredths: return .double(Double(v) / 100)
        }
    }

    /// The value of `text` when it is a clean printed number of this kind (digits, well-formed
    /// thousands separators, for days an optional one- or two-place decimal, `-` for zero);
    /// `nil` for anything else, and for more than 13 digits (beyond `RangeGuard.maxMagnitude`:
    /// never a trap on overflow).
    func cleanValue(_ text: String) -> Int? {
        let t = text.trimmingCharacters(in: .whitespaces)
        if ["-", "–", "—"].contains(t) { return 0 }
        guard !RangeGuard.tooManyDigits(t) else { return nil }
        let parts = t.split(separator: ".", omittingEmptySubsequences: false)
        guard let whole = parts.first, Self.isGroupedInteger(whole) else { return nil }
        let w = Int(whole.filter { $0 != "," })!  // digits and commas only (isGroupedInteger)
        switch self {
        case .count:
            return parts.count == 1 ? w : nil
        case .hundredths:
            if parts.count == 1 { return w * 100 }
            guard parts.count == 2, (1...2).contains(parts[1].count), parts[1].allSatisfy(\.isASCIIDigit) else { return nil }
            let f = Int(parts[1])!
            return w * 100 + (parts[1].count == 1 ? f * 10 : f)
        }
    }

    /// `123`, `1,234`, `12,345,678` (digits only, or commas every three digits).
    static func isGroupedInteger<S: StringProtocol>(_ s: S) -> Bool {
        guard !s.isEmpty else { return false }
        if s.allSatisfy(\.isASCIIDigit) { return true }
        let groups = s.split(separator: ",", omittingEmptySubsequences: false)
        guard groups.count > 1, (1...3).contains(groups[0].count) else { return false }
        return groups.allSatisfy { $0.allSatisfy(\.isASCIIDigit) } && groups.dropFirst().allSatisfy { $0.count == 3 }
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
