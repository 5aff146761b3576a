import AlmanacKit
import Foundation
import Testing
@testable import AlmanacServe

/// A build that crashes ends its own process, not the server: the last good
/// site stays served, the crash is shown, and the next good build is served.
@Suite(.timeLimit(.minutes(3)))
struct CrashedBuildTests {
    /// A builder that dies of a segmentation fault, as a stack overflow does, while
    /// `Content/static/crash.txt` exists, and otherwise runs the real one.
    private func crashingBuilder(for site: TestSite) throws -> URL {
        let script = site.root.deletingLastPathComponent().appending(path: "builder-\(UUID().uuidString).sh")
        let text = """
            #!/bin/sh
            if [ -e '\(site.root.path)/Content/static/crash.txt' ]; then
                echo 'Fatal error: a simulated crash in the build' >&2
                kill -SEGV $$
            fi
            exec '\(ServeProcess.program("almanac-serve").path)' "$@"

            """
        try Data(text.utf8).write(to: script)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: script.path)
        return script
    }

    @Test func aCrashedBuildKeepsTheLastGoodSiteAndShowsTheCrash() async throws {
        let site = TestSite()
        let builder = try crashingBuilder(for: site)
        defer { try? FileManager.default.removeItem(at: builder) }
        let server = try await PreviewServer.started(site, builder: builder)
        let first = try await server.status()
        #expect(first.ok)

        site.write("Content/index.md", "Edited before the crash.\n")
        site.write("Content/static/crash.txt", "crash\n")
        let crashed = try await server.build(after: first.generation) { !$0.ok }
        #expect(crashed.lastGood >= first.generation)
        #expect(crashed.diagnostics.first?.contains("the build crashed (killed by signal 11") == true)
        #expect(crashed.diagnostics.contains("Fatal error: a simulated crash in the build"))

        // Still serving, the overlay script included, and the last good pages.
        let page = try await HTTPProbe.request("/", port: server.port)
        #expect(page.status == 200)
        #expect(page.text.contains("<script id=\"almanac-serve\">"))
        #expect(try await HTTPProbe.request("/events/first-meeting.html", port: server.port).status == 200)

        try FileManager.default.removeItem(at: site.root.appending(path: "Content/static/crash.txt"))
        let fixed = try await server.build(after: crashed.generation) { $0.ok }
        #expect(fixed.ok && fixed.lastGood == fixed.generation)
        #expect(try await HTTPProbe.request("/", port: server.port).text.contains("Edited before the crash."))
        await server.stop()
    }

    /// A theme whose partial includes itself: whether the build reports it or
    /// overflows its stack, the server survives and says so.
    @Test func aThemeThatRecursesDoesNotTakeTheServerDown() async throws {
        let site = TestSite()
        let server = try await PreviewServer.started(site)
        let first = try await server.status()
        // Creating Templates/partials/ is a change of its own: a build may run before the
        // partial is written, and find nothing wrong.
        site.write("Templates/partials/overview.mustache", "{{>partials/overview}}\n")
        let broken = try await server.build(after: first.generation) { !$0.ok }
        #expect(!broken.ok)
        #expect(broken.lastGood >= first.generation && broken.lastGood < broken.generation)
        #expect(!broken.diagnostics.isEmpty)
        #expect(try await HTTPProbe.request("/actors/ak-orda.html", port: server.port).status == 200)
        try FileManager.default.removeItem(at: site.root.appending(path: "Templates"))
        let fixed = try await server.build(after: broken.generation) { $0.ok }
        #expect(fixed.ok)
        await server.stop()
    }

    @Test func aBuilderThatCannotRunIsReported() async throws {
        let site = TestSite()
        var configuration = PreviewServer.Configuration(build: Almanac.Options(root: site.root))
        configuration.builder = URL(fileURLWithPath: "/nonexistent/almanac-serve")
        configuration.port = 0
        let server = try PreviewServer(configuration)
        try await server.start()
        let state = try await server.status()
        #expect(!state.ok && state.lastGood == -1)
        #expect(state.diagnostics.first?.contains("cannot run /nonexistent/almanac-serve") == true)
        #expect(try await HTTPProbe.request("/", port: server.port).status == 503)
        await server.stop()
    }
}
