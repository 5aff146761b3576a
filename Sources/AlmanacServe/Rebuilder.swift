import AlmanacKit
import Foundation

/// Runs builds one at a time on their own thread. Changes that arrive close
/// together (an editor's write-and-rename, a `git checkout`) are gathered into
/// one build; changes during a build cause exactly one more after it.
///
/// Every build is a full `Almanac.build` into the served folder; when the
/// build cache exists it makes these rebuilds cheap without a change here.
final class Rebuilder: @unchecked Sendable {
    private let options: Almanac.Options
    private let state: BuildState
    private let onBuild: @Sendable (PreviewServer.Build) -> Void
    private let settle: Double
    private let queue = DispatchQueue(label: "almanac.serve.build")
    private let lock = NSLock()
    private var pending: [String] = []
    private var scheduled = false
    private var stopped = false

    init(options: Almanac.Options, state: BuildState, settle: Double, onBuild: @escaping @Sendable (PreviewServer.Build) -> Void) {
        self.options = options
        self.state = state
        self.settle = settle
        self.onBuild = onBuild
    }

    /// Builds now (the first build, before serving) and returns when it is done.
    func buildNow() async {
        await withCheckedContinuation { continuation in
            queue.async { [self] in
                run(changed: [])
                continuation.resume()
            }
        }
    }

    /// Schedules a build for these changed paths.
    func changed(_ paths: [String]) {
        let schedule = lock.withLock { () -> Bool in
            pending += paths
            if scheduled { return false }
            scheduled = true
            return true
        }
        guard schedule else { return }
        queue.asyncAfter(deadline: .now() + settle) { [self] in
            let paths = lock.withLock { () -> [String] in
                defer { pending = []; scheduled = false }
                return pending
            }
            run(changed: paths)
        }
    }

    /// Builds no more, and waits for the build under way, if any (when the server stops).
    func stop() async {
        lock.withLock { stopped = true }
        await withCheckedContinuation { continuation in queue.async { continuation.resume() } }
    }

    private func run(changed: [String]) {
        guard !lock.withLock({ stopped }) else { return }
        let start = DispatchTime.now().uptimeNanoseconds
        let report = Almanac.build(options)
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        // Files that exist first: an editor's or sed's temporary files are gone by now.
        var unique: [String] = []
        for path in changed where !unique.contains(path) { unique.append(path) }
        let exists = unique.filter { FileManager.default.fileExists(atPath: options.root.appending(path: $0).path) }
        unique = exists + unique.filter { !exists.contains($0) }
        onBuild(PreviewServer.Build(report: report, seconds: seconds, changed: unique,
                                    servingLastGood: !report.succeeded && state.snapshot.lastGood >= 0))
        state.publish(ok: report.succeeded, diagnostics: report.diagnostics.map(\.description))
    }
}
