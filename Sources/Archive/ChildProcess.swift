import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// How a child process ended.
public enum ChildTermination: Equatable, Sendable {
    /// It called `exit` with this status.
    case exited(Int32)
    /// It was ended by this signal (e.g. 11 = SIGSEGV, 6 = SIGABRT, 4/5 = a Swift trap).
    case signaled(Int32)
    /// It ran past the time limit and was killed with SIGKILL.
    case timedOut
}

/// The outcome of `ChildProcess.run`.
public struct ChildResult: Sendable {
    public var termination: ChildTermination
    /// Standard output, at most `ChildProcess.captureLimit` bytes (the rest is read and dropped).
    public var stdout: Data
    /// Standard error, at most `ChildProcess.captureLimit` bytes.
    public var stderr: Data
    /// Wall-clock seconds from launch to exit.
    public var duration: TimeInterval
    /// Seconds the child added to its time limit by announcing work (`ChildProcess.allowancePrefix`
    /// lines on its standard output); 0 when it announced none.
    public var extendedSeconds: TimeInterval = 0
}

/// A time limit that the child may extend by announcing work, up to a cap; thread-safe (the
/// stdout reader extends it while the launching thread waits on it).
final class ChildDeadline: @unchecked Sendable {
    private let lock = NSLock()
    private var end: DispatchTime
    private let cap: TimeInterval
    private(set) var extended: TimeInterval = 0

    init(start: DispatchTime, timeout: TimeInterval, maxExtension: TimeInterval) {
        end = start + timeout
        cap = max(0, maxExtension)
    }

    /// The deadline in force.
    var current: DispatchTime { lock.lock(); defer { lock.unlock() }; return end }

    /// Moves the deadline `seconds` later, never past the cap in total; non-finite or
    /// non-positive amounts are ignored.
    func extend(by seconds: TimeInterval) {
        guard seconds.isFinite, seconds > 0 else { return }
        lock.lock(); defer { lock.unlock() }
        let added = min(seconds, cap - extended)
        guard added > 0 else { return }
        extended += added
        end = end + added
    }

    /// Reads the `ChildProcess.allowancePrefix` lines of `bytes` (a chunk of the child's standard
    /// output; `pending` holds a line split across chunks, at most
    /// `ChildProcess.maxAllowanceLineBytes`).
    func scan(_ bytes: UnsafeRawBufferPointer, pending: inout [UInt8]) {
        for b in bytes {
            if b == UInt8(ascii: "\n") {
                let line = String(decoding: pending, as: UTF8.self)
                pending.removeAll(keepingCapacity: true)
                if line.hasPrefix(ChildProcess.allowancePrefix),
                   let seconds = TimeInterval(line.dropFirst(ChildProcess.allowancePrefix.count)) { extend(by: seconds) }
            } else if pending.count < ChildProcess.maxAllowanceLineBytes {
                pending.append(b)
            }
        }
    }
}

/// Runs one program as a child process with a time limit. Blocking: call it from a worker thread.
///
/// On Linux the child is started through `setpriv --pdeathsig KILL` when `/usr/bin/setpriv`
/// exists, so it dies with the parent: a batch killed with SIGKILL leaves no orphan that could
/// still write into the output folder afterwards.
public enum ChildProcess {
    /// Bytes kept from each of stdout and stderr.
    public static let captureLimit = 1 << 20
    /// A line on the child's standard output that starts with this, followed by a number of
    /// seconds, moves its time limit that much later (up to `maxExtension` of `run` in all): a
    /// batch worker announces so the work it has found in its file (pages to read by OCR), as it
    /// raises its own CPU-time limit for it.
    public static let allowancePrefix = "opsreport-allowance "
    /// Longest allowance line read; longer lines are cut (and then not a number).
    static let maxAllowanceLineBytes = 64

    static let setpriv: String? = {
        for p in ["/usr/bin/setpriv", "/bin/setpriv"] where FileManager.default.isExecutableFile(atPath: p) { return p }
        return nil
    }()

    /// Runs `executable` with `arguments`, stdin from `/dev/null`.
    ///
    /// - Parameters:
    ///   - timeout: seconds before the child is killed (SIGKILL) and `.timedOut` returned.
    ///   - maxExtension: seconds the child may add to `timeout` in all with
    ///     `allowancePrefix` lines (0: none; the lines are then kept as plain output).
    ///   - dieWithParent: start it under `setpriv --pdeathsig KILL` when available.
    ///   - group: the child is registered there while it runs, so that `ChildProcessGroup.cancel()`
    ///     can kill it (it then ends as `.signaled(9)`).
    /// - Throws: the launch error when the executable cannot be started (missing, not executable).
    public static func run(executable: String, arguments: [String], timeout: TimeInterval, maxExtension: TimeInterval = 0,
                           dieWithParent: Bool = true, group: ChildProcessGroup? = nil) throws -> ChildResult {
        let p = Process()
        if dieWithParent, let sp = setpriv {
            p.executableURL = URL(fileURLWithPath: sp)
            p.arguments = ["--pdeathsig", "KILL", "--", executable] + arguments
        } else {
            p.executableURL = URL(fileURLWithPath: executable)
            p.arguments = arguments
        }
        guard FileManager.default.isExecutableFile(atPath: executable) else {
            throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: executable])
        }
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        p.standardInput = FileHandle.nullDevice
        let exited = DispatchSemaphore(value: 0)
        p.terminationHandler = { _ in exited.signal() }
        let start = Date()
        let deadline = ChildDeadline(start: .now(), timeout: timeout, maxExtension: maxExtension)
        try p.run()
        group?.add(p.processIdentifier)
        // Close our copies of the write ends so the readers see EOF when the child exits.
        try? out.fileHandleForWriting.close()
        try? err.fileHandleForWriting.close()

        let readers = DispatchGroup()
        let outBox = DataBox(), errBox = DataBox()
        for (h, box, watched) in [(out.fileHandleForReading, outBox, maxExtension > 0), (err.fileHandleForReading, errBox, false)] {
            // A serial queue of its own per pipe: the blocking read must not hold one of the few
            // threads of a global queue (which would delay other work, e.g. signal handlers).
            DispatchQueue(label: "opsreport.child.pipe").async(group: readers) {
                box.data = drain(h.fileDescriptor, deadline: watched ? deadline : nil)
            }
        }
        var timedOut = false
        while true {
            let end = deadline.current
            if exited.wait(timeout: end) == .success { break }
            if deadline.current > end { continue }   // extended meanwhile: wait on
            timedOut = true
            kill(p.processIdentifier, SIGKILL)
            exited.wait()
            break
        }
        group?.remove(p.processIdentifier)
        // Returns at once (the child has ended) and lets Foundation release what it keeps for a
        // running process: without it, about 1 KB per worker stays allocated.
        p.waitUntilExit()
        // A grandchild could hold the pipes open; do not wait for it for long.
        if readers.wait(timeout: .now() + 5) == .success {
            // Our read ends, closed now: Foundation keeps them open as long as it keeps the
            // Process (past this call), two descriptors per worker, and a batch of thousands of
            // files would run out of descriptors. (A reader still blocked in read(2) keeps its
            // descriptor rather than have it closed under it.)
            try? out.fileHandleForReading.close()
            try? err.fileHandleForReading.close()
        }
        let duration = Date().timeIntervalSince(start)
        let termination: ChildTermination
        if timedOut { termination = .timedOut }
        else if p.terminationReason == .uncaughtSignal { termination = .signaled(p.terminationStatus) }
        else { termination = .exited(p.terminationStatus) }
        return ChildResult(termination: termination, stdout: outBox.data, stderr: errBox.data, duration: duration,
                           extendedSeconds: deadline.extended)
    }

    private final class DataBox: @unchecked Sendable { var data = Data() }

    /// Reads `fd` to end of file, keeping the first `captureLimit` bytes; with a `deadline`, its
    /// allowance lines extend it as they arrive.
    private static func drain(_ fd: Int32, deadline: ChildDeadline? = nil) -> Data {
        var kept = Data()
        var pending: [UInt8] = []
        let size = 65536
        let buf = UnsafeMutableRawPointer.allocate(byteCount: size, alignment: 1)
        defer { buf.deallocate() }
        while true {
            let n = read(fd, buf, size)
            if n < 0 { if errno == EINTR { continue }; break }
            if n == 0 { break }
            deadline?.scan(UnsafeRawBufferPointer(start: buf, count: n), pending: &pending)
            if kept.count < captureLimit { kept.append(buf.assumingMemoryBound(to: UInt8.self), count: min(n, captureLimit - kept.count)) }
        }
        return kept
    }

    /// The absolute path of the running executable (`/proc/self/exe` resolved), or `nil`.
    public static func currentExecutable() -> String? {
        if let p = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") { return p }
        return CommandLine.arguments.first.map { URL(fileURLWithPath: $0).standardizedFileURL.path }
    }
}
