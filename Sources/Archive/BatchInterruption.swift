import Foundation
import Dispatch
#if canImport(Glibc)
import Glibc
#endif

/// The worker processes of a batch that are running, so that an interrupted batch can end them.
///
/// Once `cancel()` has been called, every running child is killed and a child registered later
/// is killed as soon as it is registered, so no worker outlives the interruption.
public final class ChildProcessGroup: @unchecked Sendable {
    private let lock = NSLock()
    private var running: Set<pid_t> = []
    private var cancelled = false

    public init() {}

    /// `true` once `cancel()` has been called.
    public var isCancelled: Bool { lock.lock(); defer { lock.unlock() }; return cancelled }

    /// Records a started child; kills it at once when the group is already cancelled.
    func add(_ pid: pid_t) {
        lock.lock(); defer { lock.unlock() }
        running.insert(pid)
        if cancelled { kill(pid, SIGKILL) }
    }

    /// Forgets a child that has exited (and been reaped).
    func remove(_ pid: pid_t) {
        lock.lock(); defer { lock.unlock() }
        running.remove(pid)
    }

    /// Marks the group cancelled and kills (SIGKILL) every running child.
    public func cancel() {
        lock.lock(); defer { lock.unlock() }
        cancelled = true
        for pid in running { kill(pid, SIGKILL) }
    }
}

/// SIGINT and SIGTERM handling for `opsreport batch`: the first signal calls a handler (which
/// interrupts the batch, see `BatchRunner.interrupt()`) instead of ending the process; a second
/// one ends the process at once with status 130.
public final class InterruptSignals {
    private var sources: [DispatchSourceSignal] = []

    /// Installs the handlers; they stay until this object is released.
    /// - Parameter onFirst: called once, on a background queue, with the signal number.
    public init(onFirst: @escaping @Sendable (Int32) -> Void) {
        let fired = Flag()
        // A queue of its own (not a global one, whose few threads may all be blocked reading the
        // workers' pipes), so that the handler runs at once.
        let queue = DispatchQueue(label: "opsreport.batch.signals")
        for sig in [SIGINT, SIGTERM] {
            signal(sig, SIG_IGN)
            let src = DispatchSource.makeSignalSource(signal: sig, queue: queue)
            src.setEventHandler {
                if fired.testAndSet() { _exit(130) }
                onFirst(sig)
            }
            src.resume()
            sources.append(src)
        }
    }

    private final class Flag: @unchecked Sendable {
        let lock = NSLock(); var set = false
        /// Sets the flag; returns whether it was already set.
        func testAndSet() -> Bool { lock.lock(); defer { lock.unlock() }; defer { set = true }; return set }
    }

    deinit {
        for s in sources { s.cancel() }
        for sig in [SIGINT, SIGTERM] { signal(sig, SIG_DFL) }
    }
}
