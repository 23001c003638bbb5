import Foundation
import OpsReport

/// What the audit says of one printed cell.
public enum CellStatus: String, CaseIterable, Sendable {
    /// Read, and no finding doubts it.
    case read
    /// A finding proposes a correction (a `suggestion`).
    case corrected
    /// A finding doubts it and proves no correction.
    case flagged
    /// Something was printed there but no value could be read (`null` in the report).
    case unreadable
}

/// The status of every cell of a report with provenance, from its findings and values.
public struct CellStatuses: Sendable {
    /// Status by JSON Pointer, for every pointer in the report's `provenance`.
    public private(set) var byPointer: [String: CellStatus] = [:]

    /// - Parameter report: its `provenance` gives the cells; its `findings` and values the status.
    public init(_ report: Report) {
        let values = (try? ReportCoding.encode(report)).flatMap { try? JSONSerialization.jsonObject(with: $0) }
        var corrected = Set<String>(), flagged = Set<String>()
        for f in report.findings { if f.suggestion != nil { corrected.insert(f.pointer) } else { flagged.insert(f.pointer) } }
        for pointer in report.provenance.keys {
            if corrected.contains(pointer) { byPointer[pointer] = .corrected }
            else if let values, JSONPointer.resolve(pointer, in: values) is NSNull { byPointer[pointer] = .unreadable }
            else if flagged.contains(pointer) { byPointer[pointer] = .flagged }
            else { byPointer[pointer] = .read }
        }
    }

    /// How many cells have each status.
    public var counts: [CellStatus: Int] {
        var c: [CellStatus: Int] = [:]
        for s in byPointer.values { c[s, default: 0] += 1 }
        return c
    }
}

/// RFC 6901 JSON Pointer resolution over `JSONSerialization` objects.
enum JSONPointer {
    /// The value at `pointer`, or `nil` when there is none (`NSNull` for a JSON `null`).
    static func resolve(_ pointer: String, in root: Any) -> Any? {
        guard pointer.hasPrefix("/") else { return pointer.isEmpty ? root : nil }
        var node: Any = root
        for raw in pointer.dropFirst().split(separator: "/", omittingEmptySubsequences: false) {
            let token = raw.replacingOccurrences(of: "~1", with: "/").replacingOccurrences(of: "~0", with: "~")
            if let dict = node as? [String: Any], let next = dict[token] { node = next }
            else if let array = node as? [Any], let i = Int(token), array.indices.contains(i) { node = array[i] }
            else { return nil }
        }
        return node
    }

    /// The table or section of `pointer`: its first token (`/helpdesk/rows/0` → `helpdesk`);
    /// the report's own top-level values (`/period`, `/title`, `/reference`) are `document`.
    static func section(_ pointer: String) -> String {
        let tokens = pointer.split(separator: "/")
        return tokens.count > 1 ? String(tokens[0]) : "document"
    }
}
