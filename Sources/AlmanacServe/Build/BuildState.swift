import Foundation

/// What the browser needs to know about the builds so far: a counter that
/// moves on every build, whether the latest one worked, and its problems.
/// Pages ask for it by long polling (`/__almanac/status?since=N`).
final class BuildState: @unchecked Sendable {
    struct Snapshot: Sendable, Codable, Equatable {
        /// Moves on with every build, good or bad; 0 before the first.
        var generation = 0
        /// The generation the served site comes from; -1 while there is none.
        var lastGood = -1
        /// The latest build had no errors.
        var ok = false
        /// The latest build's problems, as `PATH:LINE:COLUMN: error: MESSAGE` lines.
        var diagnostics: [String] = []
    }

    private let lock = NSLock()
    private var current = Snapshot()
    private var waiters: [UUID: CheckedContinuation<Snapshot, Never>] = [:]

    var snapshot: Snapshot { lock.withLock { current } }

    /// Records a finished build and wakes every page waiting for one.
    func publish(ok: Bool, diagnostics: [String]) {
        let (snapshot, woken) = lock.withLock {
            current.generation += 1
            current.ok = ok
            current.diagnostics = diagnostics
            if ok { current.lastGood = current.generation }
            let woken = Array(waiters.values)
            waiters = [:]
            return (current, woken)
        }
        for waiter in woken { waiter.resume(returning: snapshot) }
    }

    /// The state as soon as its generation differs from `since`, or after
    /// `timeout` seconds whatever it is, or at once when the task is cancelled.
    func wait(since: Int, timeout: Double) async -> Snapshot {
        let id = UUID()
        return await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                let ready: Snapshot? = lock.withLock {
                    if current.generation != since || Task.isCancelled { return current }
                    waiters[id] = continuation
                    return nil
                }
                if let ready { continuation.resume(returning: ready); return }
                DispatchQueue.global().asyncAfter(deadline: .now() + timeout) { self.release(id) }
            }
        } onCancel: {
            release(id)
        }
    }

    /// Answers every waiting page now (when the server stops).
    func releaseAll() {
        let (snapshot, woken) = lock.withLock {
            let woken = Array(waiters.values)
            waiters = [:]
            return (current, woken)
        }
        for waiter in woken { waiter.resume(returning: snapshot) }
    }

    private func release(_ id: UUID) {
        let (snapshot, waiter) = lock.withLock { (current, waiters.removeValue(forKey: id)) }
        waiter?.resume(returning: snapshot)
    }
}
