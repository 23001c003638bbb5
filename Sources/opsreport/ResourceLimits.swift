import Foundation
import Archive
import PDFLayout
#if canImport(Glibc)
import Glibc
#endif

/// Memory and CPU-time limits of a process that reads input files (`extract` and each batch
/// worker, `reconcile`, `tables`, `text`, `audit`: see `ResourceLimitOptions`), set with
/// `setrlimit(2)`, and the classification of hitting one as exit status `exitStatus` with a
/// one-line message (never a crash report).
///
/// - CPU: `RLIMIT_CPU` soft limit = the limit (raised by the allowances), hard limit = the limit
///   + `maxAllowanceSeconds` + `cpuGraceSeconds`, set once so that every allowance can still be
///   granted (a hard limit cannot be raised again). The kernel sends SIGXCPU at the soft limit;
///   the handler writes the message and exits with `exitStatus`. Should the handler not get to
///   run, SIGKILL follows at the hard limit (the batch classifies an unexpected SIGKILL or
///   SIGXCPU as `resource_limit` too).
/// - Memory: `RLIMIT_AS` (address space), so an allocation beyond it fails instead of the
///   machine running out of memory. A failed allocation ends in a trap or abort (Swift runtime,
///   GLib and poppler all stop on it); the crash handler tells it from a real crash by `errno`
///   being `ENOMEM` or the address space being within `memoryNearFraction` of the limit, and
///   then exits with `exitStatus` and the message.
enum ResourceLimits {
    /// Exit status for "a resource limit was reached" (documented in the README).
    static let exitStatus: Int32 = 20
    /// Seconds between the CPU soft limit (SIGXCPU) and the hard limit (SIGKILL).
    static let cpuGraceSeconds: rlim_t = 5
    /// Fraction of the memory limit in use at a crash above which the crash is taken as the
    /// memory limit being reached.
    static let memoryNearFraction = 0.75
    /// Default memory limit: 1 GiB.
    static let defaultMemoryBytes: UInt64 = 1 << 30
    /// Default CPU-time limit in seconds.
    /// (50 s, not 60: a CPU-bound hostile file then ends, with its message, within 60 s of
    /// start-up, parsing and the exit on an idle machine.)
    static let defaultCPUSeconds: UInt64 = 50
    /// CPU seconds added to the limit for each page read by OCR (a scan's tables, an
    /// image-only page): about 4× the 2.6 s a page measured on a release build, so a debug
    /// build or a slow machine also reads a long scan. Added when the extractor announces the
    /// pages (`allowOCR(pages:)`), so a file that is not a scan keeps the plain limit.
    static let ocrPageCPUSeconds: UInt64 = 10
    /// Pages of one process that get the OCR allowance at most; the hard limit set at start-up
    /// leaves room for them (`maxOCRPages × ocrPageCPUSeconds`).
    static let maxOCRPages: UInt64 = 100
    /// CPU seconds added for each page `tables` or `text` reads from the text layer: about 20×
    /// the 0.05 s a page of the ICDAR 2013 documents takes in a release build.
    static let textPageCPUSeconds: UInt64 = 1
    /// CPU seconds added for each report `audit` draws (its crops and table images): about 5×
    /// the time a corpus report takes in a debug build.
    static let auditReportCPUSeconds: UInt64 = 5
    /// The most CPU seconds all allowances (`allow(_:secondsEach:for:)`) add up to: the hard limit
    /// set at start-up leaves room for them.
    static var maxAllowanceSeconds: UInt64 { maxOCRPages * ocrPageCPUSeconds }
    /// Set by `--announce-allowances` (given by the batch to its workers): `allow` also writes
    /// each allowance on standard output, for the parent's time limit.
    nonisolated(unsafe) static var announcesAllowances = false

    /// Parses `1G`, `512M`, `800K`, `1073741824` (bytes), `0` (no limit).
    static func parseSize(_ s: String) -> UInt64? {
        let t = s.trimmingCharacters(in: .whitespaces).uppercased()
        let units: [Character: UInt64] = ["K": 1 << 10, "M": 1 << 20, "G": 1 << 30]
        var digits = Substring(t), unit: UInt64 = 1
        if let last = t.last, let u = units[last] { unit = u; digits = digits.dropLast() }
        if digits.hasSuffix("I") || digits.hasSuffix("B") { return nil }
        guard let n = UInt64(digits) else { return nil }
        let (v, o) = n.multipliedReportingOverflow(by: unit)
        return o ? nil : v
    }

    /// Sets the limits (0 = no limit) and installs the handlers. `file` is named in the messages.
    static func apply(memoryBytes: UInt64, cpuSeconds: UInt64, file: String) {
        installAlternateStack()
        if cpuSeconds > 0 {
            cpuFile = file
            cpuBase = cpuSeconds
            setCPULimit(soft: cpuSeconds, hard: cpuSeconds + maxAllowanceSeconds + UInt64(cpuGraceSeconds))
            signal(SIGXCPU, onCPULimit)
        }
        if memoryBytes > 0 {
            var r = rlimit(rlim_cur: rlim_t(memoryBytes), rlim_max: rlim_t(memoryBytes))
            var old = rlimit()
            getrlimit(__rlimit_resource_t(RLIMIT_AS.rawValue), &old)
            if old.rlim_max != rlim_t.max { r.rlim_max = min(r.rlim_max, old.rlim_max); r.rlim_cur = min(r.rlim_cur, r.rlim_max) }
            setrlimit(__rlimit_resource_t(RLIMIT_AS.rawValue), &r)
            memoryLimit = Int(r.rlim_cur)
            pageSize = Int(sysconf(Int32(_SC_PAGESIZE)))
            memoryMessage = strdup("error: \(MessageText.quoted(file)): the memory limit of \(memoryBytes >> 20) MiB was reached; nothing was written. The file may be hostile (e.g. a compression bomb) or unusually large; try again with a larger --memory-limit (batch: the file is retried on a run with a larger limit).\n")
            for s in [SIGSEGV, SIGBUS, SIGABRT, SIGILL, SIGTRAP] {
                var a = sigaction()
                a.__sigaction_handler.sa_handler = onCrash
                a.sa_flags = Int32(SA_ONSTACK) | Int32(bitPattern: UInt32(SA_RESETHAND))
                sigemptyset(&a.sa_mask)
                sigaction(s, &a, nil)
            }
        }
    }

    /// Raises the CPU-time limit by `ocrPageCPUSeconds` for each of `pages` pages about to be
    /// read by OCR. Called by the extractor (`ReportExtractor.extract(path:password:willOCR:)`)
    /// before it starts OCR; see `allow(_:secondsEach:for:)`.
    static func allowOCR(pages: Int) { allow(pages, secondsEach: ocrPageCPUSeconds, for: "page(s) read by OCR") }

    /// Raises the CPU-time limit by `secondsEach` for each of `count` units of work about to be
    /// done (`what` names them in the message, e.g. "page(s) read by OCR"), all allowances adding
    /// up to `maxAllowanceSeconds` at most (the hard limit stays where `apply` set it, so a later
    /// allowance, such as the rest of an image-only PDF after its first pages, is granted too).
    /// Without a CPU limit the limit is left alone (only the announcement below is made), and a
    /// file that needs no such work keeps the plain limit.
    /// With `announcesAllowances` set, each allowance is also written to standard output as a
    /// `ChildProcess.allowancePrefix` line, so a batch moves this worker's time limit as well.
    static func allow(_ count: Int, secondsEach: UInt64, for what: String) {
        guard count > 0, secondsEach > 0 else { return }
        let (wanted, overflow) = UInt64(count).multipliedReportingOverflow(by: secondsEach)
        let room = maxAllowanceSeconds - min(maxAllowanceSeconds, allowedSeconds)
        let added = overflow ? room : min(room, wanted)
        guard added > 0 else { return }
        allowedSeconds += added
        if announcesAllowances { announce(seconds: added) }
        guard cpuBase > 0 else { return }
        if let i = allowances.firstIndex(where: { $0.what == what && $0.secondsEach == secondsEach }) { allowances[i].count += count }
        else { allowances.append((what, secondsEach, count)) }
        let soft = cpuBase + allowedSeconds
        setCPULimit(soft: soft, hard: cpuBase + maxAllowanceSeconds + UInt64(cpuGraceSeconds))
    }

    /// Writes `opsreport-allowance SECONDS` on standard output, unbuffered (the batch reads it
    /// while this process runs).
    private static func announce(seconds: UInt64) {
        let line = Array((ChildProcess.allowancePrefix + "\(seconds)\n").utf8)
        _ = line.withUnsafeBytes { write(STDOUT_FILENO, $0.baseAddress, $0.count) }
    }

    /// Sets `RLIMIT_CPU` (never above a hard limit the parent set) and the message the SIGXCPU
    /// handler writes, which names the limit in force.
    private static func setCPULimit(soft: UInt64, hard: UInt64) {
        var r = rlimit(rlim_cur: rlim_t(soft), rlim_max: rlim_t(hard))
        var old = rlimit()
        getrlimit(__rlimit_resource_t(RLIMIT_CPU.rawValue), &old)
        if old.rlim_max != rlim_t.max { r.rlim_max = min(r.rlim_max, old.rlim_max); r.rlim_cur = min(r.rlim_cur, r.rlim_max) }
        let note = allowances.isEmpty ? "" : " (\(cpuBase) s + \(allowances.map { "\($0.secondsEach) s for each of \($0.count) \($0.what)" }.joined(separator: " + ")))"
        // The old message stays allocated: the handler may be reading it (a few bytes a call).
        cpuMessage = strdup("error: \(MessageText.quoted(cpuFile)): the CPU-time limit of \(r.rlim_cur) s\(note) was reached; nothing was written. The file may be hostile or unusually large; try again with a larger --cpu-limit (batch: the file is retried on a run with a larger limit).\n")
        setrlimit(__rlimit_resource_t(RLIMIT_CPU.rawValue), &r)
    }

    /// A signal stack of its own, so the crash handler also runs after a stack overflow.
    private static func installAlternateStack() {
        let size = 1 << 16
        guard let mem = malloc(size) else { return }
        var ss = stack_t(ss_sp: mem, ss_flags: 0, ss_size: size)
        sigaltstack(&ss, nil)
    }
}

// State read by the signal handlers (set once before any limit can be hit).
nonisolated(unsafe) private var cpuMessage: UnsafeMutablePointer<CChar>? = nil
nonisolated(unsafe) private var memoryMessage: UnsafeMutablePointer<CChar>? = nil
nonisolated(unsafe) private var memoryLimit = 0
// The CPU limit as given, the file it names, the seconds allowed for work announced so far and
// what they are for.
nonisolated(unsafe) private var cpuBase: UInt64 = 0
nonisolated(unsafe) private var cpuFile = ""
nonisolated(unsafe) private var allowedSeconds: UInt64 = 0
nonisolated(unsafe) private var allowances: [(what: String, secondsEach: UInt64, count: Int)] = []
nonisolated(unsafe) private var pageSize = 4096

/// SIGXCPU: async-signal-safe calls only (write, _exit).
private func onCPULimit(_: Int32) {
    if let m = cpuMessage { _ = write(2, m, strlen(m)) }
    _exit(ResourceLimits.exitStatus)
}

/// A crash signal under a memory limit: the limit (exit `ResourceLimits.exitStatus`) when the
/// failure is an allocation, else the signal is raised again with its default action (the parent
/// sees the crash). Async-signal-safe calls only (open, read, close, write, _exit, raise).
private func onCrash(_ sig: Int32) {
    let e = errno
    var used = 0
    let fd = open("/proc/self/statm", O_RDONLY)
    if fd >= 0 {
        var buf = (UInt64(0), UInt64(0), UInt64(0), UInt64(0))
        let n = withUnsafeMutableBytes(of: &buf) { read(fd, $0.baseAddress, 31) }
        close(fd)
        if n > 0 {
            withUnsafeBytes(of: &buf) { raw in
                for i in 0..<n { let c = raw[i]; if c < 0x30 || c > 0x39 { break }; used = used * 10 + Int(c - 0x30) }
            }
            used *= pageSize
        }
    }
    if e == ENOMEM || Double(used) >= ResourceLimits.memoryNearFraction * Double(memoryLimit) {
        if let m = memoryMessage { _ = write(2, m, strlen(m)) }
        _exit(ResourceLimits.exitStatus)
    }
    raise(sig)  // SA_RESETHAND restored the default action
}
