import Testing
@testable import AlmanacKit

/// Where a plain link in a body leads inside the output folder.
@Suite struct PlainLinkTests {
    private func target(_ url: String, from page: EntryID = EntryID(.event, "x")) -> BodyLink.Target? {
        guard Resolver.isPlain(url) else { return nil }
        return Resolver.plainTarget(url, from: page)
    }

    @Test func relativeLinksStartAtThePagesFolder() {
        #expect(target("y.html") == .file("events/y.html", fragment: nil))
        #expect(target("../actors/a.html#history") == .file("actors/a.html", fragment: "history"))
        #expect(target("./img/../map.png?size=2") == .file("events/map.png", fragment: nil))
        #expect(target("map.png", from: .home) == .file("map.png", fragment: nil))
    }

    @Test func rootRelativeLinksStartAtTheOutputFolder() {
        #expect(target("/map.png") == .file("map.png", fragment: nil))
        #expect(target("/actors/") == .file("actors/index.html", fragment: nil))
        #expect(target("/a%20b.pdf") == .file("a b.pdf", fragment: nil))
    }

    @Test func aFragmentAloneNamesAnIdOnThePageItself() {
        #expect(target("#notes") == .fragment(EntryID(.event, "x"), id: "notes"))
        #expect(target("?q=1") == nil)
        #expect(target("#") == nil)
    }

    @Test func linksWithASchemeOrAHostAreNotChecked() {
        for url in ["https://example.org/x", "mailto:a@example.org", "//example.org/x.png", "tel:+7", "actor:a"] {
            #expect(!Resolver.isPlain(url), "\(url)")
        }
    }

    @Test func aLinkAboveTheOutputFolderIsAProblem() {
        #expect(target("../../x.html") == .outside)
        #expect(target("../x.html", from: .home) == .outside)
        #expect(target("../index.html") == .file("index.html", fragment: nil))
    }
}
