import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// What a batch run has used so far (`getrusage(2)` of the batch process and of its finished
/// workers): peak resident memory and CPU time.
public struct BatchResources: Sendable, Equatable, CustomStringConvertible {
    /// Peak resident set size of the batch process itself, bytes.
    public var parentPeakBytes: Int
    /// Peak resident set size of the largest finished worker, bytes (0 when none ran).
    public var workerPeakBytes: Int
    /// CPU seconds (user + system) of the batch process.
    public var parentCPUSeconds: Double
    /// CPU seconds (user + system) of all finished workers together.
    public var workersCPUSeconds: Double

    /// The figures now.
    public static func now() -> BatchResources {
        func usage(_ who: Int32) -> rusage { var u = rusage(); getrusage(__rusage_who_t(who), &u); return u }
        func seconds(_ u: rusage) -> Double {
            Double(u.ru_utime.tv_sec) + Double(u.ru_utime.tv_usec) / 1e6 + Double(u.ru_stime.tv_sec) + Double(u.ru_stime.tv_usec) / 1e6
        }
        let me = usage(RUSAGE_SELF.rawValue), children = usage(RUSAGE_CHILDREN.rawValue)
        // Linux gives ru_maxrss in KiB.
        return BatchResources(parentPeakBytes: Int(me.ru_maxrss) * 1024, workerPeakBytes: Int(children.ru_maxrss) * 1024,
                              parentCPUSeconds: seconds(me), workersCPUSeconds: seconds(children))
    }

    /// `resources: parent peak RSS 45.1 MiB, largest worker peak RSS 38.2 MiB, CPU parent 1.20 s, workers 95.31 s`.
    public var description: String {
        func mib(_ b: Int) -> String { String(format: "%.1f MiB", Double(b) / 1_048_576) }
        return "resources: parent peak RSS \(mib(parentPeakBytes)), largest worker peak RSS \(mib(workerPeakBytes)), "
            + String(format: "CPU parent %.2f s, workers %.2f s", parentCPUSeconds, workersCPUSeconds)
    }
}
