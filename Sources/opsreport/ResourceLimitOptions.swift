import ArgumentParser
import Foundation

/// `--memory-limit` and `--cpu-limit` of a command that reads PDF or JSON input in its own
/// process (`extract`, `reconcile`, `tables`, `text`, `audit`; `batch` has its own per-worker
/// options). Defaults: 1 GiB of address space and 50 s of CPU time, the CPU limit raised for
/// work announced once the input is known (pages read by OCR, pages read from the text layer,
/// reports drawn: `ResourceLimits.allow(_:secondsEach:for:)`). Hitting one ends the process with
/// exit status 20 (`ResourceLimits.exitStatus`) and a one-line message; nothing is written.
struct ResourceLimitOptions: ParsableArguments {
    @Option(help: "Memory (address-space) limit of this process: 1G, 512M, bytes; 0 for none.")
    var memoryLimit: String = "1G"
    @Option(help: "CPU-time limit of this process in seconds (raised for pages read by OCR or from the text layer and for reports drawn); 0 for none.")
    var cpuLimit: UInt64 = ResourceLimits.defaultCPUSeconds
    @Flag(help: .hidden) var announceAllowances = false

    /// `--memory-limit` in bytes (0: none).
    /// - Throws: `ValidationError` when it is not a size such as `1G`, `512M` or a number of bytes.
    func memoryBytes() throws -> UInt64 {
        guard let bytes = ResourceLimits.parseSize(memoryLimit) else {
            throw ValidationError("--memory-limit: give a size such as 1G, 512M or a number of bytes (0: no limit).")
        }
        return bytes
    }

    /// Sets the limits for the rest of this process; `file` names the input in the messages.
    /// Called from `run()` (not `validate()`), so that an unknown option is named first.
    /// With `--announce-allowances` (set by the batch for its workers, not for people), every CPU
    /// allowance is also announced on standard output so that the batch extends the worker's
    /// time limit by as much (`ChildProcess.allowancePrefix`).
    /// - Throws: `ValidationError` for a bad `--memory-limit`.
    func apply(file: String) throws {
        if announceAllowances { ResourceLimits.announcesAllowances = true }
        ResourceLimits.apply(memoryBytes: try memoryBytes(), cpuSeconds: cpuLimit, file: file)
    }
}
