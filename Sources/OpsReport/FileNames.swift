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

    /// The JSON paths of a batch's PDFs (relative names, `a/b.pdf`), one per name in order: each
    /// `jsonRelativePath(forPDF:)`, except when several names give the same path (`a.pdf` and
    /// `a.PDF`, compared without case, as case-insensitive file systems do): then each of them
    /// keeps its full name plus `-` and 16 hex digits of the SHA-256 of its relative name
    /// (`a.PDF-3f2a….json`), so no two reports share a JSON file. A name's path depends only on
    /// the name and whether another name collides with it, never on the order of the names.
    public static func jsonRelativePaths(forPDFs names: [String]) -> [String] {
        let plain = names.map(jsonRelativePath(forPDF:))
        var count: [String: Int] = [:]
        for p in plain { count[p.lowercased(), default: 0] += 1 }
        return zip(names, plain).map { name, path in
            guard count[path.lowercased(), default: 0] > 1 else { return path }
            var parts = name.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
            let last = parts.popLast() ?? name
            let hash = String(FileBytes.sha256(Array(name.utf8)).prefix(16))
            return (parts.map { component($0, suffix: "") } + [component(last, suffix: "-" + hash + ".json")]).joined(separator: "/")
        }
    }
}
