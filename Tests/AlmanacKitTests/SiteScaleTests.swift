import Foundation
import Testing
@testable import AlmanacKit

/// Sites at scale: past a thousand events and polls the timeline has a page per
/// year, past a thousand actors or sources their index a page per letter,
/// past 50,000 URLs the sitemap is an index; the search index is sharded and a
/// one-word edit rewrites only what it must.
@Suite struct SiteScaleTests {
    func html(_ root: URL, _ path: String) throws -> String {
        try String(contentsOf: root.appending(path: "Output/" + path), encoding: .utf8)
    }

    func cachedBuild(_ root: URL) -> Almanac.Report {
        var options = Almanac.Options(root: root)
        options.useCache = true
        options.jobs = 2
        return Almanac.build(options)
    }

    @Test func aLongTimelineHasAPagePerYear() throws {
        let site = RandomEditTests.GeneratedSite(seed: 5)
        let report = build(site.root)
        #expect(report.succeeded, "\(report.diagnostics.prefix(3))")
        let timeline = try html(site.root, "timeline.html")
        #expect(!timeline.contains("<li><a href=\"events/"), "the timeline lists no entry itself")
        #expect(timeline.contains("<a href=\"timeline/2014.html\">2014</a>"))
        #expect(timeline.contains("<figure class=\"overview\""))
        #expect(timeline.contains("href=\"timeline/2016.html#y2016-"), "the overview's months link to the year pages")
        var listed = 0
        for year in 2014...2023 {
            let page = try html(site.root, "timeline/\(year).html")
            #expect(page.contains("<h1 data-part=\"title\">Timeline: \(year)</h1>"))
            #expect(page.contains("<a href=\"../timeline/\(year).html\" aria-current=\"page\">\(year)</a>"))
            let years = page.components(separatedBy: "<time datetime=\"").dropFirst().map { $0.prefix(4) }
            #expect(years.allSatisfy { $0 == "\(year)" }, "only \(year)'s entries")
            listed += years.count
            #expect(page.contains("rel=\"prev\"") == (year > 2014) && page.contains("rel=\"next\"") == (year < 2023))
        }
        #expect(listed == site.events.count + site.polls.count)
        #expect(!FileManager.default.fileExists(atPath: site.root.appending(path: "Output/timeline/2013.html").path))
    }

    /// A new word in one event's text rewrites the event's page, the one
    /// search shard the word is in and data/site.json (which holds the text),
    /// nothing else (its first letter starts other words already: a new first
    /// letter would add a shard, and the index would list it).
    @Test func aOneWordEditRewritesFewFiles() throws {
        let site = RandomEditTests.GeneratedSite(seed: 9)
        #expect(cachedBuild(site.root).succeeded)
        let before = tree(site.root.appending(path: "Output"))
        let path = site.eventPath(site.events[500])
        site.write(path, site.files[path]! + "Wombatish.\n")
        let report = cachedBuild(site.root)
        #expect(report.succeeded)
        let after = tree(site.root.appending(path: "Output"))
        // The feed shows the text of the latest events, which may include this one.
        let changed = Set(after.keys).union(before.keys).filter { before[$0] != after[$0] && $0 != "feed.xml" }.sorted()
        #expect(changed.count == 3 && changed[0] == "data/site.json" && changed[1] == "events/\(site.events[500]).html"
                && changed[2].hasPrefix("search/w-w"), "\(changed)")
        #expect(try String(contentsOf: site.root.appending(path: "Output/" + changed[2]), encoding: .utf8).contains("\"wombatish\":"))
        #expect(report.pagesWritten <= 4, "\(report.pagesWritten) pages rendered")
    }

    @Test func aLongIndexHasAPagePerLetter() throws {
        let folder = TemporaryFolder()
        var files: [String: String] = ["Content/events/e.md": "---\ntitle: E\ndate: 2020\nactors: [a-1]\n---\nText.\n"]
        let titles = ["Élan Vital", "1st Battalion", "Қазақ Radio", "(Unnamed) group", "…"]
        for n in 1...1_000 { files["Content/actors/a-\(n).md"] = "---\ntitle: \(["Alpha", "Beta", "Gamma"][n % 3]) \(n)\nkind: person\n---\n" }
        for (n, title) in titles.enumerated() { files["Content/actors/x-\(n).md"] = "---\ntitle: \"\(title)\"\nkind: group\n---\n" }
        let root = makeSite(files, in: folder)
        #expect(build(root).succeeded)
        let index = try html(root, "actors/index.html")
        #expect(!index.contains("<ul class=\"entry-list\">"))
        for (key, label) in [("0-9", "0–9"), ("a", "A"), ("b", "B"), ("e", "E"), ("g", "G"), ("қ", "Қ"), ("other", "Other")] {
            #expect(index.contains("<a href=\"../actors/index_\(key).html\">\(label)</a>"), "\(key)")
        }
        let a = try html(root, "actors/index_a.html")
        #expect(a.contains("Alpha 3<") && !a.contains("Beta 1<"))
        #expect(a.contains("<h1 data-part=\"title\">Actors: A</h1>"))
        #expect(try html(root, "actors/index_e.html").contains("Élan Vital"))
        #expect(try html(root, "actors/index_0-9.html").contains("1st Battalion"))
        #expect(try html(root, "actors/index_other.html").contains("…"))
        #expect(try html(root, "actors/index_g.html").contains("(Unnamed) group") == false)
        #expect(try html(root, "actors/index_u.html").contains("(Unnamed) group"))
        // Under the limit, one list as before.
        folder.write("Content/actors/a-1000.md", "")
        try FileManager.default.removeItem(at: root.appending(path: "Content/actors/a-1000.md"))
        for n in 0..<titles.count { try FileManager.default.removeItem(at: root.appending(path: "Content/actors/x-\(n).md")) }
        #expect(build(root).succeeded)
        #expect(try html(root, "actors/index.html").contains("<ul class=\"entry-list\">"))
        #expect(!FileManager.default.fileExists(atPath: root.appending(path: "Output/actors/index_a.html").path))
    }

    /// A cached rebuild of a cut index, after a title moves an actor to another letter, is a full build's.
    @Test func aRetitledActorMovesLetterInARebuild() throws {
        let folder = TemporaryFolder()
        var files: [String: String] = ["Content/events/e.md": "---\ntitle: E\ndate: 2020\nactors: [a-1]\n---\nText.\n"]
        for n in 1...1_001 { files["Content/actors/a-\(n).md"] = "---\ntitle: \(["Alpha", "Beta"][n % 2]) \(n)\nkind: person\n---\n" }
        let root = makeSite(files, in: folder)
        #expect(cachedBuild(root).succeeded)
        folder.write("Content/actors/a-1.md", "---\ntitle: Zulu 1\nkind: person\n---\n")
        #expect(cachedBuild(root).succeeded)
        let check = Almanac.checkOutput(Almanac.Options(root: root))
        #expect(check.comparison?.isCurrent == true)
        #expect(try html(root, "actors/index_z.html").contains("Zulu 1"))
    }

    @Test func pastFiftyThousandURLsTheSitemapIsAnIndex() throws {
        #expect(Page.sitemapParts(urls: 50_000) == 1)
        #expect(Page.sitemapParts(urls: 50_001) == 2)
        #expect(Page.sitemapParts(urls: 117_051) == 3)
        let folder = TemporaryFolder()
        let root = makeSite(["Content/site.yml": "title: T\nbase_url: https://example.org/\n"], in: folder)
        let loaded = Almanac.loadParseAndLink(Almanac.Options(root: root))
        let site = try #require(loaded.site)
        let theme = try #require(Theme.load(root: root).0)
        let pages = (0 ..< 60_000).map { Page.entry(EntryID(.event, "e-\($0)")) } + [.home]
        let contexts = ContextBuilder(site: SiteReads(site), theme: theme, cache: RenderCache())
        let index = theme.render("sitemap", contexts.sitemap(baseURL: "https://example.org/", pages: pages, part: nil))
        #expect(index.contains("<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">"))
        #expect(index.contains("<sitemap><loc>https://example.org/sitemap-2.xml</loc></sitemap>") && !index.contains("sitemap-3"))
        let second = theme.render("sitemap", contexts.sitemap(baseURL: "https://example.org/", pages: pages, part: 2))
        #expect(second.components(separatedBy: "<url>").count - 1 == 10_001)
        #expect(second.contains("<loc>https://example.org/</loc>"))
        let first = theme.render("sitemap", contexts.sitemap(baseURL: "https://example.org/", pages: pages, part: 1))
        #expect(first.components(separatedBy: "<url>").count - 1 == 50_000)
    }
}
