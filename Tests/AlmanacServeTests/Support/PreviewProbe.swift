import AlmanacKit
import Foundation
import Testing
@testable import AlmanacServe

/// What the tests of the in-process server share: starting one on a free port
/// of 127.0.0.1, and reading its build state as a page does.
struct BuildStatus: Decodable {
    let generation: Int
    let lastGood: Int
    let ok: Bool
    let diagnostics: [String]
}

extension PreviewServer {
    /// A started server for `site`, its builds run by `builder` (by default the almanac-serve built beside the tests).
    static func started(_ site: TestSite, builder: URL? = nil,
                        configure: (inout Configuration) -> Void = { _ in }) async throws -> PreviewServer {
        var options = Almanac.Options(root: site.root)
        options.jobs = 2
        var configuration = Configuration(build: options)
        if let builder { configuration.builder = builder }
        configuration.port = 0
        configuration.settle = 0.05
        configuration.pollSeconds = 2
        configure(&configuration)
        let server = try PreviewServer(configuration)
        try await server.start()
        #expect(server.port != 0)
        return server
    }

    func status(since: Int = -1) async throws -> BuildStatus {
        let response = try await HTTPProbe.request("/__almanac/status?since=\(since)", port: port)
        #expect(response.header("Content-Type") == "application/json")
        return try JSONDecoder().decode(BuildStatus.self, from: response.body)
    }

    /// Waits (long polling) for a build after `generation` whose state `matches`, passing over
    /// the others: a build can start before an edit is all on disk (creating a folder is a
    /// change before the file written into it is), and one save can cause two builds (an atomic
    /// write renames the file into place and closes it after, and on a loaded machine the two
    /// events can come apart), so "the next build" need not be the one that saw an edit.
    /// Records an issue if none comes within `seconds`: generous, as builds on a loaded
    /// two-core machine take seconds, but short of the suites' time limits.
    func build(after generation: Int, within seconds: Double = 30,
               where matches: (BuildStatus) async throws -> Bool = { _ in true }) async throws -> BuildStatus {
        let deadline = Date().addingTimeInterval(seconds)
        var seen = generation
        while Date() < deadline {
            let state = try await status(since: seen)
            guard state.generation != seen else { continue }
            seen = state.generation
            if try await matches(state) { return state }
        }
        let last = try await status()
        Issue.record("no build after generation \(generation) as expected within \(Int(seconds)) s; the latest: \(last)")
        return last
    }
}
