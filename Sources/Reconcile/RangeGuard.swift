import OpsReport

/// Keeps the reconciler's integer arithmetic total: values too large to add safely are set
/// aside before any rule runs, each with a `value_out_of_range` finding.
///
/// A report's counts are `Int` and its days integer hundredths, so a printed
/// `99999999999999999999` or a JSON days value of 9.2e16 would overflow a sum (a trap). No sum
/// of at most `Int.max / maxMagnitude` terms of magnitude ≤ `maxMagnitude` can overflow, so the
/// rules see only such values; a larger one is treated as an unreadable cell (its printed value
/// stays in the output: it is never modified).
enum RangeGuard {
    /// Largest magnitude a count, or a number of days in hundredths, may have for the rules
    /// (10¹², i.e. 10¹⁰ days): 9 million such terms still sum without overflow.
    static let maxMagnitude = 1_000_000_000_000

    static func inRange(_ v: Int?) -> Bool { v.map { $0.magnitude <= UInt(maxMagnitude) } ?? true }

    /// `report` with every out-of-range number replaced by `nil`, and one finding per replaced value.
    static func bounded(_ report: Report) -> (Report, [Finding]) {
        var r = report
        var found: [(String, Int)] = []
        func check(_ v: inout Int?, _ pointer: String) {
            guard let x = v, !inRange(x) else { return }
            found.append((pointer, x)); v = nil
        }
        func check(_ d: inout Days?, _ pointer: String) {
            var h = d?.hundredths
            check(&h, pointer)
            if h == nil { d = nil }
        }
        r.visitNumbers(count: { v, pointer, _ in check(&v, pointer) }, days: { d, pointer in check(&d, pointer) })
        guard !found.isEmpty else { return (report, []) }
        let ev = Evidence(report: report)
        let findings = found.map { pointer, v in
            ev.finding(FindingCode.valueOutOfRange, .error, at: pointer, printed: ev.text(pointer) ?? String(v),
                       message: "the value \(v) is too large to be checked (limit \(maxMagnitude)); it is left out of every sum. Check the printed number")
        }
        return (r, findings)
    }

    /// `true` when a text holds more digits than any in-range value (more than 13), so that
    /// reading it as a number could overflow.
    static func tooManyDigits<S: StringProtocol>(_ s: S) -> Bool { s.utf8.count(where: { $0 >= 0x30 && $0 <= 0x39 }) > 13 }
}
