import Foundation
import Testing
@testable import AlmanacKit

/// Two inputs that would be written to one file of the output are an error
/// naming both: nothing the build writes silently replaces anything else.
@Suite struct OutputCollisionTests {
    @Test func everyKindOfCollisionNamesBothInputs() throws {
        let scratch = TemporaryFolder()
        let root = makeSite([
            "Content/actors/ann.md": "---\ntitle: Ann\nkind: person\n---\n",
            "Content/actors/index.md": "---\ntitle: Index\nkind: person\n---\n",
            "Content/sources/index.md": "---\ntitle: Index\npublication: P\n---\n",
            "Templates/index.html": "<p>mine</p>",
            "Templates/search-index.js": "//",
            "Templates/actors/ann.html": "<p>Ann</p>",
            "Templates/extra.css": "p {}",
            "Content/static/extra.css": "p {}",
            "Content/static/search.html": "<p>search</p>",
            "Content/static/actors": "a file where a folder goes",
        ], in: scratch)
        let report = build(root)
        #expect(report.diagnostics.filter(\.isError).map(\.description) == [
            "Content/actors/index.md: error: would overwrite the generated actors/index.html (the actors index page); rename or move it",
            "Content/sources/index.md: error: would overwrite the generated sources/index.html (the sources index page); rename or move it",
            "Content/static/actors: error: would be written to actors, where the output needs a folder for actors/index.html (the actors index page); rename or move it",
            "Content/static/extra.css: error: would be written to extra.css, as Templates/extra.css is; rename or move one of them",
            "Content/static/search.html: error: would overwrite the generated search.html (the search page); rename or move it",
            "Templates/actors/ann.html: error: would be written to actors/ann.html, as Content/actors/ann.md is; rename or move one of them",
            "Templates/index.html: error: would overwrite the generated index.html (the home page); rename or move it",
            "Templates/search-index.js: error: would overwrite the generated search-index.js (the search index); rename or move it",
        ])
        #expect(!FileManager.default.fileExists(atPath: root.appending(path: "Output").path))
        // `build --check` reports the same.
        let check = Almanac.checkOutput(Almanac.Options(root: root))
        #expect(check.diagnostics.filter(\.isError) == report.diagnostics.filter(\.isError))
        // And so does `almanac check`, which writes nothing.
        let validated = Almanac.check(Almanac.Options(root: root))
        #expect(validated.diagnostics.filter(\.isError) == report.diagnostics.filter(\.isError))
    }

    /// `tags/` and `places/` are the build's folders once the site has tags or
    /// places: a static file or theme file there is an error where it takes a
    /// page or the folder itself, and is left alone beside the pages otherwise.
    @Test func tagAndPlacePagesAreClaimedLikeEveryOtherPage() throws {
        let scratch = TemporaryFolder()
        let root = makeSite([
            "Content/actors/ann.md": "---\ntitle: Ann\nkind: person\ntags: [Civil society]\n---\n",
            "Content/events/vote.md": "---\ntitle: Vote\ndate: 2024\nplaces: [Almaty]\n---\n",
            "Content/static/tags/civil-society.html": "<p>mine</p>",
            "Content/static/tags/notes.txt": "beside the pages",
            "Templates/places/index.html": "<p>mine</p>",
        ], in: scratch)
        let report = build(root)
        #expect(report.diagnostics.filter(\.isError).map(\.description) == [
            "Content/static/tags/civil-society.html: error: would overwrite the generated tags/civil-society.html (the page of tag 'civil-society'); rename or move it",
            "Templates/places/index.html: error: would overwrite the generated places/index.html (the places index page); rename or move it",
        ])
        let check = Almanac.check(Almanac.Options(root: root))
        #expect(check.diagnostics.filter(\.isError) == report.diagnostics.filter(\.isError))

        // A file where the build needs the folder.
        let other = TemporaryFolder()
        let site = makeSite([
            "Content/events/vote.md": "---\ntitle: Vote\ndate: 2024\nplaces: [Almaty]\n---\n",
            "Content/static/places": "a file where a folder goes",
        ], in: other)
        #expect(build(site).diagnostics.filter(\.isError).map(\.description) == [
            "Content/static/places: error: would be written to places, where the output needs a folder for places/index.html (the places index page); rename or move it",
        ])
        // Without places, `places` is the site's own to use.
        other.write("Content/events/vote.md", "---\ntitle: Vote\ndate: 2024\n---\n")
        #expect(build(site).succeeded)
    }

    /// An entry added after a build goes through the same check, not over the page it would replace.
    @Test func anAddedEntryCannotTakeAGeneratedPageInARebuild() throws {
        let scratch = TemporaryFolder()
        let root = makeSite(["Content/actors/ann.md": "---\ntitle: Ann\nkind: person\n---\n"], in: scratch)
        var options = Almanac.Options(root: root)
        options.useCache = true
        #expect(Almanac.build(options).succeeded)
        let index = try Data(contentsOf: root.appending(path: "Output/actors/index.html"))
        scratch.write("Content/actors/index.md", "---\ntitle: Index\nkind: person\n---\n")
        let report = Almanac.build(options)
        #expect(report.diagnostics.map(\.description) == [
            "Content/actors/index.md: error: would overwrite the generated actors/index.html (the actors index page); rename or move it",
        ])
        #expect(try Data(contentsOf: root.appending(path: "Output/actors/index.html")) == index)
    }

    @Test func newRefusesASlugWhosePageIsTaken() throws {
        let scratch = TemporaryFolder()
        let today = PartialDate(year: 2024, month: 1, day: 2)
        for kind in EntryKind.indexed {
            #expect(throws: Scaffold.Failure.self) { try Scaffold.create(kind, slug: "index", title: nil, root: scratch.url, today: today) }
        }
        scratch.write("Templates/pages/about.html", "<p>mine</p>")
        do {
            _ = try Scaffold.create(.page, slug: "about", title: nil, root: scratch.url, today: today)
            Issue.record("about was created over Templates/pages/about.html")
        } catch {
            #expect(error.description == "'about' cannot be this entry's slug: its page would overwrite Templates/pages/about.html; choose another")
        }
        // An event's folder has no index page: the slug is free there.
        #expect(try Scaffold.create(.event, slug: "index", title: nil, root: scratch.url, today: today).written.contains("Content/events/index.md"))
        let run = try AlmanacBinary.run(["new", "actor", "index", "--root", scratch.url.path])
        #expect(run.status == 1)
        #expect(run.stderr == "error: 'index' cannot be this entry's slug: its page would overwrite actors/index.html (the actors index page); choose another\n")
    }
}
