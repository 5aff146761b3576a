import Foundation
import Testing
@testable import AlmanacKit

/// A build replaces its output folder whole: it only ever replaces a folder
/// that Almanac wrote (one holding `.almanac-output`), so no user's files are lost.
@Suite struct OutputFolderTests {
    @Test func aFolderAlmanacDidNotWriteIsLeftAlone() throws {
        let scratch = TemporaryFolder()
        let root = makeSite(["Content/pages/p.md": "---\ntitle: P\n---\n"], in: scratch)
        let photos = scratch.write("Photos/holiday.jpg", "not a photo")
        let report = build(root, output: photos.deletingLastPathComponent())
        #expect(!report.succeeded)
        #expect(report.diagnostics.map(\.description) == [
            "Photos: error: the output folder is not empty and was not written by Almanac (it has no .almanac-output file); "
                + "a build replaces the whole folder, so it is left alone: choose a new or empty folder with --output, "
                + "or, if it is an older Almanac output, delete it and build again",
        ])
        #expect(try String(contentsOf: photos, encoding: .utf8) == "not a photo")
        #expect(tree(scratch.url.appending(path: "Photos")).count == 1)
    }

    @Test func itsOwnOutputAnEmptyFolderAndACloneOfOneAreReplaced() throws {
        let scratch = TemporaryFolder()
        let root = makeSite(["Content/pages/p.md": "---\ntitle: P\n---\n"], in: scratch)
        let output = root.appending(path: "Output")
        try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
        #expect(build(root).succeeded)
        #expect(tree(output)[OutputMarker.name] == Data(OutputMarker.text.utf8))
        #expect(build(root).succeeded)
        // What a clone of a repository that commits its output holds: the files, the marker among them.
        let clone = scratch.copy(output, to: "Clone")
        scratch.write("Clone/stale.html", "from an older build")
        #expect(build(root, output: clone).succeeded)
        #expect(tree(clone)["stale.html"] == nil)
    }

    /// The marker is an output file like any other: `build --check` wants it there.
    @Test func checkReportsTheMarkerMissing() throws {
        let scratch = TemporaryFolder()
        let root = makeSite(["Content/pages/p.md": "---\ntitle: P\n---\n"], in: scratch)
        #expect(build(root).succeeded)
        #expect(Almanac.checkOutput(Almanac.Options(root: root)).comparison?.isCurrent == true)
        try FileManager.default.removeItem(at: root.appending(path: "Output/\(OutputMarker.name)"))
        let check = Almanac.checkOutput(Almanac.Options(root: root))
        #expect(check.comparison?.missing == [OutputMarker.name])
        // And without it the folder is no longer the build's to replace.
        #expect(!build(root).succeeded)
    }

    @Test func theCommandLineSaysHowToProceed() throws {
        let scratch = TemporaryFolder()
        let root = makeSite(["Content/pages/p.md": "---\ntitle: P\n---\n"], in: scratch)
        scratch.write("Output/notes.txt", "mine")
        let run = try AlmanacBinary.run(["build", "--root", root.path])
        #expect(run.status == 1)
        #expect(run.stderr.contains("Output: error: the output folder is not empty and was not written by Almanac"))
        #expect(try String(contentsOf: root.appending(path: "Output/notes.txt"), encoding: .utf8) == "mine")
    }
}
