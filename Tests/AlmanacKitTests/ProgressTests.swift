import Foundation
import Synchronization
import Testing
@testable import AlmanacKit

@Suite struct ProgressTests {
    @Test func everyStageReportsOnceInOrderWithItsCount() {
        let folder = TemporaryFolder()
        let root = makeSite([
            "Content/actors/ak-orda.md": "---\ntitle: Ak Orda\nkind: organization\n---\nText.\n",
            "Content/events/meeting.md": "---\ntitle: Meeting\ndate: 2022\nactors: [ak-orda]\n---\n[Ak Orda](actor:ak-orda).\n",
        ], in: folder)
        let stages = Mutex<[Almanac.StageReport]>([])
        var options = Almanac.Options(root: root)
        options.jobs = 2
        options.progress = { stage in stages.withLock { $0.append(stage) } }
        let report = Almanac.build(options)
        #expect(report.succeeded)
        let seen = stages.withLock { $0 }
        #expect(seen.map(\.stage) == Almanac.StageReport.Stage.allCases.filter { $0 != .cache })  // no cache kept
        #expect(seen.first { $0.stage == .parse }?.count == 2)
        #expect(seen.first { $0.stage == .link }?.count == 2)  // the body's link and the actors field
        #expect(seen.first { $0.stage == .render }?.count == report.pagesWritten)
        #expect(seen.allSatisfy { $0.seconds >= 0 })
        #expect(report.pagesWritten > 0 && report.filesWritten > report.pagesWritten)
    }

    @Test func aFailedBuildStopsReportingWhereItStopped() {
        let folder = TemporaryFolder()
        let root = makeSite(["Content/events/meeting.md": "---\ntitle: Meeting\n---\nNo date.\n"], in: folder)
        let stages = Mutex<[Almanac.StageReport.Stage]>([])
        var options = Almanac.Options(root: root)
        options.progress = { stage in stages.withLock { $0.append(stage.stage) } }
        #expect(!Almanac.build(options).succeeded)
        #expect(stages.withLock { $0 } == [.theme, .load, .parse, .link])
    }

    @Test func lineIsAligned() {
        let line = Almanac.StageReport(stage: .render, count: 1240, noun: "pages", seconds: 0.8124).line
        #expect(line == "render  1240 pages          812 ms")
    }

    @Test func buildPrintsStagesAndASummaryAndQuietPrintsNothing() throws {
        let folder = TemporaryFolder()
        let root = makeSite(["Content/pages/about.md": "---\ntitle: About\n---\nText.\n"], in: folder)
        let loud = try AlmanacBinary.run(["build", "--root", root.path])
        #expect(loud.status == 0)
        let lines = loud.stdout.split(separator: "\n").map(String.init)
        #expect(lines.map { String($0.prefix(8)).trimmingCharacters(in: .whitespaces) }.dropLast() == ["theme", "load", "parse", "link", "render", "write", "cache"])
        #expect(lines.last?.hasPrefix("built ") == true)
        #expect(lines.last?.contains(" pages (") == true && lines.last?.contains("0 errors, 0 warnings") == true)
        let quiet = try AlmanacBinary.run(["build", "--root", root.path, "--quiet"])
        #expect(quiet.status == 0)
        #expect(quiet.stdout.isEmpty && quiet.stderr.isEmpty)
    }
}

extension ProgressTests {
    @Test func aThemeWithErrorsHasNoStageLineAndCountsAreInTheirNumber() throws {
        let folder = TemporaryFolder()
        let root = makeSite(["Content/pages/about.md": "---\ntitle: About\n---\nText.\n"], in: folder)
        let built = try AlmanacBinary.run(["build", "--root", root.path, "--no-cache"])
        #expect(built.stdout.contains("parse   1 entry ") && built.stdout.contains("write   2 other files"), "\(built.stdout)")
        folder.write("Templates/home.mustache", "{{#open}}\n")
        let failed = try AlmanacBinary.run(["build", "--root", root.path])
        #expect(failed.status == 1)
        let stages = failed.stdout.split(separator: "\n").map { $0.prefix(8).trimmingCharacters(in: .whitespaces) }
        #expect(stages == ["load", "parse", "link"], "\(failed.stdout)")
    }
}
