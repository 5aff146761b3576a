import Foundation
import Testing
@testable import AlmanacKit

/// The Atom feed's dates: each entry's `updated` is its date's last day, and the
/// feed's is the latest of them.
@Suite struct FeedTests {
    @Test func feedUpdatedIsTheLatestEntryUpdated() throws {
        let folder = TemporaryFolder()
        let root = makeSite([
            "Content/events/year.md": "---\ntitle: Some time in 2023\ndate: 2023\n---\n",
            "Content/events/june.md": "---\ntitle: June\ndate: 2023-06-01\n---\n",
        ], in: folder)
        folder.write("Content/site.yml", "title: Test\nbase_url: https://example.org/\n")
        let site = try #require(Almanac.loadParseAndLink(Almanac.Options(root: root)).site)
        let feed = try contextBuilder(site, root: root).feed(baseURL: "https://example.org/")
        let entries = feed["entries"] as! [TemplateContext]
        #expect(entries.map { $0["updated"] as! String } == ["2023-06-01T00:00:00Z", "2023-12-31T00:00:00Z"])
        #expect(feed["updated"] as? String == "2023-12-31T00:00:00Z")
    }
}
