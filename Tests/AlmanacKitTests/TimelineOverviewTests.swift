import Foundation
import Testing
@testable import AlmanacKit

/// The SVG overview of the timeline page and of actor pages.
@Suite struct TimelineOverviewTests {
    static func site(_ files: [String: String], in folder: TemporaryFolder) throws -> LinkedSite {
        try #require(Almanac.loadParseAndLink(Almanac.Options(root: makeSite(files, in: folder))).site)
    }

    static func overview(_ files: [String: String]) throws -> TemplateContext {
        let folder = TemporaryFolder()
        return try #require(TimelineOverview(site: SiteReads(site(files, in: folder))).context(from: .timeline, id: "overview", caption: "All"))
    }

    static func rows(_ context: TemplateContext) -> [TemplateContext] { context["rows"] as! [TemplateContext] }
    static func labels(_ context: TemplateContext) -> [String] { rows(context).map { $0["label"] as! String } }
    static func marks(_ context: TemplateContext) -> [TemplateContext] { context["marks"] as! [TemplateContext] }
    static func bars(_ mark: TemplateContext) -> [TemplateContext] { mark["bars"] as! [TemplateContext] }

    @Test func aSpanIsOneLinkWithABarInEachYearsRow() throws {
        let context = try TimelineOverviewTests.overview([
            "Content/events/span.md": "---\ntitle: Span\ndate: 2020-11-01\nend: 2022-02\n---\n",
            "Content/events/vague.md": "---\ntitle: Vague\ndate: 2021\n---\n",
        ])
        #expect(TimelineOverviewTests.labels(context) == ["2020", "2021", "2022"])
        let marks = TimelineOverviewTests.marks(context)
        #expect(marks.map { $0["url"] as! String } == ["events/span.html", "events/vague.html"])
        #expect(marks[0]["date"] as? String == "1 November 2020 – February 2022")
        let bars = TimelineOverviewTests.bars(marks[0])
        #expect(bars.count == 3)
        // November and December of a 400-wide plot starting at 44: from x ≈ 333 to the end.
        #expect(Double(bars[0]["x"] as! String)! > 320)
        #expect(marks[1]["class"] as? String == "mark vague")
        #expect(TimelineOverviewTests.bars(marks[1]).count == 1)
        #expect(context["summary"] as? String == "2 events from 2020 to 2022")
        #expect(context["detailed"] as? Bool == true)
    }

    @Test func marksThatWouldOverlapTakeLanesOfTheirOwn() throws {
        var files: [String: String] = [:]
        // Ten events in the same month, and ten known only to the year: twenty lanes.
        for number in 0..<10 {
            files["Content/events/m\(number).md"] = "---\ntitle: M\(number)\ndate: 2022-03\n---\n"
            files["Content/events/y\(number).md"] = "---\ntitle: Y\(number)\ndate: 2022\n---\n"
        }
        let context = try TimelineOverviewTests.overview(files)
        let tops = TimelineOverviewTests.marks(context).map { Double(TimelineOverviewTests.bars($0)[0]["y"] as! String)! }
        #expect(Set(tops).count == 20)
    }

    @Test func aChartThatWouldBeTooTallBecomesMonthBars() throws {
        var files: [String: String] = [:]
        for number in 0...TimelineOverview.laneLimit {
            files["Content/events/m\(number).md"] = "---\ntitle: M\(number)\ndate: 2022-03\n---\n"
        }
        let context = try TimelineOverviewTests.overview(files)
        #expect(context["detailed"] as? Bool == false)
        #expect(TimelineOverviewTests.marks(context).map { $0["title"] as! String } == ["March 2022"])
        files.removeValue(forKey: "Content/events/m0.md")
        #expect(try TimelineOverviewTests.overview(files)["detailed"] as? Bool == true)
    }

    @Test func oneEarlyDateAddsOneYearAndOneGapRow() throws {
        let files = [
            "Content/events/a.md": "---\ntitle: A\ndate: 2020-03\n---\n",
            "Content/events/b.md": "---\ntitle: B\ndate: 2021-05-02\nend: 2022-01\n---\n",
            "Content/events/c.md": "---\ntitle: C\ndate: 2024\n---\n",
        ]
        let without = try TimelineOverviewTests.overview(files)
        let with = try TimelineOverviewTests.overview(files.merging(["Content/events/early.md": "---\ntitle: Early\ndate: 1898\n---\n"]) { $1 })
        #expect(TimelineOverviewTests.labels(without) == ["2020", "2021", "2022", "2023", "2024"])
        #expect(TimelineOverviewTests.labels(with) == ["1898", "1899–2019", "2020", "2021", "2022", "2023", "2024"])
        #expect(TimelineOverviewTests.rows(with).map { $0["gap"] as! Bool } == [false, true, false, false, false, true, false])
        let added = Double(with["height"] as! String)! - Double(without["height"] as! String)!
        let yearRow = TimelineOverview.laneHeight + TimelineOverview.rowGap, gapRow = TimelineOverview.gapHeight + TimelineOverview.rowGap
        #expect(added == yearRow + gapRow)
        #expect(with["summary"] as? String == "4 events from 1898 to 2024")
    }

    @Test func manyEntriesBecomeMonthBarsLinkedToTheTimeline() throws {
        let folder = TemporaryFolder()
        var files: [String: String] = [:]
        for number in 0..<(TimelineOverview.detailLimit + 1) {
            files["Content/events/e\(number).md"] = "---\ntitle: E\(number)\ndate: 2022-0\(number % 3 + 1)-01\n---\n"
        }
        // Month bars count entries where they begin: a span into 2025 draws no 2025 row.
        files["Content/events/e0.md"] = "---\ntitle: E0\ndate: 2022-01-01\nend: 2025-06\n---\n"
        files["Content/events/early.md"] = "---\ntitle: Early\ndate: 1898\n---\n"
        let site = try TimelineOverviewTests.site(files, in: folder)
        let context = try #require(TimelineOverview(site: SiteReads(site)).context(from: .entry(EntryID(.actor, "x")), id: "o", caption: "All"))
        #expect(context["detailed"] as? Bool == false)
        #expect(TimelineOverviewTests.labels(context) == ["1898", "1899–2021", "2022"])
        #expect(context["summary"] as? String == "602 events from 1898 to 2022")
        let marks = TimelineOverviewTests.marks(context).dropFirst()
        #expect(marks.map { $0["url"] as! String } == ["../timeline.html#y2022-01", "../timeline.html#y2022-02", "../timeline.html#y2022-03"])
        #expect(marks.map { $0["date"] as! String } == ["201 entries", "200 entries", "200 entries"])
    }

    @Test func actorPagesCarryTheirOwnTimeline() throws {
        let folder = TemporaryFolder()
        let site = try TimelineOverviewTests.site([
            "Content/actors/bob.md": "---\ntitle: Bob\nkind: person\n---\n",
            "Content/events/with-bob.md": "---\ntitle: With Bob\ndate: 2019-05\nactors: [bob]\n---\n",
            "Content/events/without.md": "---\ntitle: Without\ndate: 2015\n---\n",
        ], in: folder)
        let context = try contextBuilder(site, root: folder.url).entryPage(EntryID(.actor, "bob"))
        let timeline = try #require(context["timeline"] as? TemplateContext)
        #expect(TimelineOverviewTests.labels(timeline) == ["2019"])
        #expect(TimelineOverviewTests.marks(timeline).map { $0["url"] as! String } == ["../events/with-bob.html"])
    }
}
