import Foundation
import OpsReport

/// The Unix convention for file arguments: `-` as an input is standard input, `-o -` is
/// standard output.
enum StandardStreams {
    /// The name that means a standard stream.
    static let dash = "-"

    /// An input file argument made readable as a path: `-` is read to the end into a temporary
    /// file (the PDF library reads files), removed by `cleanup()`; any other path is used as is.
    struct Input {
        /// The path to read.
        let path: String
        /// What to call the input in messages and in `source.file`: the argument, or `-`.
        let name: String
        /// Set when `path` is a temporary copy of standard input.
        let temporaryDirectory: URL?

        /// - Throws: a file error when standard input cannot be read or copied.
        init(_ argument: String, suffix: String = "") throws {
            guard argument == StandardStreams.dash else { path = argument; name = argument; temporaryDirectory = nil; return }
            let data = FileHandle.standardInput.readDataToEndOfFile()
            let dir = FileManager.default.temporaryDirectory.appendingPathComponent("opsreport-stdin-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
            let file = dir.appendingPathComponent("stdin" + suffix)
            try data.write(to: file)
            path = file.path; name = StandardStreams.dash; temporaryDirectory = dir
        }

        /// Removes the temporary copy of standard input, if any.
        func cleanup() { if let temporaryDirectory { try? FileManager.default.removeItem(at: temporaryDirectory) } }

        /// The first bytes of the input (to tell a PDF from JSON or SQLite).
        func head(_ n: Int = 16) -> [UInt8] {
            guard let h = FileHandle(forReadingAtPath: path) else { return [] }
            defer { try? h.close() }
            return [UInt8](h.readData(ofLength: n))
        }
    }

    /// Writes `data` to standard output for `-`, otherwise atomically to `path` (its directory
    /// must exist).
    /// - Throws: as `AtomicFile.write`.
    /// - Parameter inputs: files that must not be overwritten (compared by device and inode).
    static func write(_ data: Data, to path: String, inputs: [String] = []) throws {
        if path == dash { FileHandle.standardOutput.write(data) } else { try AtomicFile.write(data, to: path, createDirectories: false, inputs: inputs.filter { $0 != dash }) }
    }
}
