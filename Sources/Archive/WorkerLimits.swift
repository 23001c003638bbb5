import Foundation

/// The memory and CPU-time limits a batch gives its workers, as recorded with a
/// `resource_limit` failure, so that a later run with a larger limit tries the file again
/// (without `--retry-failed`), while a run with the same limits skips it.
///
/// They are recorded at the end of the failure's message as
/// `[limits: memory 1073741824 bytes, cpu 60 s]` (0 = no limit).
struct WorkerLimits: Equatable {
    var memory: UInt64
    var cpu: UInt64

    init(_ c: BatchConfiguration) { memory = c.memoryLimit; cpu = c.cpuLimit }
    init(memory: UInt64, cpu: UInt64) { self.memory = memory; self.cpu = cpu }

    /// The sentence and the machine-readable tag appended to a `resource_limit` message.
    var note: String {
        "It is retried by a run with a larger --memory-limit or --cpu-limit, or with --retry-failed. [limits: memory \(memory) bytes, cpu \(cpu) s]"
    }

    /// The limits recorded at the end of `message`, or `nil`.
    static func recorded(in message: String?) -> WorkerLimits? {
        guard let m = message, let r = m.range(of: "[limits: memory ", options: .backwards) else { return nil }
        let parts = m[r.upperBound...].split(whereSeparator: { " ,]".contains($0) })
        guard parts.count >= 5, let mem = UInt64(parts[0]), parts[2] == "cpu", let cpu = UInt64(parts[3]) else { return nil }
        return WorkerLimits(memory: mem, cpu: cpu)
    }

    /// `true` when `reason` is `resource_limit` and these limits are larger than the recorded ones
    /// in either resource (0, no limit, counts as the largest).
    func exceed(recordedIn message: String?, reason: FailureReason) -> Bool {
        guard reason == .resourceLimit, let old = Self.recorded(in: message) else { return false }
        func larger(_ a: UInt64, _ b: UInt64) -> Bool { (a == 0 && b != 0) || (b != 0 && a > b) }
        return larger(memory, old.memory) || larger(cpu, old.cpu)
    }
}
