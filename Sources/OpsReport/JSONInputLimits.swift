import Foundation

/// Bounds on a JSON input before it is parsed (`ReportCoding.decode`), so that hostile JSON
/// given to `reconcile` (or found in a batch folder) cannot exhaust the stack or the memory.
///
/// A report's JSON nests 6 levels deep (object → table → rows → row → counts → value); the
/// bound leaves ample room. Checked in one pass over the bytes, outside strings.
public enum JSONInputLimits {
    /// Deepest nesting of arrays and objects accepted.
    public static let maxDepth = 64
    /// Largest JSON input accepted, in bytes (64 MiB; a report is well under 1 MiB).
    public static let maxBytes = 64 << 20

    /// Why a JSON input is refused before parsing.
    public struct Refusal: Error, LocalizedError, Equatable, Sendable {
        public var reason: String
        public var errorDescription: String? { reason }
    }

    /// The first number outside strings that no report field can hold as written: an integer
    /// beyond `Int` (more than 18 digits), or a number with an exponent or fraction whose value is
    /// beyond `Int.max` in magnitude. `offset` is its byte offset (0-based). `nil` when there is none.
    public static func firstOutOfRangeNumber(_ data: Data) -> (text: String, offset: Int)? {
        let bytes = [UInt8](data)
        var i = 0, inString = false, escaped = false
        while i < bytes.count {
            let c = bytes[i]
            if inString {
                if escaped { escaped = false } else if c == 0x5C { escaped = true } else if c == 0x22 { inString = false }
                i += 1; continue
            }
            if c == 0x22 { inString = true; i += 1; continue }
            guard c == 0x2D || (0x30...0x39).contains(c) else { i += 1; continue }
            let start = i
            while i < bytes.count, [0x2B, 0x2D, 0x2E, 0x45, 0x65].contains(bytes[i]) || (0x30...0x39).contains(bytes[i]) { i += 1 }
            let text = String(decoding: bytes[start..<i], as: UTF8.self)
            let isInteger = !text.contains(where: { ".eE".contains($0) })
            if isInteger ? Int(text) == nil : (Double(text).map { !$0.isFinite || abs($0) >= Double(Int.max) } ?? true) {
                return (text, start)
            }
        }
        return nil
    }

    /// - Throws: `Refusal` when `data` is larger than `maxBytes` or nests deeper than `maxDepth`.
    public static func check(_ data: Data) throws {
        guard data.count <= maxBytes else {
            throw Refusal(reason: "the JSON is \(data.count) bytes, more than the \(maxBytes >> 20) MiB a report can take")
        }
        try data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
            var depth = 0, inString = false, escaped = false, offset = 0
            for c in raw {
                defer { offset += 1 }
                if inString {
                    if escaped { escaped = false } else if c == 0x5C { escaped = true } else if c == 0x22 { inString = false }
                    continue
                }
                switch c {
                case 0x22: inString = true
                case 0x5B, 0x7B:
                    depth += 1
                    if depth > maxDepth { throw Refusal(reason: "the JSON nests deeper than \(maxDepth) levels (at byte \(offset)); a report nests 6") }
                case 0x5D, 0x7D: depth -= 1
                default: break
                }
            }
        }
    }
}
