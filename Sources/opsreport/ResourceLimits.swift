import Foundation
import PDFLayout
#if canImport(Glibc)
import Glibc
#endif

/// Memory and CPU-time limits of an `extract` process (also each batch worker), set with
/// `setrlimit(2)`, and the classification of hitting one as exit status `exitStatus` with a
/// one-line message (never a crash report).
///
/// - CPU: `RLIMIT_CPU` soft limit = the limit, hard limit = the limit + `cpuGraceSeconds`. The
///   kernel sends SIGXCPU at the soft limit; the handler writes the message and exits with
///   `exitStatus`. Should the handler not get to run, SIGKILL follows at the hard limit (the
///   batch classifies an unexpected SIGKILL or SIGXCPU as `resource_limit` too).
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
    /// leaves room for them (`maxOCRPages × ocrPageCPUSeconds`) until the allowance is known,
    /// then comes down to the new soft limit + `cpuGraceSeconds`.
    static let maxOCRPages: UInt64 = 100

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
            setCPULimit(soft: cpuSeconds, hard: cpuSeconds + maxOCRPages * ocrPageCPUSeconds + UInt64(cpuGraceSeconds))
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
    /// read by OCR (at most `maxOCRPages` in all), and brings the hard limit down to the new soft
    /// limit + `cpuGraceSeconds`. No-op without a CPU limit. Called by the extractor
    /// (`ReportExtractor.extract(path:password:willOCR:)`) before it starts OCR.
    static func allowOCR(pages: Int) {
        guard cpuBase > 0, pages > 0 else { return }
        ocrPagesAllowed = min(maxOCRPages, ocrPagesAllowed + UInt64(pages))
        let soft = cpuBase + ocrPagesAllowed * ocrPageCPUSeconds
        setCPULimit(soft: soft, hard: soft + UInt64(cpuGraceSeconds))
    }

    /// Sets `RLIMIT_CPU` (never above a hard limit the parent set) and the message the SIGXCPU
    /// handler writes, which names the limit in force.
    private static func setCPULimit(soft: UInt64, hard: UInt64) {
        var r = rlimit(rlim_cur: rlim_t(soft), rlim_max: rlim_t(hard))
        var old = rlimit()
        getrlimit(__rlimit_resource_t(RLIMIT_CPU.rawValue), &old)
        if old.rlim_max != rlim_t.max { r.rlim_max = min(r.rlim_max, old.rlim_max); r.rlim_cur = min(r.rlim_cur, r.rlim_max) }
        let ocrNote = ocrPagesAllowed > 0 ? " (\(cpuBase) s + \(ocrPageCPUSeconds) s for each of \(ocrPagesAllowed) page(s) read by OCR)" : ""
        // The old message stays allocated: the handler may be reading it (a few bytes a call).
        cpuMessage = strdup("error: \(MessageText.quoted(cpuFile)): the CPU-time limit of \(r.rlim_cur) s\(ocrNote) was reached; nothing was written. The file may be hostile or unusually large; try again with a larger --cpu-limit (batch: the file is retried on a run with a larger limit).\n")
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
// The CPU limit as given, the file it names and the OCR pages allowed for so far.
nonisolated(unsafe) private var cpuBase: UInt64 = 0
nonisolated(unsafe) private var cpuFile = ""
nonisolated(unsafe) private var ocrPagesAllowed: UInt64 = 0
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
