import Foundation

/// Runs builds one at a time, each a child process (`BuildProcess`). Changes
/// that arrive close together (an editor's write-and-rename, a `git checkout`)
/// are gathered into one build; changes during a build cause exactly one
/// more after it. A batch of changes that leaves nothing changed (a temporary
/// file created and renamed into place or removed) builds nothing.
///
/// Every build is a full `almanac build` of the site into the served folder;
/// the build cache makes these rebuilds cheap.
final class Rebuilder: @unchecked Sendable {
    private let request: PreviewBuild.Request
    private let process: BuildProcess
    private let state: BuildState
    private let onBuild: @Sendable (PreviewServer.Build) -> Void
    private let settle: Double
    private let queue = DispatchQueue(label: "almanac.serve.build")
    private let lock = NSLock()
    private var pending: [FileWatcher.Change] = []
    private var scheduled = false
    private var stopped = false

    init(request: PreviewBuild.Request, process: BuildProcess, state: BuildState, settle: Double,
         onBuild: @escaping @Sendable (PreviewServer.Build) -> Void) {
        self.request = request
        self.process = process
        self.state = state
        self.settle = settle
        self.onBuild = onBuild
    }

    /// Builds now (the first build, before serving) and returns when it is done.
    func buildNow() async {
        await withCheckedContinuation { continuation in
            queue.async { [self] in
                run(changed: nil)
                continuation.resume()
            }
        }
    }

    /// Schedules a build for these changes.
    func changed(_ changes: [FileWatcher.Change]) {
        let schedule = lock.withLock { () -> Bool in
            pending += changes
            if scheduled { return false }
            scheduled = true
            return true
        }
        guard schedule else { return }
        queue.asyncAfter(deadline: .now() + settle) { [self] in
            let changes = lock.withLock { () -> [FileWatcher.Change] in
                defer { pending = []; scheduled = false }
                return pending
            }
            run(changed: changes)
        }
    }

    /// Builds no more: ends the build under way, if any, and waits for it (when the server stops).
    func stop() async {
        lock.withLock { stopped = true }
        process.terminate()
        await withCheckedContinuation { continuation in queue.async { continuation.resume() } }
    }

    /// Builds; `changed` is nil for the first build.
    private func run(changed changes: [FileWatcher.Change]?) {
        guard !lock.withLock({ stopped }) else { return }
        let changed = changes.map { Self.changedPaths($0, root: request.root) } ?? []
        if changes != nil, changed.isEmpty { return }
        let start = DispatchTime.now().uptimeNanoseconds
        var outcome = process.run(request)
        if outcome.crash != nil, !changed.isEmpty {
            outcome.diagnostics.append("(changed since the build before: \(changed.joined(separator: ", ")))")
        }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        // A build ended because the server is stopping is no news.
        guard !lock.withLock({ stopped }) else { return }
        onBuild(PreviewServer.Build(outcome: outcome, seconds: seconds, changed: changed,
                                    servingLastGood: !outcome.succeeded && state.snapshot.lastGood >= 0))
        state.publish(ok: outcome.succeeded, diagnostics: outcome.diagnostics)
    }

    /// The paths that changed, each once: those that exist first, then those
    /// removed. A path that was created in this batch and is gone already was
    /// a temporary file (renamed into place, or removed): not a change.
    static func changedPaths(_ changes: [FileWatcher.Change], root: URL) -> [String] {
        var paths: [String] = []
        var seen: Set<String> = []
        var createdFirst: Set<String> = []
        for change in changes where seen.insert(change.path).inserted {
            paths.append(change.path)
            if change.created { createdFirst.insert(change.path) }
        }
        let exists = paths.filter { FileManager.default.fileExists(atPath: root.appending(path: $0).path) }
        let existing = Set(exists)
        let removed = paths.filter { !existing.contains($0) && !createdFirst.contains($0) }
        return exists + removed
    }
}
