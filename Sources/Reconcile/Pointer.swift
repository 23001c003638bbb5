/// Building JSON Pointers (RFC 6901).
enum Pointer {
    /// Joins reference tokens into a pointer, escaping `~` and `/`.
    static func make(_ tokens: Any...) -> String {
        tokens.map { "/" + escape(String(describing: $0)) }.joined()
    }
    static func escape(_ token: String) -> String {
        // Fast path: almost no token needs escaping, and Foundation's replacing is slow.
        guard token.utf8.contains(where: { $0 == UInt8(ascii: "~") || $0 == UInt8(ascii: "/") }) else { return token }
        return token.replacingOccurrences(of: "~", with: "~0").replacingOccurrences(of: "/", with: "~1")
    }
    static func unescape(_ token: String) -> String {
        guard token.utf8.contains(UInt8(ascii: "~")) else { return token }
        return token.replacingOccurrences(of: "~1", with: "/").replacingOccurrences(of: "~0", with: "~")
    }
    /// The reference tokens of `pointer` (`""` → `[]`).
    static func tokens(_ pointer: String) -> [String] {
        guard pointer.hasPrefix("/") else { return [] }
        return pointer.dropFirst().split(separator: "/", omittingEmptySubsequences: false).map { unescape(String($0)) }
    }
}
