import Foundation

/// Repairs OCR damage in document references (`SECP_52_1201_11`) and modification references
/// (`SECMP0027`, always four digits): confusable letters inside the digit runs, and a letter
/// doubled into a zero (`SECMPO0027`).
enum ReferenceRepair {
    struct Repair: Equatable {
        var original: String
        var corrected: String
        var rationale: String
    }

    private static let modification = try! NSRegularExpression(pattern: "SECMP([0-9OoDQIl|SBZ]{3,6})(?![0-9A-Za-z])")
    private static let document = try! NSRegularExpression(pattern: "SECP_([0-9A-Za-z|]{1,3})_([0-9A-Za-z|]{4})_([0-9A-Za-z|]{2})(?![0-9A-Za-z])")
    private static let digitFor: [Character: Character] = ["O": "0", "o": "0", "D": "0", "Q": "0", "I": "1", "l": "1", "|": "1",
                                                           "S": "5", "B": "8", "Z": "2"]

    /// The damaged references in `text`, with their repairs.
    static func repairs(in text: String) -> [Repair] {
        // Almost no printed text holds a reference: skip the regular expressions unless "SEC" + "P"
        // occurs (a byte scan; ICU's regex engine is costly to start and to run).
        let u = Array(text.utf8)
        guard u.count >= 7, (0...(u.count - 4)).contains(where: { u[$0] == 0x53 && u[$0 + 1] == 0x45 && u[$0 + 2] == 0x43 && (u[$0 + 3] == 0x50 || u[$0 + 3] == 0x4D) }) else { return [] }
        var out: [Repair] = []
        let ns = text as NSString
        for m in modification.matches(in: text, range: NSRange(location: 0, length: ns.length)) {
            let tail = ns.substring(with: m.range(at: 1))
            guard !tail.allSatisfy(\.isASCIIDigit) || tail.count != 4 else { continue }
            guard tail.contains(where: \.isASCIIDigit), let fixed = modificationDigits(tail) else { continue }
            let original = ns.substring(with: m.range)
            out.append(Repair(original: original, corrected: "SECMP" + fixed.digits, rationale: fixed.why))
        }
        for m in document.matches(in: text, range: NSRange(location: 0, length: ns.length)) {
            let groups = (1...3).map { ns.substring(with: m.range(at: $0)) }
            let mapped = groups.map { String($0.map { digitFor[$0] ?? $0 }) }
            guard mapped != groups, mapped.allSatisfy({ $0.allSatisfy(\.isASCIIDigit) }) else { continue }
            out.append(Repair(original: ns.substring(with: m.range), corrected: "SECP_" + mapped.joined(separator: "_"),
                              rationale: "letters read for digits in the document reference"))
        }
        return out
    }

    /// `text` with every damaged reference repaired (`nil` when nothing needed repair).
    static func repaired(_ text: String) -> (text: String, repairs: [Repair])? {
        let r = repairs(in: text)
        guard !r.isEmpty else { return nil }
        var t = text
        for rep in r { t = t.replacingOccurrences(of: rep.original, with: rep.corrected) }
        return (t, r)
    }

    /// Four digits from a damaged modification number tail: confusables mapped; with five
    /// glyphs, the one letter beside a zero is a doubled glyph and is dropped.
    private static func modificationDigits(_ tail: String) -> (digits: String, why: String)? {
        let letters = tail.filter { !$0.isASCIIDigit }
        let mapped = String(tail.map { digitFor[$0] ?? $0 })
        if mapped.count == 4 { return (mapped, "'\(letters)' read for digits in the modification number") }
        let chars = Array(tail)
        if chars.count == 5, letters.count == 1, let i = chars.firstIndex(where: { !$0.isASCIIDigit }),
           (i > 0 && chars[i - 1] == "0") || (i < 4 && chars[i + 1] == "0") {
            var c = chars
            c.remove(at: i)
            return (String(c), "letter '\(letters)' beside a zero is a doubled glyph; modification numbers have four digits")
        }
        return nil
    }
}
