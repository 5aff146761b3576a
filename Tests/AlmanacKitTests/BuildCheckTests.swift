import Foundation
import Testing
@testable import AlmanacKit

/// `almanac build --check`: writes nothing, exits 1 listing every stale, missing
/// or extra file of `Output/`, exits 0 when `Output/` is current.
@Suite struct BuildCheckTests {
    @Test func currentOutputPassesAndStaleMissingAndExtraFilesAreListed() throws {
        let scratch = TemporaryFolder()
        let root = ReviewSite.write(in: scratch, at: "site")
        let output = root.appending(path: "Output")
        #expect(build(root).succeeded)

        let current = try AlmanacBinary.run(["build", "--check", "--root", root.path])
        #expect(current.status == 0, "\(current.stderr)")
        #expect(current.stdout.contains("Output/ is current"))

        scratch.write("site/Output/events/summer-vote.html", "edited by hand\n")
        try FileManager.default.removeItem(at: output.appending(path: "timeline.html"))
        try FileManager.default.removeItem(at: output.appending(path: "assets/style.css"))
        scratch.write("site/Output/events/old-event.html", "left over\n")
        scratch.write("site/Output/notes/readme.txt", "left over\n")
        let before = tree(output)

        let stale = try AlmanacBinary.run(["build", "--check", "--root", root.path])
        #expect(stale.status == 1)
        let lines = stale.stderr.split(separator: "\n").map(String.init)
        #expect(lines == [
            "Output/assets/style.css: error: missing: the build writes it; run almanac build",
            "Output/events/old-event.html: error: extra: the build does not write it; run almanac build",
            "Output/events/summer-vote.html: error: stale: differs from what the build gives; run almanac build",
            "Output/notes/readme.txt: error: extra: the build does not write it; run almanac build",
            "Output/timeline.html: error: missing: the build writes it; run almanac build",
            "Output/ is out of date (1 stale, 2 missing, 2 extra); run almanac build",
        ])
        #expect(tree(output) == before, "--check must write nothing")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: root.path).filter { $0.hasPrefix(".") }
        #expect(leftovers.isEmpty, "--check left \(leftovers)")
    }

    @Test func aChangeToContentMakesTheOutputStale() throws {
        let scratch = TemporaryFolder()
        let root = ReviewSite.write(in: scratch, at: "site")
        #expect(build(root).succeeded)
        scratch.write("site/Content/actors/bob.md", ReviewSite.files["Content/actors/bob.md"]!.replacingOccurrences(of: "a group", with: "a small group"))
        let check = Almanac.checkOutput(Almanac.Options(root: root))
        #expect(!check.succeeded)
        #expect(check.comparison == OutputComparison(stale: [
            "actors/alice.html", "actors/bob.html", "actors/index.html", "data/actors.csv", "data/site.json", "events/spring-talks.html",
            "events/winter-meeting.html", "search-index.js",
        ]))
        #expect(build(root).succeeded)
        #expect(Almanac.checkOutput(Almanac.Options(root: root)).comparison?.isCurrent == true)
    }

    @Test func noOutputMeansEveryFileIsMissing() {
        let scratch = TemporaryFolder()
        let root = ReviewSite.write(in: scratch, at: "site")
        let check = Almanac.checkOutput(Almanac.Options(root: root))
        #expect(!check.succeeded)
        #expect(check.comparison?.missing.contains("index.html") == true)
        #expect(check.comparison?.stale == [])
        #expect(!FileManager.default.fileExists(atPath: root.appending(path: "Output").path))
    }

    @Test func aSiteWithErrorsIsReportedNotCompared() throws {
        let scratch = TemporaryFolder()
        let root = ReviewSite.write(in: scratch, at: "site")
        #expect(build(root).succeeded)
        scratch.write("site/Content/events/broken.md", "---\ntitle: Broken\ndate: someday\n---\n")
        let run = try AlmanacBinary.run(["build", "--check", "--root", root.path])
        #expect(run.status == 1)
        #expect(run.stderr.contains("Content/events/broken.md:3"))
        #expect(run.stderr.contains("not compared"))
    }
}
