import Foundation
import Testing
@testable import AlmanacKit

/// Tags and places: one term per slug, titled by the spelling used most, and
/// what `site.yml` says of places.
@Suite struct TaxonomyTests {
    private func site(_ files: [String: String]) throws -> LinkedSite {
        let scratch = TemporaryFolder()
        let loaded = Almanac.loadParseAndLink(Almanac.Options(root: makeSite(files, in: scratch)))
        return try #require(loaded.site, "\(loaded.diagnostics)")
    }

    @Test func spellingsOfOneSlugAreOneTagTitledByTheMostUsed() throws {
        let site = try site([
            "Content/actors/a.md": "---\ntitle: A\nkind: person\ntags: [civil-society, Écologie]\n---\n",
            "Content/actors/b.md": "---\ntitle: B\nkind: person\ntags: [Civil society]\n---\n",
            "Content/events/e.md": "---\ntitle: E\ndate: 2024\ntags: [Civil society, ecologie]\n---\n",
            "Content/pages/p.md": "---\ntitle: P\ntags: [Civil Society]\n---\n",
        ])
        #expect(site.tags.terms.map(\.slug) == ["civil-society", "ecologie"])
        let civil = try #require(site.tags["civil-society"])
        #expect(civil.title == "Civil society")
        #expect(civil.otherSpellings == ["Civil Society", "civil-society"])
        #expect(civil.entries == [EntryID(.actor, "a"), EntryID(.actor, "b"), EntryID(.event, "e"), EntryID(.page, "p")])
        // A tie: the first in byte order (capitals before lower case).
        #expect(site.tags["ecologie"]?.title == ["Écologie", "ecologie"].min { $0.precedesInUTF8($1) })
    }

    @Test func siteYmlTitlesPlacesAndMapsTheirAliases() throws {
        let site = try site([
            "Content/site.yml": "title: T\nplaces:\n  almaty:\n    title: Almaty\n    aliases: [Alma-Ata]\n    country: Kazakhstan\n",
            "Content/events/a.md": "---\ntitle: A\ndate: 2022-01-02\nplaces: [alma ata]\n---\n",
            "Content/events/b.md": "---\ntitle: B\ndate: 2022-01-01\nplaces: [ALMATY, Zhanaozen]\n---\n",
        ])
        #expect(site.places.terms.map(\.slug) == ["almaty", "zhanaozen"])
        let almaty = try #require(site.places["almaty"])
        #expect(almaty.title == "Almaty")
        #expect(almaty.otherSpellings == ["ALMATY", "alma ata", "Alma-Ata"])
        // Events in timeline order.
        #expect(almaty.entries == [EntryID(.event, "b"), EntryID(.event, "a")])
    }

    @Test func aDescribedPlaceNoEventNamesIsAWarning() throws {
        let scratch = TemporaryFolder()
        let root = makeSite([
            "Content/site.yml": "title: T\nplaces:\n  almaty: {title: Almaty}\n  astana: {country: Kazakhstan}\n",
            "Content/events/a.md": "---\ntitle: A\ndate: 2022\nplaces: [Almaty]\n---\n",
        ], in: scratch)
        let report = build(root)
        #expect(report.succeeded)
        #expect(report.diagnostics.map(\.description) == [
            "Content/site.yml:4:3: warning: place 'astana' is described under 'places' but no event names it",
        ])
        #expect(!FileManager.default.fileExists(atPath: root.appending(path: "Output/places/astana.html").path))
    }

    @Test func draftsAreOnNoTagPageAndASiteWithoutTagsHasNone() throws {
        let scratch = TemporaryFolder()
        let root = makeSite([
            "Content/actors/a.md": "---\ntitle: A\nkind: person\ndraft: true\ntags: [Secret]\n---\n",
            "Content/actors/b.md": "---\ntitle: B\nkind: person\n---\n",
        ], in: scratch)
        #expect(build(root).succeeded)
        let output = root.appending(path: "Output")
        #expect(!FileManager.default.fileExists(atPath: output.appending(path: "tags").path))
        let header = try String(contentsOf: output.appending(path: "index.html"), encoding: .utf8)
        #expect(!header.contains("tags/index.html") && !header.contains("places/index.html"))
    }
}
