import Foundation
import Testing
@testable import AlmanacServe

/// Editors' and `sed -i`'s temporary files are not changes: only the file
/// they become, when renamed into place, is.
@Suite(.timeLimit(.minutes(3)))
struct ScratchFileTests {
    @Test(arguments: [".first-meeting.md.swp", ".first-meeting.md.swx", "first-meeting.md~", "4913", ".#first-meeting.md",
                      "#first-meeting.md#", "sedAbC123", "sed0x9ZyQ", "first-meeting.md.tmp", "x.TMP", "first-meeting.md___jb_tmp___"])
    func scratchNames(_ name: String) {
        #expect(FileWatcher.isScratch(name))
    }

    @Test(arguments: ["first-meeting.md", "sed.md", "sedation.md", "tmp.md", "index.md", "site.yml", "4913.md", "logo.png"])
    func realNames(_ name: String) {
        #expect(!FileWatcher.isScratch(name))
    }

    @Test func aFileCreatedAndGoneWithinOneBatchIsNoChange() throws {
        let site = TestSite()
        let changes: [FileWatcher.Change] = [
            .init(path: "Content/events/x.md.12345.partial", created: true),
            .init(path: "Content/events/x.md.12345.partial", created: false),
            .init(path: "Content/events/first-meeting.md", created: true),
            .init(path: "Content/events/gone.md", created: false),
        ]
        #expect(Rebuilder.changedPaths(changes, root: site.root) == ["Content/events/first-meeting.md", "Content/events/gone.md"])
    }

    @Test func scratchFilesAloneBuildNothing() async throws {
        let site = TestSite()
        let changes = ChangeLog()
        let server = try await PreviewServer.started(site) { configuration in
            configuration.onBuild = { build in changes.append(build.changed) }
        }
        let first = try await server.status()
        for name in [".first-meeting.md.swp", "first-meeting.md~", "4913", "sedAbC123", "notes.tmp"] {
            site.write("Content/events/\(name)", "scratch\n")
        }
        // A status request waits for a build for up to pollSeconds (2 s): none comes.
        let after = try await server.status(since: first.generation)
        #expect(after.generation == first.generation)
        // On a slow machine a build could come later: after a real edit, every build so far
        // is for that edit alone (the scratch files' events came first, so a build for them
        // would be among these, or hold them in its changes).
        site.write("Content/index.md", "Edited.\n")
        _ = try await server.build(after: first.generation) { $0.ok }
        #expect(!changes.all.dropFirst().isEmpty)
        #expect(changes.all.dropFirst().allSatisfy { $0 == ["Content/index.md"] }, "builds: \(changes.all)")
        await server.stop()
    }

    @Test func sedInPlaceIsOneChangeOfTheFileItEdits() async throws {
        let site = TestSite()
        let changes = ChangeLog()
        let server = try await PreviewServer.started(site) { configuration in
            configuration.onBuild = { build in changes.append(build.changed) }
        }
        let first = try await server.status()
        // What `sed -i` does: write a temporary file beside the original, rename it over the original.
        let folder = site.root.appending(path: "Content/events")
        let temporary = folder.appending(path: "sedQ7rT2k")
        try Data("---\ntitle: Renamed into place\ndate: 2022-03-06\n---\nEdited.\n".utf8).write(to: temporary)
        try await Task.sleep(for: .milliseconds(300))
        #expect(rename(temporary.path, folder.appending(path: "first-meeting.md").path) == 0)
        let built = try await server.build(after: first.generation)
        #expect(built.ok)
        #expect(try await HTTPProbe.request("/events/first-meeting.html", port: server.port).text.contains("Renamed into place"))
        #expect(changes.all.dropFirst().flatMap { $0 } == ["Content/events/first-meeting.md"])
        await server.stop()
    }
}

/// The `changed` lists of the builds so far.
final class ChangeLog: @unchecked Sendable {
    private let lock = NSLock()
    private var builds: [[String]] = []
    var all: [[String]] { lock.withLock { builds } }
    func append(_ changed: [String]) { lock.withLock { builds.append(changed) } }
}
