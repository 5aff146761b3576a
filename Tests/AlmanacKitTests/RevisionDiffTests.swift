import Foundation
import Testing
@testable import AlmanacKit

/// `almanac diff REV [REV]`: revisions of a site in a temporary git repository,
/// built in temporary folders, the repository and its working tree untouched.
@Suite struct RevisionDiffTests {
    /// A repository whose site (in `site/`, to test a site below the top) has two commits:
    /// the second renames an event. Returns the site's root.
    private func repository(in scratch: TemporaryFolder) throws -> URL {
        let root = scratch.url.appending(path: "site")
        #expect(try AlmanacBinary.run(["init", root.path]).status == 0)
        try git(["init", "--quiet", "--initial-branch=main"], in: scratch.url)
        try git(["add", "."], in: scratch.url)
        try git(["commit", "--quiet", "-m", "First"], in: scratch.url)
        let event = root.appending(path: "Content/events/rent-cap-vote.md")
        let text = try String(contentsOf: event, encoding: .utf8)
        try Data(text.replacingOccurrences(of: "title: The council votes for a rent cap", with: "title: The council caps rents").utf8).write(to: event)
        try git(["commit", "--quiet", "-am", "Second"], in: scratch.url)
        return root
    }

    @discardableResult
    private func git(_ arguments: [String], in folder: URL) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "-C", folder.path] + arguments
        process.environment = ProcessInfo.processInfo.environment.merging([
            "GIT_AUTHOR_NAME": "Test", "GIT_AUTHOR_EMAIL": "test@example.org",
            "GIT_COMMITTER_NAME": "Test", "GIT_COMMITTER_EMAIL": "test@example.org",
        ]) { $1 }
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "git \(arguments)")
        return String(decoding: data, as: UTF8.self)
    }

    /// Everything a diff must leave as it was: the files, git's status and its list of worktrees.
    private func state(_ scratch: TemporaryFolder) throws -> [String] {
        let files = tree(scratch.url).keys.filter { !$0.hasPrefix(".git/") }.sorted()
        return files + [try git(["status", "--porcelain"], in: scratch.url), try git(["worktree", "list", "--porcelain"], in: scratch.url),
                        try git(["stash", "list"], in: scratch.url)]
    }


    @Test func twoRevisionsAreBuiltAndCompared() throws {
        let scratch = TemporaryFolder()
        let root = try repository(in: scratch)
        let before = try state(scratch)
        // The temporary folders go here, to be seen removed.
        let temporary = TemporaryFolder()
        let run = try AlmanacBinary.run(["diff", "HEAD~1", "HEAD", "--root", root.path], environment: ["TMPDIR": temporary.url.path])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("changed  events/rent-cap-vote.html  event rent-cap-vote: The council caps rents"), "\(run.stdout)")
        #expect(run.stdout.contains("  title (text)\n    - The council votes for a rent cap\n    + The council caps rents\n"), "\(run.stdout)")
        #expect(try state(scratch) == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: temporary.url.path).isEmpty)
        // The same revision twice: nothing changed.
        let same = try AlmanacBinary.run(["diff", "HEAD", "main", "--root", root.path])
        #expect(same.stdout == "no changes\n", "\(same.stdout) \(same.stderr)")
    }

    @Test func aRevisionIsComparedWithTheWorkingTree() throws {
        let scratch = TemporaryFolder()
        let root = try repository(in: scratch)
        scratch.write("site/Content/actors/riverside-council.md", "---\ntitle: Riverside Council\nkind: organization\n---\nEdited, not committed.\n")
        let before = try state(scratch)
        let run = try AlmanacBinary.run(["diff", "HEAD"], in: root)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("changed  actors/riverside-council.html  actor riverside-council: Riverside Council"), "\(run.stdout)")
        // Compared with HEAD, not with the commit before it.
        #expect(!run.stdout.contains("The council votes for a rent cap"), "\(run.stdout)")
        #expect(try state(scratch) == before)
        #expect(!FileManager.default.fileExists(atPath: root.appending(path: "Output").path))
        #expect(!FileManager.default.fileExists(atPath: root.appending(path: ".almanac-cache").path))
    }

    @Test func aFolderAndARevisionAreToldApart() throws {
        let scratch = TemporaryFolder()
        let root = try repository(in: scratch)
        #expect(try AlmanacBinary.run(["build", "--root", root.path, "--quiet"]).status == 0)
        // An existing folder is an output folder, whatever git calls a revision.
        let old = scratch.url.appending(path: "HEAD")
        #expect(build(root, output: old).succeeded)
        let folders = try AlmanacBinary.run(["diff", old.path, root.appending(path: "Output").path])
        #expect(folders.status == 0 && folders.stdout == "no changes\n", "\(folders.stdout) \(folders.stderr)")
        let unknown = try AlmanacBinary.run(["diff", "no-such-branch", "--root", root.path])
        #expect(unknown.status == 1)
        #expect(unknown.stderr.contains("'no-such-branch' is neither a folder nor a revision"), "\(unknown.stderr)")
        let oneFolder = try AlmanacBinary.run(["diff", old.path])
        #expect(oneFolder.status == 2)
    }

    @Test func aRevisionThatDoesNotBuildIsReported() throws {
        let scratch = TemporaryFolder()
        let root = try repository(in: scratch)
        scratch.write("site/Content/events/broken.md", "---\ntitle: Broken\n---\n")
        try git(["add", "."], in: scratch.url)
        try git(["commit", "--quiet", "-m", "Broken"], in: scratch.url)
        let run = try AlmanacBinary.run(["diff", "HEAD~1", "HEAD", "--root", root.path])
        #expect(run.status == 1)
        #expect(run.stderr.contains("Content/events/broken.md:2:1: error: missing required key 'date'"), "\(run.stderr)")
        #expect(run.stderr.contains("error: revision HEAD does not build: 1 error, 0 warnings"), "\(run.stderr)")
    }

    @Test func outsideARepositoryRevisionsAreRefused() throws {
        let scratch = TemporaryFolder()
        let root = makeSite([:], in: scratch)
        let run = try AlmanacBinary.run(["diff", "HEAD", "--root", root.path], environment: ["GIT_CEILING_DIRECTORIES": scratch.url.deletingLastPathComponent().path])
        #expect(run.status == 1)
        #expect(run.stderr.contains("is not in a git repository"), "\(run.stderr)")
    }
}
