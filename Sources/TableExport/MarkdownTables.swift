import TableLayout

/// Markdown pipe tables, one per detected table, each under a heading with its page and caption.
public enum MarkdownTables {
    /// `| … |` rows with the first grid row as the header; `|` in text escaped, line breaks
    /// turned into spaces.
    public static func render(_ tables: [DetectedTable]) -> [UInt8] {
        var out = ""
        for (i, t) in tables.enumerated() {
            if i > 0 { out += "\n" }
            out += "### Page \(t.page), table \(i + 1)" + (t.caption.map { ": " + escape($0) } ?? "") + "\n\n"
            let grid = t.grid
            for (r, row) in grid.enumerated() {
                out += "| " + row.map { escape($0 ?? "") }.joined(separator: " | ") + " |\n"
                if r == 0 { out += "|" + String(repeating: " --- |", count: t.columnCount) + "\n" }
            }
        }
        return Array(out.utf8)
    }

    static func escape(_ s: String) -> String {
        s.replacingAll("|", with: "\\|").replacingAll("\n", with: " ")
    }
}

extension String {
    /// Every occurrence of `a` replaced by `b` (no Foundation).
    func replacingAll(_ a: Character, with b: String) -> String {
        var out = ""
        for ch in self { if ch == a { out += b } else { out.append(ch) } }
        return out
    }
}
