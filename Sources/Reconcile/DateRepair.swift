import Foundation

/// Reading damaged printed dates: ordinals OCR mangles (`315t` for `31st`, `5t` for `5th`,
/// `2"` for `2nd`), confusable glyphs in `dd/mm/yyyy`, and calendar validity.
enum DateRepair {
    /// One reading of a printed date.
    struct Reading: Equatable {
        /// `YYYY-MM-DD`, when the year is printed or `defaultYear` was given.
        var iso: String?
        /// The date as it should read, e.g. `31st January 2018`.
        var text: String
        /// What was repaired; empty for a clean date.
        var rationale: String
        /// Whether an ordinal suffix was repaired.
        var ordinal: Bool
    }

    static let monthNames = ["january", "february", "march", "april", "may", "june", "july", "august", "september",
                             "october", "november", "december"]
    private static let ordinalPattern = try! NSRegularExpression(
        pattern: "(?<![0-9A-Za-z])([0-9OoIlZ]{1,3})\\s?([A-Za-z\"”“'’°º]{0,2})\\s+(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\\.?,?(?:\\s+([0-9]{4}))?",
        options: [.caseInsensitive])
    private static let numericPattern = try! NSRegularExpression(
        pattern: "^\\s*([0-9OoIlSBZ]{1,2})[/.\\-]([0-9OoIlSBZ]{1,2})[/.\\-]([0-9OoIlSBZ]{4})\\s*$")
    private static let digitFor: [Character: Character] = ["O": "0", "o": "0", "I": "1", "l": "1", "S": "5", "B": "8", "Z": "2"]

    /// `YYYY-MM-DD` when `y-m-d` exists in the Gregorian calendar.
    static func iso(_ y: Int, _ m: Int, _ d: Int) -> String? {
        guard (1...12).contains(m), d >= 1, d <= daysIn(m, y) else { return nil }
        return String(format: "%04d-%02d-%02d", y, m, d)
    }
    static func daysIn(_ m: Int, _ y: Int) -> Int {
        switch m {
        case 2: return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
    /// Whether `s` is a real calendar date `YYYY-MM-DD`.
    static func isValidISO(_ s: String) -> Bool {
        let p = s.split(separator: "-")
        guard s.count == 10, p.count == 3, let y = Int(p[0]), let m = Int(p[1]), let d = Int(p[2]) else { return false }
        return iso(y, m, d) != nil
    }
    /// Whether `s` has the shape `NNNN-NN-NN` (real or not).
    static func looksISO(_ s: String) -> Bool {
        s.count == 10 && s.enumerated().allSatisfy { i, c in i == 4 || i == 7 ? c == "-" : c.isASCIIDigit }
    }
    /// The English ordinal suffix of `day`.
    static func suffix(_ day: Int) -> String {
        if (11...13).contains(day % 100) { return "th" }
        switch day % 10 { case 1: return "st"; case 2: return "nd"; case 3: return "rd"; default: return "th" }
    }

    /// Readings of the whole of `text` as one date, most plausible first; empty when it is not a
    /// readable date. `defaultYear` supplies the year when none is printed.
    static func readings(of text: String, defaultYear: Int? = nil) -> [Reading] {
        let ns = text as NSString, all = NSRange(location: 0, length: ns.length)
        if let m = numericPattern.firstMatch(in: text, range: all) {
            let raw = (1...3).map { ns.substring(with: m.range(at: $0)) }
            let mapped = raw.map { String($0.map { digitFor[$0] ?? $0 }) }
            guard let d = Int(mapped[0]), let mo = Int(mapped[1]), let y = Int(mapped[2]), let iso = iso(y, mo, d) else { return [] }
            let why = mapped == raw ? "" : "letters read for digits in '\(text.trimmingCharacters(in: .whitespaces))'"
            return [Reading(iso: iso, text: "\(mapped[0])/\(mapped[1])/\(mapped[2])", rationale: why, ordinal: false)]
        }
        guard let m = ordinalPattern.firstMatch(in: text, range: all) else { return [] }
        return ordinalReadings(m, ns, defaultYear: defaultYear)
    }

    /// Damaged ordinal dates anywhere in `text` (clean ones are skipped): the printed fragment and
    /// its readings.
    static func damagedOrdinals(in text: String, defaultYear: Int? = nil) -> [(printed: String, readings: [Reading])] {
        let ns = text as NSString
        return ordinalPattern.matches(in: text, range: NSRange(location: 0, length: ns.length)).compactMap { m in
            let r = ordinalReadings(m, ns, defaultYear: defaultYear)
            guard !r.isEmpty, r.contains(where: { !$0.rationale.isEmpty }) else { return nil }
            return (ns.substring(with: m.range), r)
        }
    }

    private static func ordinalReadings(_ m: NSTextCheckingResult, _ ns: NSString, defaultYear: Int?) -> [Reading] {
        let digits = ns.substring(with: m.range(at: 1)), suf = ns.substring(with: m.range(at: 2))
        let monthWord = ns.substring(with: m.range(at: 3)).lowercased()
        guard let month = monthNames.firstIndex(where: { $0.hasPrefix(monthWord) }).map({ $0 + 1 }) else { return [] }
        let printedYear = m.range(at: 4).location == NSNotFound ? nil : Int(ns.substring(with: m.range(at: 4)))
        let year = printedYear ?? defaultYear
        let mapped = String(digits.map { digitFor[$0] ?? $0 })
        let glyphNote = mapped == digits ? nil : "letters read for digits in '\(digits)'"
        let printed = digits + suf
        var days: [(Int, String)] = []
        let s = suf.lowercased()
        if let d = Int(mapped), (1...31).contains(d), s.isEmpty || s == suffix(d) {
            days.append((d, glyphNote ?? ""))
        } else {
            // '5t' is a misread 'st': 315t → 31st, 215t → 21st.
            if mapped.count >= 2, mapped.hasSuffix("5"), s.hasPrefix("t"), let d = Int(mapped.dropLast()), (1...31).contains(d), suffix(d) == "st" {
                days.append((d, "'5t' is a misread 'st': '\(printed)' is '\(d)st'"))
            }
            // A mangled suffix on a valid day: 5t → 5th, 2" → 2nd.
            if let d = Int(mapped), (1...31).contains(d), !s.isEmpty {
                days.append((d, "ordinal suffix misread: '\(printed)' is '\(d)\(suffix(d))'"))
            }
        }
        let monthName = monthNames[month - 1].capitalized
        var out: [Reading] = []
        for (d, why) in days {
            let iso: String? = year.flatMap { Self.iso($0, month, d) }
            if year != nil, iso == nil { continue }
            var notes: [String] = []
            if !why.isEmpty { notes.append(why) }
            if let g = glyphNote, g != why { notes.append(g) }
            let text = "\(d)\(suffix(d)) \(monthName)" + (printedYear.map { " \($0)" } ?? "")
            out.append(Reading(iso: iso, text: text, rationale: notes.joined(separator: "; "), ordinal: !why.isEmpty && why != glyphNote))
        }
        return out
    }
}
