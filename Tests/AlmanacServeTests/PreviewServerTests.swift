import AlmanacKit
import Foundation
import Testing
@testable import AlmanacServe

/// The preview server in this process, on a free port of 127.0.0.1, fetched
/// over a plain socket, stopped by each test.
@Suite(.timeLimit(.minutes(3)))
struct PreviewServerTests {
    @Test func servesPagesWithTheirTypesAndTheSitesOwn404() async throws {
        let site = TestSite()
        let server = try await PreviewServer.started(site)
        defer { Task { await server.stop() } }

        let home = try await HTTPProbe.request("/", port: server.port)
        #expect(home.status == 200)
        #expect(home.header("Content-Type") == "text/html; charset=utf-8")
        #expect(home.text.contains("Welcome to the preview."))
        #expect(home.text.contains("<script id=\"almanac-serve\">"))
        #expect(home.text.range(of: "<script id=\"almanac-serve\">")!.lowerBound < home.text.range(of: "</body>", options: .backwards)!.lowerBound)

        let css = try await HTTPProbe.request("/assets/style.css", port: server.port)
        #expect(css.status == 200)
        #expect(css.header("Content-Type") == "text/css; charset=utf-8")
        #expect(!css.text.contains("almanac-serve"))
        #expect(try await HTTPProbe.request("/assets/search.js", port: server.port).header("Content-Type") == "text/javascript; charset=utf-8")
        #expect(try await HTTPProbe.request("/notes.txt", port: server.port).header("Content-Type") == "text/plain; charset=utf-8")

        let event = try await HTTPProbe.request("/events/first-meeting.html", port: server.port)
        #expect(event.status == 200)
        #expect(event.text.contains("First meeting"))

        let folder = try await HTTPProbe.request("/actors", port: server.port)
        #expect(folder.status == 301)
        #expect(folder.header("Location") == "/actors/")
        let index = try await HTTPProbe.request("/actors/", port: server.port)
        #expect(index.status == 200)
        #expect(index.text.contains("Ak Orda"))

        let missing = try await HTTPProbe.request("/no/such/page.html", port: server.port)
        #expect(missing.status == 404)
        #expect(missing.text.contains("Page not found"))
        #expect(missing.text.contains("<base href=\"/\">"))

        let head = try await HTTPProbe.request("/", port: server.port, method: "HEAD")
        #expect(head.status == 200)
        #expect(head.body.isEmpty)
        #expect(try await HTTPProbe.request("/", port: server.port, method: "POST").status == 405)

        // Nothing on disk carries the script, and the committed Output/ is never written.
        for (path, data) in files(in: server.folder) {
            #expect(!String(decoding: data, as: UTF8.self).contains("almanac-serve"), "\(path) holds the reload script")
        }
        #expect(!FileManager.default.fileExists(atPath: site.root.appending(path: "Output").path))
        await server.stop()
    }

    @Test(arguments: [
        "/../Content/site.yml", "/..", "/actors/../../Content/site.yml", "/%2e%2e/Content/site.yml",
        "/%2E%2E%2FContent%2Fsite.yml", "/actors/..%2f..%2fContent%2fsite.yml", "/.%2e/.%2e/etc/passwd",
        "/assets%5c..%5c..%5cContent%5csite.yml", "/index.html%00.css",
    ])
    func refusesTraversal(_ target: String) async throws {
        let site = TestSite()
        let server = try await PreviewServer.started(site)
        let response = try await HTTPProbe.request(target, port: server.port)
        await server.stop()
        #expect(response.status == 403)
        #expect(response.text.hasPrefix("forbidden"))
        #expect(!response.text.contains("Preview Test"))
    }

    @Test func rebuildsOnSaveShowsErrorsKeepsTheLastGoodSiteAndRecovers() async throws {
        let site = TestSite()
        let server = try await PreviewServer.started(site)
        defer { Task { await server.stop() } }
        let first = try await server.status()
        #expect(first.ok && first.lastGood == first.generation)
        let port = server.port
        func page(_ path: String) async throws -> HTTPProbe.Response { try await HTTPProbe.request(path, port: port) }

        // An edit shows up in the served page, tagged with the build it comes from.
        site.write("Content/events/first-meeting.md", "---\ntitle: Second meeting\ndate: 2022-03-06\n---\nEdited.\n")
        let edited = try await server.build(after: first.generation) { state in
            state.ok ? try await page("/events/first-meeting.html").text.contains("Second meeting") : false
        }
        #expect(edited.ok)
        let shown = try await page("/events/first-meeting.html")
        let tag = try #require(shown.text.firstMatch(of: /var page = (\d+),/).flatMap { Int($0.1) })
        let latest = try await server.status()
        #expect(edited.lastGood <= tag && tag <= latest.lastGood, "page tagged \(tag), builds \(edited.lastGood)...\(latest.lastGood)")

        // A broken edit: its diagnostics are reported, the last good page stays.
        site.write("Content/events/first-meeting.md", "---\ntitle: Third meeting\ndate: 2022-03-06\n---\nSee [nobody](actor:nobody).\n")
        let broken = try await server.build(after: edited.generation) { !$0.ok }
        #expect(!broken.ok)
        #expect(broken.lastGood >= edited.generation && broken.lastGood < broken.generation)
        #expect(broken.diagnostics.contains { $0.hasPrefix("Content/events/first-meeting.md:5:5: error:") && $0.contains("nobody") })
        let stale = try await page("/events/first-meeting.html")
        #expect(stale.status == 200)
        #expect(stale.text.contains("Second meeting"))

        // Fixed: served again, and pages waiting on the old state learn of the new one.
        site.write("Content/events/first-meeting.md", "---\ntitle: Fourth meeting\ndate: 2022-03-06\n---\nSee [Ak Orda](actor:ak-orda).\n")
        let fixed = try await server.build(after: broken.generation) { $0.ok }
        #expect(fixed.ok && fixed.diagnostics.isEmpty && fixed.lastGood == fixed.generation)
        #expect(try await page("/events/first-meeting.html").text.contains("Fourth meeting"))

        // A new folder is picked up too (the build for the folder alone may come first).
        site.write("Content/pages/about.md", "---\ntitle: About this\n---\nAbout.\n")
        let added = try await server.build(after: fixed.generation) { state in
            state.ok ? try await page("/pages/about.html").status == 200 : false
        }
        #expect(added.ok)
        #expect(try await page("/pages/about.html").text.contains("About this"))
        await server.stop()
    }

    @Test func aSiteThatNeverBuiltShowsItsErrorsUntilFixed() async throws {
        let site = TestSite()
        site.write("Content/site.yml", "description: no title\n")
        let server = try await PreviewServer.started(site)
        defer { Task { await server.stop() } }
        let broken = try await server.status()
        #expect(!broken.ok && broken.lastGood == -1)
        #expect(broken.diagnostics.contains { $0.hasPrefix("Content/site.yml") })
        let page = try await HTTPProbe.request("/", port: server.port)
        #expect(page.status == 503)
        #expect(page.text.contains("almanac-serve"))

        site.write("Content/site.yml", "title: Fixed\n")
        let fixed = try await server.build(after: broken.generation) { $0.ok }
        #expect(fixed.ok)
        #expect(try await HTTPProbe.request("/", port: server.port).status == 200)
        await server.stop()
    }

    @Test func stopRemovesTheTemporaryFolderAndFreesThePort() async throws {
        let site = TestSite()
        let server = try await PreviewServer.started(site)
        let folder = server.folder
        let port = server.port
        #expect(FileManager.default.fileExists(atPath: folder.appending(path: "index.html").path))
        await server.stop()
        #expect(!FileManager.default.fileExists(atPath: folder.deletingLastPathComponent().path))
        await #expect(throws: (any Error).self) { try await HTTPProbe.request("/", port: port, timeout: 2) }
    }

    @Test func removesTheFoldersOfKilledPreviews() async throws {
        let dead = Process()
        dead.executableURL = URL(fileURLWithPath: "/bin/true")
        try dead.run()
        dead.waitUntilExit()
        let abandoned = FileManager.default.temporaryDirectory.appending(path: "almanac-serve-\(dead.processIdentifier)-AbCdEf")
        try FileManager.default.createDirectory(at: abandoned.appending(path: "site"), withIntermediateDirectories: true)
        let site = TestSite()
        let server = try PreviewServer(PreviewServer.Configuration(build: Almanac.Options(root: site.root)))
        #expect(!FileManager.default.fileExists(atPath: abandoned.path))
        #expect(server.folder.deletingLastPathComponent().lastPathComponent.hasPrefix("almanac-serve-\(getpid())-"))
        await server.stop()
    }

    @Test func refusesAHostThatIsNoAddress() async throws {
        let site = TestSite()
        var configuration = PreviewServer.Configuration(build: Almanac.Options(root: site.root))
        configuration.host = "example.org"
        configuration.port = 0
        let server = try PreviewServer(configuration)
        await #expect(throws: PreviewServer.Failure.self) { try await server.start() }
        #expect(!FileManager.default.fileExists(atPath: server.folder.deletingLastPathComponent().path))
    }

    private func files(in folder: URL) -> [(String, Data)] {
        let walker = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)
        var found: [(String, Data)] = []
        while let url = walker?.nextObject() as? URL {
            if let data = try? Data(contentsOf: url) { found.append((url.lastPathComponent, data)) }
        }
        return found
    }
}
