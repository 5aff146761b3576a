import Foundation
import Testing
@testable import AlmanacKit

/// What a reader with a keyboard or a screen reader meets: the order the Tab
/// key goes through a page, and what each link says.
@Suite struct ReadingPathTests {
    /// The elements the Tab key stops at, in document order, each with its
    /// offset in `html` and its tag.
    static func tabStops(_ html: String) -> [(offset: Int, tag: String)] {
        html.matches(of: /<(a [^>]*href="[^"]*"[^>]*|input[^>]*|button[^>]*|select[^>]*|textarea[^>]*)>/)
            .filter { !$0.output.1.contains("tabindex=\"-1\"") }
            .map { (html.utf8.distance(from: html.startIndex, to: $0.range.lowerBound), String($0.output.1)) }
    }

    static func offset(of text: String, in html: String) throws -> Int {
        let range = try #require(html.range(of: text), "no \(text)")
        return html.utf8.distance(from: html.startIndex, to: range.lowerBound)
    }

    /// A page of the basic fixture site, built.
    static func builtPage(_ path: String) throws -> String {
        let scratch = TemporaryFolder()
        let output = scratch.url.appending(path: "Output")
        try #require(build(Fixtures.site("basic"), output: output).succeeded)
        return try String(contentsOf: output.appending(path: path), encoding: .utf8)
    }

    /// From the top of timeline.html: the skip link, the header, then the year
    /// navigation and a link past the chart, all before the chart's first mark.
    @Test func theYearNavigationComesBeforeTheChartsMarks() throws {
        let html = try ReadingPathTests.builtPage("timeline.html")
        let stops = ReadingPathTests.tabStops(html)
        #expect(stops.first?.tag.contains("href=\"#main\"") == true, "the skip link comes first")
        let chart = try ReadingPathTests.offset(of: "<svg", in: html)
        let navigation = try ReadingPathTests.offset(of: "<nav class=\"year-index\"", in: html)
        let firstMark = try #require(stops.firstIndex { $0.offset > chart })
        let firstYear = try #require(stops.firstIndex { $0.offset > navigation })
        #expect(firstYear < firstMark)
        let skip = try #require(stops.firstIndex { $0.tag.contains("class=\"skip-chart\"") })
        #expect(skip == firstMark - 1, "the link past the chart is the stop just before its marks")
        // It leads to what follows the chart's marks.
        let target = try #require(stops[skip].tag.firstMatch(of: /href="#([^"]*)"/)?.output.1)
        #expect(try ReadingPathTests.offset(of: "id=\"\(target)\"", in: html) > ReadingPathTests.offset(of: "</svg>", in: html))
        // Past the chart, the list: every entry there too.
        let list = try ReadingPathTests.offset(of: "<section class=\"year\"", in: html)
        #expect(stops.filter { $0.offset > list }.count >= stops.filter { $0.offset > chart && $0.offset < list }.count)
    }

    @Test func anActorsChartHasALinkPastIt() throws {
        let html = try ReadingPathTests.builtPage("actors/alice.html")
        let stops = ReadingPathTests.tabStops(html)
        let chart = try ReadingPathTests.offset(of: "<svg", in: html)
        let firstMark = try #require(stops.firstIndex { $0.offset > chart })
        #expect(stops[firstMark - 1].tag.contains("class=\"skip-chart\""))
    }

    /// A home page without a title of its own is linked by the site's title,
    /// as its h1 is: never by an empty link.
    @Test func linksToAHomePageWithoutATitleSayTheSitesTitle() throws {
        let scratch = TemporaryFolder()
        let root = makeSite([
            "Content/index.md": "Start with [the event](event:e).\n",
            "Content/events/e.md": "---\ntitle: E\ndate: 2022-01-01\n---\n",
        ], in: scratch)
        let output = scratch.url.appending(path: "Output")
        try #require(build(root, output: output).succeeded)
        let event = try String(contentsOf: output.appending(path: "events/e.html"), encoding: .utf8)
        #expect(event.contains("<a href=\"../index.html\">Test</a>"))
        for (path, data) in tree(output) where path.hasSuffix(".html") {
            #expect(!String(decoding: data, as: UTF8.self).contains("\"></a>"), "an empty link in \(path)")
        }
    }
}
