import Foundation
import OpsReport
import PDFLayout
#if canImport(Glibc)
import Glibc
#endif

/// The Unix convention for file arguments: `-` as an input is standard input, `-o -` is
/// standard output.
enum StandardStreams {
    /// The name that means a standard stream.
    static let dash = "-"
    /// Largest PDF (or batch database) read from standard input, in bytes: 256 MiB (a report is
    /// a few MiB). Standard input is copied to a temporary file, so without a cap an endless
    /// stream would fill the disk; reading stops at the first byte over it.
    static let maxPDFBytes = 256 << 20

    /// Whether an input whose first bytes are `head` is JSON: its first byte that is not white
    /// space or a UTF-8 byte-order mark is `{`.
    static func isJSON(head: [UInt8]) -> Bool {
        head.first { ![0x20, 0x09, 0x0A, 0x0D, 0xEF, 0xBB, 0xBF].contains($0) } == UInt8(ascii: "{")
    }

    /// The cap on standard input whose first bytes are `head`: `JSONInputLimits.maxBytes` for
    /// JSON (`isJSON(head:)`), `maxPDFBytes` for anything else.
    static func limit(forHead head: [UInt8]) -> Int { isJSON(head: head) ? JSONInputLimits.maxBytes : maxPDFBytes }

    /// Why an input argument cannot be used.
    struct InputError: Error {
        enum Kind { case tooLarge, notRegular, unreadable }
        var kind: Kind
        /// A sentence naming the input, the reason and what to do.
        var message: String
        /// The exit status of `extract`, `tables`, `text` and `audit`: 20 (a resource limit)
        /// for standard input over its cap, 10 (cannot be read) otherwise. `reconcile` uses 2.
        var exitStatus: Int32 { kind == .tooLarge ? ResourceLimits.exitStatus : 10 }
    }

    /// An input file argument made readable as a path. `-` is copied, in 1 MiB chunks and at
    /// most up to its cap (`limit(forHead:)`), into a temporary file that is unlinked as soon as
    /// it is open and read through `/proc/self/fd/N`, so that nothing is left behind even when
    /// the process is killed; without `/proc` the named file is removed by `cleanup()`. Any other
    /// path is used as it is, once checked not to be a FIFO, device or socket (opening one
    /// could block forever).
    struct Input {
        /// The path to read.
        let path: String
        /// What to call the input in messages and in `source.file`: the argument, or `-`.
        let name: String
        /// Whether the input is standard input.
        let isStandardInput: Bool
        /// The descriptor of the temporary copy of standard input (-1 for a named file).
        private let descriptor: Int32
        /// The named temporary copy, when it could not be unlinked at once (no `/proc`).
        private let namedCopy: String?

        /// - Throws: `InputError` when standard input cannot be read or copied or holds more than
        ///   its cap, or the named file is not a regular file.
        init(_ argument: String) throws {
            name = argument
            guard argument == StandardStreams.dash else {
                var st = stat()
                if stat(argument, &st) == 0, case let type = st.st_mode & S_IFMT, type != S_IFREG, type != S_IFDIR {
                    throw InputError(kind: .notRegular, message: "\(MessageText.quoted(argument)): it is not a regular file but \(FileBytes.kindName(type)); nothing was read. Save it to a regular file first, or give it on standard input (`-`).")
                }
                path = argument; isStandardInput = false; descriptor = -1; namedCopy = nil
                return
            }
            isStandardInput = true
            let dir = FileManager.default.temporaryDirectory.path
            var template = Array("\(dir)/opsreport-stdin-XXXXXX".utf8CString)
            let fd = mkstemp(&template)
            guard fd >= 0 else {
                throw InputError(kind: .unreadable, message: "standard input cannot be copied: cannot create a temporary file in \(MessageText.quoted(dir)) (\(String(cString: strerror(errno)))). Set TMPDIR to a writable folder, or give the file by name.")
            }
            let named = String(cString: template)
            _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
            let proc = "/proc/self/fd/\(fd)"
            let unlinked = access(proc, R_OK) == 0 && unlink(named) == 0
            do { try Self.copyStandardInput(to: fd) } catch {
                if !unlinked { unlink(named) }
                close(fd)
                throw error
            }
            path = unlinked ? proc : named; descriptor = fd; namedCopy = unlinked ? nil : named
        }

        /// Copies standard input to `fd` in 1 MiB chunks, stopping at the first byte over the cap.
        private static func copyStandardInput(to fd: Int32) throws {
            let chunk = 1 << 20
            let buf = UnsafeMutableRawPointer.allocate(byteCount: chunk, alignment: 16)
            defer { buf.deallocate() }
            var total = 0, head: [UInt8] = [], limit: Int? = nil
            while true {
                let n = read(0, buf, chunk)
                if n < 0 {
                    if errno == EINTR { continue }
                    throw InputError(kind: .unreadable, message: "standard input cannot be read (\(String(cString: strerror(errno)))).")
                }
                if n == 0 { break }
                if head.count < 16 { head += UnsafeRawBufferPointer(start: buf, count: min(n, 16 - head.count)) }
                total += n
                if limit == nil, head.count >= 16 { limit = StandardStreams.limit(forHead: head) }
                let cap = limit ?? StandardStreams.maxPDFBytes
                if total > cap {
                    let what = cap == JSONInputLimits.maxBytes ? "a report JSON" : "a PDF or database"
                    throw InputError(kind: .tooLarge, message: "standard input holds more than the \(cap >> 20) MiB (\(cap) bytes) accepted for \(what); reading stopped there and nothing was written. Give the file by name instead.")
                }
                guard AtomicFile.writeAll(UnsafeRawBufferPointer(start: buf, count: n), to: fd) else {
                    throw InputError(kind: .unreadable, message: "standard input cannot be copied to a temporary file (\(String(cString: strerror(errno)))). Free some space in the temporary folder (TMPDIR), or give the file by name.")
                }
            }
        }

        /// `message` with the path of standard input's temporary copy called "(standard input)";
        /// a named file's message as it is.
        func naming(_ message: String) -> String {
            isStandardInput ? message.replacingOccurrences(of: path, with: "(standard input)") : message
        }

        /// Closes (and, without `/proc`, removes) the temporary copy of standard input, if any.
        func cleanup() {
            if let namedCopy { unlink(namedCopy) }
            if descriptor >= 0 { close(descriptor) }
        }

        /// The first bytes of the input (to tell a PDF from JSON or SQLite); opened non-blocking,
        /// so even a FIFO that appeared since the check cannot hang.
        func head(_ n: Int = 16) -> [UInt8] {
            let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
            guard fd >= 0 else { return [] }
            defer { close(fd) }
            var bytes = [UInt8](repeating: 0, count: n)
            let got = read(fd, &bytes, n)
            return got > 0 ? Array(bytes.prefix(got)) : []
        }

        /// A named copy of standard input, for a reader that needs a file of its own next to which
        /// it may look for others (SQLite looks for `-wal` and `-journal` files beside a database):
        /// made in a new folder removed by `removeNamedCopy(_:)`. This copy is the one exception to
        /// "nothing is left behind": a process killed while it exists leaves it in TMPDIR.
        /// - Returns: the folder and the file in it; the input's own path for a named file.
        func namedCopy(suffix: String) throws -> (folder: URL?, path: String) {
            guard isStandardInput else { return (nil, path) }
            let dir = FileManager.default.temporaryDirectory.appendingPathComponent("opsreport-stdin-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
            let file = dir.appendingPathComponent("stdin" + suffix)
            // Copied by content: `path` may be `/proc/self/fd/N`, a link to an unlinked file.
            let src = open(path, O_RDONLY | O_CLOEXEC), dst = open(file.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
            defer { if src >= 0 { close(src) }; if dst >= 0 { close(dst) } }
            var ok = src >= 0 && dst >= 0
            var buf = [UInt8](repeating: 0, count: 1 << 20)
            while ok {
                let n = buf.withUnsafeMutableBytes { read(src, $0.baseAddress, $0.count) }
                if n < 0 && errno == EINTR { continue }
                if n <= 0 { ok = n == 0; break }
                ok = buf.withUnsafeBytes { AtomicFile.writeAll(UnsafeRawBufferPointer(rebasing: $0.prefix(n)), to: dst) }
            }
            guard ok else {
                let reason = String(cString: strerror(errno))
                try? FileManager.default.removeItem(at: dir)
                throw InputError(kind: .unreadable, message: "standard input cannot be copied to \(MessageText.quoted(file.path)) (\(reason)). Free some space in the temporary folder (TMPDIR), or give the file by name.")
            }
            return (dir, file.path)
        }

        /// Removes a folder made by `namedCopy(suffix:)`.
        static func removeNamedCopy(_ folder: URL?) { if let folder { try? FileManager.default.removeItem(at: folder) } }
    }

    /// Writes `data` to standard output for `-` (`StandardOutput.write`), otherwise atomically
    /// to `path` (its directory must exist).
    /// - Parameter inputs: files that must not be overwritten (compared by device and inode).
    /// - Throws: as `AtomicFile.write`, or `StandardOutput.WriteError`.
    static func write(_ data: Data, to path: String, inputs: [String] = []) throws {
        if path == dash { try StandardOutput.write(data) } else { try AtomicFile.write(data, to: path, createDirectories: false, inputs: inputs.filter { $0 != dash }) }
    }
}
