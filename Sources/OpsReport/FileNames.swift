import PDFLayout

/// Output file names the file system accepts.
public enum FileNames {
    /// Longest file-name component, in bytes (`NAME_MAX` on Linux and macOS file systems).
    public static let maxComponentBytes = 255

    /// `name` when its UTF-8 form fits in `maxComponentBytes` bytes with `suffix`; otherwise a
    /// prefix of it (cut at a character boundary), `-`, the first 16 hex digits of the SHA-256
    /// of the whole name, and `suffix`: distinct long names stay distinct, and the same name
    /// always gives the same file.
    /// E.g. a 300-byte `x…x` + `.json` → `x…x-3f2a9c0d1b2e4f56.json` (255 bytes).
    public static func component(_ name: String, suffix: String) -> String {
        if name.utf8.count + suffix.utf8.count <= maxComponentBytes { return name + suffix }
        let hash = String(FileBytes.sha256(Array(name.utf8)).prefix(16))
        let room = maxComponentBytes - suffix.utf8.count - hash.utf8.count - 1
        var prefix = ""
        for c in name { if prefix.utf8.count + String(c).utf8.count > room { break }; prefix.append(c) }
        return prefix + "-" + hash + suffix
    }

    /// The JSON file name of a PDF: `name` without a `.pdf` extension (any case) plus `.json`,
    /// shortened by `component(_:suffix:)` when too long.
    public static func jsonName(forPDF name: String) -> String {
        var base = name
        if base.lowercased().hasSuffix(".pdf") { base.removeLast(4) }
        return component(base, suffix: ".json")
    }

    /// `path` (`a/b/c`) with every component shortened as by `component(_:suffix:)`, the last
    /// one as a JSON name (`jsonName(forPDF:)`).
    public static func jsonRelativePath(forPDF relative: String) -> String {
        var parts = relative.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        guard let last = parts.popLast() else { return jsonName(forPDF: relative) }
        return (parts.map { component($0, suffix: "") } + [jsonName(forPDF: last)]).joined(separator: "/")
    }
}
