import Foundation
import OpsReport

/// Applies high-confidence suggestions by editing the report's JSON form at each pointer.
enum Corrections {
    static func apply(_ report: Report) -> Report {
        let edits = report.findings.compactMap { f -> (String, JSONValue)? in
            guard let s = f.suggestion, s.confidence == .high else { return nil }
            return (f.pointer, s.value)
        }
        guard !edits.isEmpty,
              let data = try? ReportCoding.encode(report),
              var root = try? JSONSerialization.jsonObject(with: data) else { return report }
        for (pointer, value) in edits {
            let candidate = set(root, Pointer.tokens(pointer)[...], to: value)
            // Keep an edit only if the result still decodes as a report.
            if let c = candidate, let d = try? JSONSerialization.data(withJSONObject: c), (try? ReportCoding.decode(d)) != nil {
                root = c
            }
        }
        guard let out = try? JSONSerialization.data(withJSONObject: root), let r = try? ReportCoding.decode(out) else { return report }
        return r
    }

    /// `node` with the value at `tokens` replaced; `nil` when the pointer does not resolve.
    private static func set(_ node: Any, _ tokens: ArraySlice<String>, to value: JSONValue) -> Any? {
        guard let key = tokens.first else { return merge(node, value) }
        if var dict = node as? [String: Any] {
            // A value that decoded as nil is absent from the JSON: the last token may add it.
            let child: Any? = dict[key] ?? (tokens.count == 1 ? NSNull() : nil)
            guard let child, let new = set(child, tokens.dropFirst(), to: value) else { return nil }
            dict[key] = new
            return dict
        }
        if var array = node as? [Any] {
            guard let i = Int(key), array.indices.contains(i), let new = set(array[i], tokens.dropFirst(), to: value) else { return nil }
            array[i] = new
            return array
        }
        return nil
    }

    /// The new value; for an array suggestion, element-wise where the suggestion is not `null`
    /// (the existing array is padded with nulls to the suggestion's length).
    private static func merge(_ old: Any, _ value: JSONValue) -> Any {
        guard case .array(let items) = value else { return foundation(value) }
        var arr = (old as? [Any]) ?? []
        while arr.count < items.count { arr.append(NSNull()) }
        for (i, item) in items.enumerated() where item != .null { arr[i] = foundation(item) }
        return arr
    }

    private static func foundation(_ v: JSONValue) -> Any {
        switch v {
        case .int(let i): return i
        case .double(let d): return d
        case .string(let s): return s
        case .array(let a): return a.map(foundation)
        case .null: return NSNull()
        }
    }
}
