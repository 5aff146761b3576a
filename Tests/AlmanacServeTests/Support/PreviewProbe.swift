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

    /// Waits (long polling, at most 15 s) for the build after `generation`.
    func nextBuild(after generation: Int) async throws -> BuildStatus {
        let deadline = Date().addingTimeInterval(15)
        while Date() < deadline {
            let state = try await status(since: generation)
            if state.generation > generation { return state }
        }
        Issue.record("no rebuild within 15 s")
        return try await status()
    }
}
