import Foundation
import Testing
@testable import AlmanacKit

/// Nothing outside the site's root is read or written, and the output folder
/// is either the previous one or the new one, whole, whatever happens.
@Suite struct FileSystemSafetyTests {
    let good = "---\ntitle: Good\nkind: person\n---\nHello.\n"

    func messages(_ report: Almanac.Report) -> [String] { report.diagnostics.map(\.description) }

    func link(_ path: String, to target: String, in folder: TemporaryFolder) {
        try! FileManager.default.createSymbolicLink(atPath: folder.url.appending(path: path).path, withDestinationPath: target)
    }

    @Test func linksOutOfTheRootAreRefusedNotFollowed() {
        let outside = TemporaryFolder()
        outside.write("secret.md", "---\ntitle: Secret\nkind: person\n---\n")
        outside.write("folder/secret.txt", "secret")
        let scratch = TemporaryFolder()
        let root = makeSite(["Content/actors/good.md": good, "Content/static/map.txt": "map"], in: scratch)
        link("Content/actors/secret.md", to: outside.url.appending(path: "secret.md").path, in: scratch)
        link("Content/static/folder", to: outside.url.appending(path: "folder").path, in: scratch)
        link("Content/static/secret.txt", to: "../../../" + outside.url.lastPathComponent + "/folder/secret.txt", in: scratch)
        let report = build(root)
        let real = realPath(outside.url)!
        #expect(messages(report) == [
            "Content/actors/secret.md: error: symbolic link to \(real)/secret.md, outside the site's root; not followed",
            "Content/static/folder: error: symbolic link to \(real)/folder, outside the site's root; not followed",
            "Content/static/secret.txt: error: symbolic link to \(real)/folder/secret.txt, outside the site's root; not followed",
        ])
        #expect(!FileManager.default.fileExists(atPath: root.appending(path: "Output").path))
    }

    @Test func contentAndTemplatesThatAreLinksOutOfTheRootAreRefused() {
        let outside = TemporaryFolder()
        let elsewhere = makeSite(["Content/actors/good.md": good, "Templates/extra.css": "x"], in: outside)
        let scratch = TemporaryFolder()
        link("Content", to: elsewhere.appending(path: "Content").path, in: scratch)
        link("Templates", to: elsewhere.appending(path: "Templates").path, in: scratch)
        let real = realPath(elsewhere)!
        #expect(messages(build(scratch.url)) == [
            "Content: error: symbolic link to \(real)/Content, outside the site's root; not followed",
            "Templates: error: symbolic link; not followed (a theme's files must be inside the site)",
        ])
    }

    @Test func linkLoopsAndDanglingLinksAreReported() {
        let scratch = TemporaryFolder()
        let root = makeSite(["Content/actors/good.md": good], in: scratch)
        link("Content/actors/loop-a.md", to: "loop-b.md", in: scratch)
        link("Content/actors/loop-b.md", to: "loop-a.md", in: scratch)
        link("Content/pages", to: "pages", in: scratch)
        #expect(messages(build(root)) == [
            "Content/actors/loop-a.md: error: symbolic link that leads nowhere or in a circle; not followed",
            "Content/actors/loop-b.md: error: symbolic link that leads nowhere or in a circle; not followed",
            "Content/pages: error: symbolic link that leads nowhere or in a circle; not followed",
        ])
    }

    @Test func aLinkInsideTheRootIsFollowed() {
        let scratch = TemporaryFolder()
        let root = makeSite(["Content/actors/good.md": good, "shared/logo.txt": "logo", "Content/static/map.txt": "map"], in: scratch)
        link("Content/static/logo.txt", to: "../../shared/logo.txt", in: scratch)
        #expect(build(root).succeeded)
        #expect(tree(root.appending(path: "Output"))["logo.txt"] == Data("logo".utf8))
    }

    @Test func anOutputThatIsAFileIsLeftAlone() {
        let scratch = TemporaryFolder()
        let root = makeSite(["Content/actors/good.md": good, "Output": "my notes"], in: scratch)
        let report = build(root)
        #expect(messages(report) == ["Output: error: \(root.path)/Output exists and is not a folder; move it away or choose --output"])
        #expect(try! String(contentsOf: root.appending(path: "Output"), encoding: .utf8) == "my notes")
    }

    @Test func anOutputThatIsALinkIsNotWrittenThrough() {
        let outside = TemporaryFolder()
        let scratch = TemporaryFolder()
        let root = makeSite(["Content/actors/good.md": good], in: scratch)
        link("Output", to: outside.url.path, in: scratch)
        #expect(messages(build(root)) == ["Output: error: \(root.path)/Output is a symbolic link; almanac does not write through links (remove it or choose --output)"])
        #expect(try! FileManager.default.contentsOfDirectory(atPath: outside.url.path).isEmpty)
    }

    @Test func anOutputThatCannotBeWrittenIsAnErrorAndKeepsThePreviousOne() throws {
        let scratch = TemporaryFolder()
        let root = makeSite(["Content/actors/good.md": good], in: scratch)
        // A folder whose parent is a file cannot be created, even by root.
        scratch.write("blocker", "a file")
        let blocked = root.appending(path: "blocker/Output")
        let report = build(root, output: blocked)
        #expect(!report.succeeded)
        #expect(messages(report).count == 1)
        #expect(messages(report).first?.hasPrefix("blocker/Output: error: cannot create ") == true)
        // Permissions hold for everyone but root: a read-only site root keeps its Output/ as it was.
        guard geteuid() != 0 else { return }
        #expect(build(root).succeeded)
        let before = tree(root.appending(path: "Output"))
        chmod(root.path, 0o555)
        defer { chmod(root.path, 0o755) }
        scratch.write("Content/actors/other.md", good)
        let denied = build(root)
        #expect(!denied.succeeded)
        #expect(tree(root.appending(path: "Output")) == before)
    }

    @Test func pathsThatWouldLeaveTheOutputFolderAreRefused() {
        for path in ["../escape.html", "a/../../b", "/etc/passwd", "", "a//b", "./x", "..", ".", "a/", "a/.", "a/..", "x\u{0}y"] {
            #expect(throws: OutputWriter.Failure.self, "\(path)") { try OutputWriter.checkInside(path) }
        }
        for path in ["actors/good.html", "...", "a..b/c.", ".well-known/x", "x"] {
            #expect(throws: Never.self, "\(path)") { try OutputWriter.checkInside(path) }
        }
    }

    /// Kills `almanac build` with SIGKILL while it writes, then checks that the
    /// previous output is whole, and that the next build cleans up and succeeds.
    @Test func aBuildKilledHalfwayLeavesThePreviousOutputWhole() throws {
        let scratch = TemporaryFolder()
        var files = ["Content/actors/good.md": good]
        for i in 0..<300 {
            files["Content/events/event-\(i).md"] = "---\ntitle: Event \(i)\ndate: 2022-03-\(10 + i % 18)\nactors: [good]\n---\nText of event \(i), about [Good](actor:good).\n"
        }
        let root = makeSite(files, in: scratch)
        let output = root.appending(path: "Output")
        #expect(build(root).succeeded)
        let before = tree(output)
        scratch.write("Content/events/new-one.md", "---\ntitle: New\ndate: 2023\n---\n")

        let process = Process()
        process.executableURL = AlmanacBinary.url
        process.arguments = ["build", "--root", root.path, "--quiet"]
        try process.run()
        let staging = root.appending(path: ".Output.almanac-\(process.processIdentifier)")
        let deadline = Date().addingTimeInterval(20)
        // Wait until it has begun writing pages into its staging folder.
        while Date() < deadline, process.isRunning,
              ((try? FileManager.default.contentsOfDirectory(atPath: staging.appending(path: "events").path)) ?? []).isEmpty {
            usleep(2_000)
        }
        let wasWriting = process.isRunning
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        #expect(wasWriting, "the build ended before it could be killed halfway")
        #expect(process.terminationReason == .uncaughtSignal)
        #expect(tree(output) == before)

        #expect(build(root).succeeded)
        #expect(tree(output)["events/new-one.html"] != nil)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: root.path).filter { $0.contains("almanac-") }
        #expect(leftovers.isEmpty, "staging folders left behind: \(leftovers)")
    }
}
