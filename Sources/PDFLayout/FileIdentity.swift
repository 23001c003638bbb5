import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// What `fstat(2)` says of one version of a file: device, inode, size, and the modification and
/// status-change times. Any write to the file changes its times (the kernel sets both), so an
/// unchanged identity means unchanged bytes, provided the identity was *settled* when the bytes
/// were read (see `isSettled(at:)`): a write within the same timestamp tick as the last one
/// would otherwise leave the times as they were.
///
/// Text form (`description`, `init?(_:)`): `DEV:INO:SIZE:MTIME:CTIME`, decimal, times in
/// nanoseconds since the epoch.
public struct FileIdentity: Equatable, Hashable, Sendable, LosslessStringConvertible {
    public var device: UInt64
    public var inode: UInt64
    /// Bytes.
    public var size: Int64
    /// Modification time, ns since the epoch.
    public var modified: Int64
    /// Status-change time, ns since the epoch.
    public var changed: Int64

    /// How long after its last change a file's times are trusted to show any further change,
    /// in nanoseconds: 2 s, the coarsest file timestamp in use (FAT's; ext4, XFS and btrfs
    /// keep nanoseconds, updated at each clock tick). A file changed less than this before it
    /// was hashed is hashed again next time rather than known by its identity.
    public static let settleNanoseconds: Int64 = 2_000_000_000

    public init(device: UInt64, inode: UInt64, size: Int64, modified: Int64, changed: Int64) {
        self.device = device; self.inode = inode; self.size = size; self.modified = modified; self.changed = changed
    }

    init(_ st: stat) {
        self.init(device: UInt64(st.st_dev), inode: UInt64(st.st_ino), size: Int64(st.st_size),
                  modified: Int64(st.st_mtim.tv_sec) * 1_000_000_000 + Int64(st.st_mtim.tv_nsec),
                  changed: Int64(st.st_ctim.tv_sec) * 1_000_000_000 + Int64(st.st_ctim.tv_nsec))
    }

    public init?(_ text: String) {
        let f = text.split(separator: ":", omittingEmptySubsequences: false)
        guard f.count == 5, let d = UInt64(f[0]), let i = UInt64(f[1]), let s = Int64(f[2]), let m = Int64(f[3]), let c = Int64(f[4]) else { return nil }
        self.init(device: d, inode: i, size: s, modified: m, changed: c)
    }

    public var description: String { "\(device):\(inode):\(size):\(modified):\(changed)" }

    /// Whether both times are more than `settleNanoseconds` before `time` (ns since the epoch,
    /// taken before the file was opened): then any later write gives the file a later time,
    /// and so another identity.
    public func isSettled(at time: Int64) -> Bool {
        max(modified, changed) < time - Self.settleNanoseconds
    }

    /// The current time in ns since the epoch (`CLOCK_REALTIME`, the clock of file times).
    public static func now() -> Int64 {
        var t = timespec()
        clock_gettime(CLOCK_REALTIME, &t)
        return Int64(t.tv_sec) * 1_000_000_000 + Int64(t.tv_nsec)
    }
}

/// A file's SHA-256 taken by someone else (the batch's parent process), with the settled identity
/// the file had while it was hashed. A reader that finds the file with this identity, unchanged
/// while it read it, has the bytes that were hashed, and need not hash them again.
///
/// Text form: `SHA256@DEV:INO:SIZE:MTIME:CTIME` (see `FileIdentity`).
public struct KnownHash: Equatable, Sendable, LosslessStringConvertible {
    /// Lowercase hex.
    public var sha256: String
    public var identity: FileIdentity

    public init(sha256: String, identity: FileIdentity) { self.sha256 = sha256; self.identity = identity }

    public init?(_ text: String) {
        let p = text.split(separator: "@", maxSplits: 1)
        guard p.count == 2, p[0].count == 64, p[0].allSatisfy({ $0.isHexDigit && !$0.isUppercase }),
              let id = FileIdentity(String(p[1])) else { return nil }
        self.init(sha256: String(p[0]), identity: id)
    }

    public var description: String { "\(sha256)@\(identity)" }
}

extension FileBytes {
    /// The identity of the regular file at `path` (opened and `fstat`ed, not read).
    /// - Throws: `PDFLayoutError.unreadable` (see `openRegular`).
    public static func identity(ofFile path: String, followSymlinks: Bool = true) throws -> FileIdentity {
        let (fd, st) = try openRegular(path, followSymlinks: followSymlinks)
        close(fd)
        return FileIdentity(st)
    }

    /// SHA-256 of the regular file at `path` (as `sha256(ofFile:followSymlinks:deadline:)`) with
    /// the identity it had while it was hashed, and whether that identity was settled then
    /// (`FileIdentity.isSettled(at:)`, at the time the file was opened).
    /// - Throws: as `sha256(ofFile:followSymlinks:deadline:)`.
    public static func hashWithIdentity(ofFile path: String, followSymlinks: Bool = true,
                                        deadline: Date? = nil) throws -> (sha256: String, identity: FileIdentity, settled: Bool) {
        let started = FileIdentity.now()
        var seen: stat? = nil
        let sha = try sha256(ofFile: path, followSymlinks: followSymlinks, deadline: deadline) { seen = $0 }
        guard let seen else { throw PDFLayoutError.unreadable(path: path, reason: "no file status") }
        let id = FileIdentity(seen)
        return (sha, id, id.isSettled(at: started))
    }
}

extension FileIdentity {
    /// Device and inode of the file `path` names (links followed): what tells two names of one
    /// file apart from two files. `nil` when nothing is there.
    public static func deviceAndInode(ofPath path: String) -> [UInt64]? {
        var st = stat()
        return stat(path, &st) == 0 ? [UInt64(st.st_dev), UInt64(st.st_ino)] : nil
    }
}
