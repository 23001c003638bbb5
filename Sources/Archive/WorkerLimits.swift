import Foundation

/// The memory, CPU-time and wall-time limits a batch gives its workers, as recorded with a
/// `resource_limit` or `timed_out` failure, so that a later run with a larger limit tries the
/// file again (without `--retry-failed`), while a run with the same limits skips it.
///
/// They are recorded at the end of the failure's message as
/// `[limits: memory 1073741824 bytes, cpu 60 s, timeout 120 s]` (0 = no limit; messages of
/// earlier builds lack the timeout).
struct WorkerLimits: Equatable {
    var memory: UInt64
    var cpu: UInt64
    /// `--timeout` in whole seconds (rounded up); `nil` when not recorded.
    var timeout: UInt64?

    init(_ c: BatchConfiguration) {
        memory = c.memoryLimit; cpu = c.cpuLimit
        timeout = c.timeout.isFinite && c.timeout > 0 ? UInt64(min(c.timeout.rounded(.up), 1e12)) : 0
    }
    init(memory: UInt64, cpu: UInt64, timeout: UInt64? = nil) { self.memory = memory; self.cpu = cpu; self.timeout = timeout }

    /// The machine-readable tag appended to a `resource_limit` or `timed_out` message.
    var tag: String { "[limits: memory \(memory) bytes, cpu \(cpu) s, timeout \(timeout ?? 0) s]" }

    /// The sentence and the tag appended to a `resource_limit` message.
    var note: String {
        "It is retried by a run with a larger --memory-limit or --cpu-limit, or with --retry-failed. " + tag
    }

    /// The sentence and the tag appended to a `timed_out` message.
    var timeoutNote: String {
        "It is retried by a run with a larger --timeout, or with --retry-failed. " + tag
    }

    /// The limits recorded at the end of `message`, or `nil`.
    static func recorded(in message: String?) -> WorkerLimits? {
        guard let m = message, let r = m.range(of: "[limits: memory ", options: .backwards) else { return nil }
        let parts = m[r.upperBound...].split(whereSeparator: { " ,]".contains($0) })
        guard parts.count >= 5, let mem = UInt64(parts[0]), parts[2] == "cpu", let cpu = UInt64(parts[3]) else { return nil }
        let timeout = parts.count >= 7 && parts[5] == "timeout" ? UInt64(parts[6]) : nil
        return WorkerLimits(memory: mem, cpu: cpu, timeout: timeout)
    }

    /// `true` when these limits are larger than the ones recorded in `message`: for
    /// `resource_limit` in memory or CPU time, for `timed_out` in wall time (0, no limit, counts
    /// as the largest). A `timed_out` record of an earlier build (no timeout recorded) is retried.
    func exceed(recordedIn message: String?, reason: FailureReason) -> Bool {
        func larger(_ a: UInt64, _ b: UInt64) -> Bool { (a == 0 && b != 0) || (b != 0 && a > b) }
        switch reason {
        case .resourceLimit:
            guard let old = Self.recorded(in: message) else { return false }
            return larger(memory, old.memory) || larger(cpu, old.cpu)
        case .timedOut:
            guard let oldTimeout = Self.recorded(in: message)?.timeout else { return true }
            return larger(timeout ?? 0, oldTimeout)
        default:
            return false
        }
    }
}
