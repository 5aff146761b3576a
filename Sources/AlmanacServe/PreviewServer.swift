import AlmanacKit
import Foundation
import HummingbirdCore
import Logging
import NIOCore
import NIOPosix

/// `almanac serve`: builds the site into a folder of its own, serves it over
/// HTTP (HummingbirdCore on SwiftNIO), rebuilds when `Content/` or `Templates/`
/// change, and reloads open pages. A failed or crashed build keeps the last
/// good site served and shows its problems over the page.
///
/// `start` and `stop` are meant to be called one after the other by one owner;
/// the parts that run concurrently (builds, the watcher, requests) share only
/// `BuildState` and the served folder, both safe for that.
public final class PreviewServer: @unchecked Sendable {
    public struct Configuration: Sendable {
        /// Root, drafts and jobs of every build. `build.output` is ignored (see
        /// `output`), and so is `build.progress` (see `buildOutput`): builds run in
        /// a process of their own.
        public var build: Almanac.Options
        /// The program that runs each build (see `PreviewBuild`): by default
        /// `almanac-serve` beside the running program.
        public var builder: URL = PreviewServer.defaultBuilder
        /// Where to build and serve from. nil: a new temporary folder, removed on stop,
        /// so `ROOT/Output` (the committed site) is never touched by previews.
        public var output: URL?
        /// Where the builds' stage lines and diagnostics go.
        public var buildOutput = BuildOutput.none
        public var host = "127.0.0.1"
        /// 0 picks a free port (see `port` after `start`).
        public var port: UInt16 = 8000
        /// How long to wait after a change for more before building.
        public var settle = 0.1
        /// How long a page's status request waits for a build before answering anyway.
        public var pollSeconds = 10.0
        /// Called after every build (on the build thread).
        public var onBuild: (@Sendable (Build) -> Void)?

        public init(build: Almanac.Options, output: URL? = nil) {
            self.build = build
            self.output = output
        }
    }

    /// `almanac-serve` in the folder of the running program (which is
    /// `almanac-serve` itself, or the tests beside it).
    public static var defaultBuilder: URL {
        let program = (Bundle.main.executableURL ?? URL(fileURLWithPath: CommandLine.arguments[0])).resolvingSymlinksInPath()
        return program.deletingLastPathComponent().appending(path: "almanac-serve")
    }

    public enum BuildOutput: Sendable {
        /// Nowhere (tests).
        case none
        /// Diagnostics only (`--quiet`).
        case errors
        /// Stage lines and diagnostics.
        case all
    }

    /// A finished build: what it did, how long it took, and the changes that caused it
    /// (none for the first build).
    public struct Build: Sendable {
        public let outcome: PreviewBuild.Outcome
        public let seconds: Double
        public let changed: [String]
        /// After a failed build: an earlier build worked and its site is still served.
        public let servingLastGood: Bool
    }

    public let configuration: Configuration
    /// The folder the site is built into and served from.
    public let folder: URL
    /// The port listened on, known once `start` returned.
    public private(set) var port: UInt16 = 0
    /// The address to open: `http://HOST:PORT/`.
    public var url: String {
        let host = configuration.host.contains(":") ? "[\(configuration.host)]" : configuration.host
        return "http://\(host):\(port)/"
    }

    /// This server's own folder: the build's report, and the site unless `--output`.
    private let temporary: URL
    private let state = BuildState()
    private let builds: BuildProcess
    private let rebuilder: Rebuilder
    private var watcher: FileWatcher?
    private var serverTask: Task<Void, Never>?

    public init(_ configuration: Configuration) throws(Failure) {
        self.configuration = configuration
        Self.removeAbandonedFolders()
        let template = FileManager.default.temporaryDirectory.appending(path: "almanac-serve-\(getpid())-XXXXXX").path
        var bytes = Array(template.utf8CString)
        guard let made = mkdtemp(&bytes) else { throw .cannotCreate(template, String(cString: strerror(errno))) }
        temporary = URL(fileURLWithPath: String(cString: made))
        folder = configuration.output?.standardizedFileURL ?? temporary.appending(path: "site")
        var request = PreviewBuild.Request(root: configuration.build.root, output: folder, report: temporary.appending(path: "build.json"))
        request.drafts = configuration.build.includeDrafts
        request.jobs = configuration.build.jobs
        builds = BuildProcess(builder: configuration.builder, output: configuration.buildOutput)
        rebuilder = Rebuilder(request: request, process: builds, state: state, settle: configuration.settle,
                              onBuild: configuration.onBuild ?? { _ in })
    }

    /// Listens, builds the site, starts watching. Returns once pages can be fetched;
    /// on failure everything started is stopped again and the temporary folder removed.
    public func start() async throws(Failure) {
        do throws(Failure) {
            try await listen()
            await rebuilder.buildNow()
            try watch()
        } catch {
            await stop()
            throw error
        }
    }

    /// Stops serving and watching, ends a build under way, and removes the
    /// temporary folder.
    public func stop() async {
        watcher?.stop()
        watcher = nil
        state.releaseAll()
        serverTask?.cancel()
        await serverTask?.value
        serverTask = nil
        await rebuilder.stop()
        try? FileManager.default.removeItem(at: temporary)
    }

    /// What `stop` must not leave behind, done at once from any thread: for
    /// when an orderly stop takes too long.
    public func abandon() {
        builds.terminate()
        try? FileManager.default.removeItem(at: temporary)
    }

    private func watch() throws(Failure) {
        do {
            let watcher = try FileWatcher(root: configuration.build.root, folders: ["Content", "Templates"]) { [rebuilder] changes in
                rebuilder.changed(changes)
            }
            watcher.start()
            self.watcher = watcher
        } catch {
            throw .cannotWatch(error.description)
        }
    }

    private func listen() async throws(Failure) {
        let host = configuration.host == "localhost" ? "127.0.0.1" : configuration.host
        guard (try? SocketAddress(ipAddress: host, port: 0)) != nil else { throw .badHost(configuration.host) }
        let handler = SiteHandler(folder: folder, state: state, hosts: HostNames(listeningOn: configuration.host),
                                  pollSeconds: configuration.pollSeconds)
        let (started, reportStarted) = AsyncStream.makeStream(of: Result<Int, any Error>.self)
        let server = Server(
            childChannelSetup: PreviewConnection(site: handler),
            configuration: ServerConfiguration(address: .hostname(host, port: Int(configuration.port))),
            onServerRunning: { channel in reportStarted.yield(.success(channel.localAddress?.port ?? 0)) },
            eventLoopGroup: MultiThreadedEventLoopGroup.singleton,
            logger: Logger(label: "almanac-serve") { _ in SwiftLogNoOpLogHandler() }
        )
        serverTask = Task {
            do {
                try await server.run()
                reportStarted.yield(.failure(CancellationError()))
            } catch {
                reportStarted.yield(.failure(error))
            }
        }
        var first: Result<Int, any Error> = .failure(CancellationError())
        for await result in started {
            first = result
            break
        }
        switch first {
        case .success(let port): self.port = UInt16(port)
        case .failure(let error): throw Failure.listening(configuration.host, configuration.port, error)
        }
    }

    /// Temporary folders of previews that were killed (their process is gone).
    private static func removeAbandonedFolders() {
        let temporary = FileManager.default.temporaryDirectory
        let names = (try? FileManager.default.contentsOfDirectory(atPath: temporary.path)) ?? []
        for name in names where name.hasPrefix("almanac-serve-") {
            let parts = name.split(separator: "-")
            guard parts.count == 4, let pid = Int32(parts[2]), pid != getpid(), kill(pid, 0) != 0, errno == ESRCH else { continue }
            try? FileManager.default.removeItem(at: temporary.appending(path: name))
        }
    }
}
