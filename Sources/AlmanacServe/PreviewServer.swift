import AlmanacKit
import FlyingFox
import FlyingSocks
import Foundation
import Synchronization

/// `almanac serve`: builds the site into a folder of its own, serves it over
/// HTTP (FlyingFox), rebuilds when `Content/` or `Templates/` change, and
/// reloads open pages. A failed build keeps the last good site served and
/// shows its problems over the page.
///
/// `start` and `stop` are meant to be called one after the other by one owner;
/// the parts that run concurrently (builds, the watcher, requests) share only
/// `BuildState` and the served folder, both safe for that.
public final class PreviewServer: @unchecked Sendable {
    public struct Configuration: Sendable {
        /// Root, drafts, jobs and progress of every build. `build.output` is
        /// ignored: see `output`.
        public var build: Almanac.Options
        /// Where to build and serve from. nil: a new temporary folder, removed on stop,
        /// so `ROOT/Output` (the committed site) is never touched by previews.
        public var output: URL?
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

    /// A finished build: its report, how long it took, and the changes that caused it
    /// (none for the first build).
    public struct Build: Sendable {
        public let report: Almanac.Report
        public let seconds: Double
        public let changed: [String]
        /// After a failed build: an earlier build worked and its site is still served.
        public let servingLastGood: Bool
    }

    public enum Failure: Error, CustomStringConvertible {
        case badHost(String)
        case cannotListen(String, UInt16, String)
        case cannotCreate(String, String)
        case cannotWatch(String)

        public var description: String {
            switch self {
            case .badHost(let host): "--host \(host) is not an IPv4 or IPv6 address (or localhost)"
            case .cannotListen(let host, let port, let reason): "cannot listen on \(host):\(port): \(reason)"
            case .cannotCreate(let path, let reason): "cannot create \(path): \(reason)"
            case .cannotWatch(let reason): reason
            }
        }
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

    private let temporary: URL?
    private let state = BuildState()
    private let rebuilder: Rebuilder
    private var watcher: FileWatcher?
    private var server: HTTPServer?
    private var serverTask: Task<Void, Error>?

    public init(_ configuration: Configuration) throws(Failure) {
        self.configuration = configuration
        if let output = configuration.output {
            folder = output.standardizedFileURL
            temporary = nil
        } else {
            Self.removeAbandonedFolders()
            let template = FileManager.default.temporaryDirectory.appending(path: "almanac-serve-\(getpid())-XXXXXX").path
            var bytes = Array(template.utf8CString)
            guard let made = mkdtemp(&bytes) else { throw .cannotCreate(template, String(cString: strerror(errno))) }
            temporary = URL(fileURLWithPath: String(cString: made))
            folder = temporary!.appending(path: "site")
        }
        var options = configuration.build
        options.output = folder
        rebuilder = Rebuilder(options: options, state: state, settle: configuration.settle,
                              onBuild: configuration.onBuild ?? { _ in })
    }

    /// Builds the site, starts watching and listening. Returns once pages can be fetched;
    /// on failure everything started is stopped again and the temporary folder removed.
    public func start() async throws(Failure) {
        do throws(Failure) {
            try await startServing()
        } catch {
            await stop()
            throw error
        }
    }

    private func startServing() async throws(Failure) {
        let address = try Self.address(configuration.host, port: configuration.port)
        await rebuilder.buildNow()
        do {
            let watcher = try FileWatcher(root: configuration.build.root, folders: ["Content", "Templates"]) { [rebuilder] paths in
                rebuilder.changed(paths)
            }
            watcher.start()
            self.watcher = watcher
        } catch {
            throw .cannotWatch(error.description)
        }
        let handler = SiteHandler(folder: folder, state: state, pollSeconds: configuration.pollSeconds)
        let server = HTTPServer(address: address, timeout: configuration.pollSeconds + 20, logger: .disabled, handler: handler)
        self.server = server
        let ended = Mutex<String?>(nil)
        serverTask = Task {
            do { try await server.run() } catch { ended.withLock { $0 = "\(error)" }; throw error }
            ended.withLock { $0 = "the server stopped" }
        }
        // Listening, or the reason it could not.
        for _ in 0..<500 {
            if await server.isListening { break }
            if let failure = ended.withLock({ $0 }) {
                throw .cannotListen(configuration.host, configuration.port, failure)
            }
            try? await Task.sleep(for: .milliseconds(10))
        }
        guard await server.isListening, let bound = await server.listeningAddress else {
            throw .cannotListen(configuration.host, configuration.port, "the server did not start")
        }
        switch bound {
        case .ip4(_, let port), .ip6(_, let port): self.port = port
        default: break
        }
    }

    /// Stops serving and watching, waits for a build under way, and removes the
    /// temporary folder.
    public func stop() async {
        watcher?.stop()
        watcher = nil
        state.releaseAll()
        if let server { await server.stop(timeout: 0.1) }
        serverTask?.cancel()
        _ = await serverTask?.result
        server = nil
        serverTask = nil
        await rebuilder.stop()
        if let temporary { try? FileManager.default.removeItem(at: temporary) }
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

    static func address(_ host: String, port: UInt16) throws(Failure) -> any SocketAddress {
        do {
            if host == "localhost" { return try sockaddr_in.inet(ip4: "127.0.0.1", port: port) }
            if host.contains(":") { return try sockaddr_in6.inet6(ip6: host, port: port) }
            return try sockaddr_in.inet(ip4: host, port: port)
        } catch {
            throw .badHost(host)
        }
    }
}
