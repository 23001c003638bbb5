import Foundation
import PDFLayout
#if canImport(Glibc)
import Glibc
#endif

/// Why `AtomicFile.write` refused or failed; the destination is then untouched.
public struct AtomicFileError: Error, LocalizedError, Sendable {
    /// The destination as given.
    public var path: String
    /// What is wrong, e.g. `the directory /x does not exist`.
    public var reason: String
    /// The `errno` of the failed call, when a system call failed (e.g. `ENOSPC`).
    public var code: Int32?
    public var errorDescription: String? { reason }
    /// The disk (or the user's quota) is full: a transient failure, not a fact about the input.
    public var isDiskFull: Bool { code == ENOSPC || code == EDQUOT }
}

/// Writes files so that a reader never sees a half-written file: the bytes go to a temporary
/// file in the same directory, which is then renamed over the destination (atomic on POSIX).
///
/// What a Unix user expects of `-o PATH` also holds: a symbolic link is followed (its target is
/// replaced, the link stays); an existing FIFO, character device or socket (`/dev/null`,
/// `/proc/self/fd/1`) is written through, never replaced by a regular file; a directory is
/// refused; and a destination that is one of `inputs` (same device and inode, after resolving
/// links) is refused, so an input can never be overwritten.
public enum AtomicFile {
    /// Writes `data` to `path` atomically (see the type's documentation).
    ///
    /// - Parameters:
    ///   - createDirectories: create missing parent directories (batch output folders); when
    ///     `false` (a path a user named) a missing directory is an error.
    ///   - inputs: files that must not be overwritten (the command's inputs).
    /// - Throws: `AtomicFileError` naming the path and the reason when the directory is missing or
    ///   cannot be created, the destination is a directory, an input or read-only, or the file
    ///   cannot be written or renamed (`code` = `errno`, e.g. `ENOSPC`); the destination is then
    ///   left untouched and no temporary file remains.
    public static func write(_ data: Data, to path: String, createDirectories: Bool = true, inputs: [String] = []) throws {
        func refuse(_ reason: String, _ code: Int32? = nil) -> AtomicFileError { AtomicFileError(path: path, reason: reason, code: code) }
        // The path as named first (stat follows every link): `/proc/self/fd/1` or `/dev/stdout`
        // on a pipe is a link to `pipe:[N]`, which `resolveLinks` cannot follow as a path.
        var named = stat()
        if stat(path, &named) == 0, [S_IFIFO, S_IFCHR, S_IFSOCK].contains(named.st_mode & S_IFMT) {
            return try writeThrough(data, to: path, as: path)
        }
        let target = resolveLinks(path)
        let url = URL(fileURLWithPath: target)
        let dir = url.deletingLastPathComponent()
        var st = stat()
        let exists = stat(target, &st) == 0
        if exists {
            let key = [UInt64(st.st_dev), UInt64(st.st_ino)]
            for input in inputs {
                if FileIdentity.deviceAndInode(ofPath: input) == key {
                    throw refuse("\(path) is the input file \(input); choose another output path")
                }
            }
            let type = st.st_mode & S_IFMT
            if type == S_IFDIR { throw refuse("\(path) is a directory") }
            if type != S_IFREG { return try writeThrough(data, to: target, as: path) }
            if access(target, W_OK) != 0 { throw refuse("\(path) exists and is read-only") }
        }
        var isDir: ObjCBool = false
        if createDirectories {
            do { try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true) } catch {
                throw refuse("cannot create the directory \(dir.path): \(error.localizedDescription)")
            }
        } else if !FileManager.default.fileExists(atPath: dir.path, isDirectory: &isDir) || !isDir.boolValue {
            throw refuse("the directory \(dir.path) does not exist")
        }
        // A short temporary name: the destination's own name may already be at the length limit.
        let tmp = dir.appendingPathComponent(".opsreport-\(getpid())-\(UInt32.random(in: 0...UInt32.max)).tmp").path
        func failure(_ what: String) -> AtomicFileError {
            let e = errno
            return AtomicFileError(path: path, reason: "\(what): \(String(cString: strerror(e)))", code: e)
        }
        // Plain POSIX calls: Foundation's Data.write is several times slower here.
        let fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw failure("cannot create a temporary file in \(dir.path)") }
        var error: AtomicFileError? = writeAll(data, fd) ? nil : failure("cannot write the file")
        if error == nil && fsync(fd) != 0 { error = failure("cannot write the file") }
        if close(fd) != 0 && error == nil { error = failure("cannot write the file") }
        if error == nil && rename(tmp, target) != 0 { error = failure("cannot rename the file into place") }
        if let error { unlink(tmp); throw error }
    }

    /// Writes into an existing FIFO, character device or socket as it is (no temporary file).
    static func writeThrough(_ data: Data, to target: String, as path: String) throws {
        let fd = open(target, O_WRONLY | O_CLOEXEC | O_NOCTTY)
        guard fd >= 0 else { let e = errno; throw AtomicFileError(path: path, reason: "cannot open \(path): \(String(cString: strerror(e)))", code: e) }
        defer { close(fd) }
        guard writeAll(data, fd) else { let e = errno; throw AtomicFileError(path: path, reason: "cannot write to \(path): \(String(cString: strerror(e)))", code: e) }
    }

    static func writeAll(_ data: Data, _ fd: Int32) -> Bool { data.withUnsafeBytes { writeAll($0, to: fd) } }

    /// Writes all of `bytes` to `fd` with `write(2)`, retrying after signals (`EINTR`) and short
    /// writes; `false` on an error, with `errno` set.
    public static func writeAll(_ bytes: UnsafeRawBufferPointer, to fd: Int32) -> Bool {
        var offset = 0
        while offset < bytes.count {
            let n = Glibc.write(fd, bytes.baseAddress! + offset, bytes.count - offset)
            if n < 0 { if errno == EINTR { continue }; return false }
            offset += n
        }
        return true
    }

    /// `path` with every symbolic link of its last component followed (at most 40 hops), so a
    /// link is written through to its target; the path itself when it is not a link.
    public static func resolveLinks(_ path: String) -> String {
        var p = path
        for _ in 0..<40 {
            guard let dest = try? FileManager.default.destinationOfSymbolicLink(atPath: p) else { return p }
            p = dest.hasPrefix("/") ? dest : URL(fileURLWithPath: p).deletingLastPathComponent().appendingPathComponent(dest).path
        }
        return p
    }
}
