import Foundation
import Testing
@testable import AlmanacKit

/// The SVG overview of the timeline page and of actor pages.
@Suite struct TimelineOverviewTests {
    static func site(_ files: [String: String], in folder: TemporaryFolder) throws -> LinkedSite {
        try #require(Almanac.load(Almanac.Options(root: makeSite(files, in: folder))).site)
    }

    static func rows(_ context: TemplateContext) -> [TemplateContext] { context["rows"] as! [TemplateContext] }
    static func marks(_ row: TemplateContext) -> [TemplateContext] { row["marks"] as! [TemplateContext] }

    @Test func oneRowPerYearWithSpansCutAtTheTurnOfTheYear() throws {
        let folder = TemporaryFolder()
        let site = try TimelineOverviewTests.site([
            "Content/events/span.md": "---\ntitle: Span\ndate: 2020-11-01\nend: 2022-02\n---\n",
            "Content/events/vague.md": "---\ntitle: Vague\ndate: 2021\n---\n",
        ], in: folder)
        let context = try #require(TimelineOverview(site: site).context(from: .timeline, id: "overview", caption: "All"))
        let rows = TimelineOverviewTests.rows(context)
        #expect(rows.map { $0["year"] as! String } == ["2020", "2021", "2022"])
        #expect(rows.map { TimelineOverviewTests.marks($0).count } == [1, 2, 1])
        let first = TimelineOverviewTests.marks(rows[0])[0]
        #expect(first["url"] as? String == "events/span.html")
        #expect(first["date"] as? String == "1 November 2020 – February 2022")
        // November and December of a 400-wide plot starting at 40: from x ≈ 331 to the end.
        #expect(Double(first["x"] as! String)! > 320)
        let vague = TimelineOverviewTests.marks(rows[1]).first { $0["url"] as? String == "events/vague.html" }
        #expect(vague?["class"] as? String == "mark vague")
        #expect(context["summary"] as? String == "2 events from 2020 to 2022")
        #expect(context["detailed"] as? Bool == true)
    }

    @Test func manyEntriesBecomeMonthBarsLinkedToTheTimeline() throws {
        let folder = TemporaryFolder()
        var files: [String: String] = [:]
        for number in 0..<(TimelineOverview.detailLimit + 1) {
            files["Content/events/e\(number).md"] = "---\ntitle: E\(number)\ndate: 2022-0\(number % 3 + 1)-01\n---\n"
        }
        let site = try TimelineOverviewTests.site(files, in: folder)
        let context = try #require(TimelineOverview(site: site).context(from: .entry(EntryID(.actor, "x")), id: "o", caption: "All"))
        #expect(context["detailed"] as? Bool == false)
        let marks = TimelineOverviewTests.marks(TimelineOverviewTests.rows(context)[0])
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
        let rows = TimelineOverviewTests.rows(timeline)
        #expect(rows.map { $0["year"] as! String } == ["2019"])
        #expect(TimelineOverviewTests.marks(rows[0]).map { $0["url"] as! String } == ["../events/with-bob.html"])
    }
}
