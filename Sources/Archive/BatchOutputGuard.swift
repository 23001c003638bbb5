import Foundation
import PDFLayout

/// The batch's rule that no output is one of its inputs: the database (and its `-wal`,
/// `-journal` and lock files) and the CSV files are compared with every PDF found, by device
/// and inode (links followed), before anything is written.
enum BatchOutputGuard {
    /// The files the batch writes outside its JSON folder (which the scan leaves out).
    static func outputs(of c: BatchConfiguration) -> [String] {
        var out = [c.databasePath] + ["-wal", "-journal", "-shm", ".lock"].map { c.databasePath + $0 }
        if let csv = c.csvDirectory { out += CSVExport.tables.map { csv + "/\($0.name).csv" } + [csv + "/datapackage.json"] }
        return out
    }

    /// - Throws: `BatchError.outputIsInput` naming the first output that is one of `inputs`.
    static func check(_ c: BatchConfiguration, inputs: [String]) throws {
        let existing = outputs(of: c).compactMap { p in FileIdentity.deviceAndInode(ofPath: p).map { (p, $0) } }
        guard !existing.isEmpty else { return }
        let wanted = Dictionary(existing.map { ($0.1, $0.0) }, uniquingKeysWith: { a, _ in a })
        for input in inputs {
            if let id = FileIdentity.deviceAndInode(ofPath: input), let output = wanted[id] { throw BatchError.outputIsInput(output: output, input: input) }
        }
    }
}
