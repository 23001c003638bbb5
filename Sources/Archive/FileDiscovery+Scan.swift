import Foundation
import PDFLayout
#if canImport(Glibc)
import Glibc
#endif

/// A directory entry named like a PDF that a batch does not read, with the reason.
public struct ExcludedEntry: Sendable, Equatable {
    /// Path relative to the batch folder, control characters and undecodable bytes escaped.
    public var name: String
    public var reason: FailureReason
    public var message: String
}

extension FileDiscovery {
    /// The PDFs under `root` and the entries named like PDFs that are not read.
    ///
    /// Walks the folder with `lstat` (never following a link by accident): only regular files
    /// whose name ends in `.pdf` (any case) are read. A symbolic link is followed when its target,
    /// resolved, is a regular file inside `root`, or anywhere with `followSymlinks`; a link pointing
    /// outside is listed as `symlink_outside`, a dangling one as `unreadable`. FIFOs, devices and
    /// sockets are listed as `not_regular` (never opened: opening a FIFO blocks, a device never
    /// ends). A name that is not valid UTF-8 is listed as `bad_name` (never dropped silently).
    /// Hidden files and folders and anything under `excluding` are skipped; linked folders are
    /// descended only with `followSymlinks` (each real folder once, so a link cycle ends).
    ///
    /// - Returns: absolute standardised paths sorted by path, and the excluded entries by name.
    /// - Throws: `BatchError.inputNotFound` when `root` is not a folder.
    public static func scan(_ root: String, excluding: [String] = [], followSymlinks: Bool = false) throws -> (pdfs: [String], excluded: [ExcludedEntry]) {
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root, isDirectory: &isDir), isDir.boolValue else {
            throw BatchError.inputNotFound(root)
        }
        let rootPath = URL(fileURLWithPath: root).standardizedFileURL.path
        let realRoot = realPath(rootPath) ?? rootPath
        let excluded = excluding.map { URL(fileURLWithPath: $0).standardizedFileURL.path }
        var pdfs: [String] = [], skipped: [ExcludedEntry] = []
        var visited = Set<[UInt64]>()
        func inside(_ p: String) -> Bool { p == realRoot || p.hasPrefix(realRoot.hasSuffix("/") ? realRoot : realRoot + "/") }

        func walk(_ dir: String) {
            if let key = FileIdentity.deviceAndInode(ofPath: dir) { guard visited.insert(key).inserted else { return } }
            guard let d = opendir(dir) else { return }
            defer { closedir(d) }
            var entries: [[UInt8]] = []
            while let e = readdir(d) {
                let bytes = withUnsafeBytes(of: e.pointee.d_name) { raw in Array(raw.prefix { $0 != 0 }) }
                if bytes.first == 0x2E { continue }  // hidden, `.` and `..`
                entries.append(bytes)
            }
            for bytes in entries.sorted(by: { $0.lexicographicallyPrecedes($1) }) {
                let isPDFName = bytes.count >= 4 && String(decoding: bytes.suffix(4), as: UTF8.self).lowercased() == ".pdf"
                guard let name = String(validating: bytes, as: UTF8.self) else {
                    var cpath = Array(dir.utf8) + [0x2F] + bytes + [0]
                    var bs = stat()
                    let isFolder = cpath.withUnsafeMutableBufferPointer { p in p.baseAddress!.withMemoryRebound(to: CChar.self, capacity: p.count) { lstat($0, &bs) } } == 0
                        && bs.st_mode & S_IFMT == S_IFDIR
                    if isPDFName || isFolder {
                        let prefix = dir == rootPath ? "" : MessageText.escaped(relativeName(of: dir, under: rootPath)) + "/"
                        skipped.append(ExcludedEntry(name: prefix + escapedBytes(bytes), reason: .badName,
                            message: "the \(isFolder ? "folder" : "file") name is not valid UTF-8, so it cannot be recorded; rename it to UTF-8 (e.g. `convmv -f latin1 -t utf8`) to convert \(isFolder ? "the PDFs in it" : "it")"))
                    }
                    continue
                }
                let path = dir == "/" ? "/" + name : dir + "/" + name
                if excluded.contains(where: { path == $0 || path.hasPrefix($0 + "/") }) { continue }
                var ls = stat()
                guard lstat(path, &ls) == 0 else { continue }
                let type = ls.st_mode & S_IFMT
                let rel = relativeName(of: path, under: rootPath)
                switch type {
                case S_IFDIR: walk(path)
                case S_IFREG: if isPDFName { pdfs.append(path) }
                case S_IFLNK:
                    guard let target = realPath(path) else {
                        if isPDFName { skipped.append(ExcludedEntry(name: MessageText.escaped(rel), reason: .unreadable, message: "a symbolic link whose target does not exist")) }
                        continue
                    }
                    var ts = stat()
                    guard stat(target, &ts) == 0 else { continue }
                    let ttype = ts.st_mode & S_IFMT
                    if ttype == S_IFDIR {
                        if followSymlinks && !excluded.contains(where: { target == $0 || target.hasPrefix($0 + "/") }) { walk(path) }
                        continue
                    }
                    guard isPDFName else { continue }
                    if ttype != S_IFREG {
                        skipped.append(ExcludedEntry(name: MessageText.escaped(rel), reason: .notRegular,
                            message: "a symbolic link to \(FileBytes.kindName(ttype)), not a regular file; not read"))
                    } else if !followSymlinks && !inside(target) {
                        skipped.append(ExcludedEntry(name: MessageText.escaped(rel), reason: .symlinkOutside,
                            message: "a symbolic link to \(MessageText.quoted(target)), outside the folder; not read (use --follow-symlinks to read it)"))
                    } else { pdfs.append(path) }
                default:
                    if isPDFName {
                        skipped.append(ExcludedEntry(name: MessageText.escaped(rel), reason: .notRegular,
                            message: "\(FileBytes.kindName(type)), not a regular file; not read"))
                    }
                }
            }
        }
        walk(rootPath)
        return (pdfs.sorted(), skipped.sorted { $0.name < $1.name })
    }

    /// `realpath(3)` of `path`, or `nil` when a component does not exist.
    static func realPath(_ path: String) -> String? {
        guard let r = realpath(path, nil) else { return nil }
        defer { free(r) }
        return String(cString: r)
    }

    /// Bytes as text, each byte that is not printable ASCII as `\xHH`.
    static func escapedBytes(_ bytes: [UInt8]) -> String {
        bytes.map { $0 >= 0x20 && $0 < 0x7F && $0 != 0x5C ? String(UnicodeScalar($0)) : String(format: "\\x%02X", $0) }.joined()
    }
}
