import Foundation
import Testing
@testable import AlmanacKit

/// Fixture sites built end to end and compared with their golden output
/// (`expected/`, re-recorded by `ALMANAC_RECORD=1 swift test`).
@Suite struct FixtureSiteTests {
    @Test(arguments: ["basic", "custom-theme", "headings", "fields", "tags-and-places", "russian"])
    func buildMatchesGoldenOutput(_ name: String) throws {
        let site = Fixtures.site(name)
        let scratch = TemporaryFolder()
        let output = scratch.url.appending(path: "Output")
        let report = build(site, output: output)
        #expect(report.succeeded, "\(report.diagnostics)")
        let actual = tree(output)
        let expectedFolder = site.appending(path: "expected")
        if Fixtures.recording {
            try? FileManager.default.removeItem(at: expectedFolder)
            try FileManager.default.copyItem(at: output, to: expectedFolder)
            Issue.record("recorded \(expectedFolder.path); run the tests again without ALMANAC_RECORD")
            return
        }
        let expected = tree(expectedFolder)
        #expect(!expected.isEmpty, "no golden output: record it with ALMANAC_RECORD=1 swift test")
        let missing = Set(expected.keys).subtracting(actual.keys).sorted()
        let extra = Set(actual.keys).subtracting(expected.keys).sorted()
        let stale = expected.keys.filter { actual[$0] != nil && actual[$0] != expected[$0] }.sorted()
        #expect(missing.isEmpty, "not written: \(missing)")
        #expect(extra.isEmpty, "written but not expected: \(extra)")
        #expect(stale.isEmpty, "differ from expected/: \(stale)")
    }

    @Test(arguments: ["front-matter", "references", "missing-site-yml", "yaml", "site-yml", "templates", "hints", "links", "links-and-other-errors", "fields",
                      "fields-declaration", "tags", "places-yml"])
    func invalidSiteReportsEveryProblem(_ name: String) throws {
        let site = Fixtures.invalid(name)
        let scratch = TemporaryFolder()
        let output = scratch.url.appending(path: "Output")
        let report = build(site, output: output)
        #expect(!report.succeeded)
        #expect(!FileManager.default.fileExists(atPath: output.path), "a failed build must write nothing")
        let actual = report.diagnostics.map(\.description).joined(separator: "\n") + "\n"
        let expectedFile = site.appending(path: "expected.txt")
        if Fixtures.recording {
            try Data(actual.utf8).write(to: expectedFile)
            Issue.record("recorded \(expectedFile.path); run the tests again without ALMANAC_RECORD")
            return
        }
        let expected = try String(contentsOf: expectedFile, encoding: .utf8)
        #expect(actual == expected)
    }

    /// What a user sees: the same lines on standard error, a summary, exit status 1.
    @Test(arguments: ["front-matter", "yaml", "templates", "links", "links-and-other-errors", "fields-declaration", "tags", "places-yml"])
    func invalidSiteExitsWithStatusOne(_ name: String) throws {
        let site = Fixtures.invalid(name)
        let scratch = TemporaryFolder()
        let output = scratch.url.appending(path: "Output")
        let run = try AlmanacBinary.run(["build", "--root", site.path, "--output", output.path])
        #expect(run.status == 1)
        let expected = try String(contentsOf: site.appending(path: "expected.txt"), encoding: .utf8)
        #expect(run.stderr.hasPrefix(expected), "\(run.stderr)")
        #expect(run.stderr.hasSuffix("Output/ left unchanged\n"))
        #expect(!run.stderr.contains("Fatal error") && !run.stderr.contains("Stack dump"))
        #expect(!FileManager.default.fileExists(atPath: output.path))
    }

    /// Broken fragments and plain links are found beside an unknown slug and a
    /// file with errors, by `check` as by `build`, not once those are fixed.
    @Test func linkProblemsAreReportedBesideEveryOtherProblem() throws {
        let site = Fixtures.invalid("links-and-other-errors")
        let checked = Almanac.check(Almanac.Options(root: site)).diagnostics.map(\.description)
        let expected = try String(contentsOf: site.appending(path: "expected.txt"), encoding: .utf8)
        #expect(checked.joined(separator: "\n") + "\n" == expected)
        #expect(checked.contains { $0.contains("no actor 'armenia'") })
        #expect(checked.contains { $0.contains("#histroy") })
        #expect(checked.contains { $0.contains("#aftermath") })
        #expect(!checked.contains { $0.contains("Content/pages/about.md") }, "a link to a page whose file has errors is not wrong")
    }

    @Test func draftsAreLeftOutUnlessAskedFor() throws {
        let scratch = TemporaryFolder()
        let output = scratch.url.appending(path: "Output")
        var options = Almanac.Options(root: Fixtures.site("basic"), output: output)
        #expect(Almanac.build(options).succeeded)
        #expect(!FileManager.default.fileExists(atPath: output.appending(path: "events/draft-plan.html").path))
        options.includeDrafts = true
        #expect(Almanac.build(options).succeeded)
        #expect(FileManager.default.fileExists(atPath: output.appending(path: "events/draft-plan.html").path))
    }

    @Test func failedBuildLeavesPreviousOutputExactlyAsItWas() throws {
        let scratch = TemporaryFolder()
        let root = scratch.copy(Fixtures.site("basic"), to: "site")
        #expect(build(root).succeeded)
        let before = tree(root.appending(path: "Output"))
        scratch.write("site/Content/events/broken.md", "---\ntitle: Broken\ndate: someday\n---\n")
        let report = build(root)
        #expect(!report.succeeded)
        #expect(tree(root.appending(path: "Output")) == before)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: root.path).filter { $0.contains("almanac-") }
        #expect(leftovers.isEmpty, "staging folders left behind: \(leftovers)")
    }

    @Test func outputIsTheSameWhateverTheThreadCount() throws {
        let scratch = TemporaryFolder()
        let one = scratch.url.appending(path: "one"), four = scratch.url.appending(path: "four")
        #expect(build(Fixtures.site("basic"), output: one, jobs: 1).succeeded)
        #expect(build(Fixtures.site("basic"), output: four, jobs: 4).succeeded)
        #expect(tree(one) == tree(four))
        #expect(!tree(one).isEmpty)
    }
}
