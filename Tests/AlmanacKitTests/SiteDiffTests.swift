import Foundation
import Testing
@testable import AlmanacKit

/// `almanac diff`: two builds of the review site, before and after an edit,
/// compared in a reviewer's terms.
@Suite struct SiteDiffTests {
    /// Builds the review site into `old`, applies `edit`, builds into `new`, and compares them.
    private func diff(after edit: (TemporaryFolder) -> Void) throws -> (SiteDiff, TemporaryFolder) {
        let scratch = TemporaryFolder()
        let site = ReviewSite.write(in: scratch, at: "site")
        #expect(build(site, output: scratch.url.appending(path: "old")).succeeded)
        edit(scratch)
        let report = build(site, output: scratch.url.appending(path: "new"))
        #expect(report.succeeded, "\(report.diagnostics)")
        return (try SiteDiff.compare(old: scratch.url.appending(path: "old"), new: scratch.url.appending(path: "new")), scratch)
    }

    private func edit(_ path: String, _ old: String, _ new: String) -> (TemporaryFolder) -> Void {
        { scratch in
            let text = ReviewSite.files[path]!
            precondition(text.contains(old))
            scratch.write("site/" + path, text.replacingOccurrences(of: old, with: new))
        }
    }

    private func parts(_ diff: SiteDiff, _ path: String) -> [String]? {
        diff.changed.first { $0.page.path == path }?.parts.map(\.name)
    }

    @Test func aOneWordEditIsTheBodyOfOnePageWithTheWordInContext() throws {
        let (diff, _) = try diff(after: edit("Content/events/winter-meeting.md", "was short", "was long"))
        #expect(diff.added.isEmpty && diff.removed.isEmpty)
        #expect(diff.changed.map(\.page.path) == ["events/winter-meeting.html"])
        let page = try #require(diff.changed.first)
        #expect(page.page.what == "event winter-meeting")
        #expect(page.page.title == "Winter meeting")
        #expect(page.parts.map(\.name) == ["body"])
        let text = diff.text()
        #expect(text.contains("changed  events/winter-meeting.html  event winter-meeting: Winter meeting\n  body (text)\n"))
        #expect(text.contains("    - … to chair it. The meeting was short and the minutes were published a …\n"))
        #expect(text.contains("    + … to chair it. The meeting was long and the minutes were published a …\n"))
        #expect(diff.filesChanged == ["data/site.json", "feed.xml", "search-index.js"])
    }

    @Test func addingAnEventIsAnAddedPageAndTheListsThatShowIt() throws {
        let (diff, _) = try diff(after: { scratch in
            scratch.write("site/Content/events/february-walkout.md",
                          "---\ntitle: February walkout\ndate: 2020-02-10\nactors: [alice]\n---\nMembers walked out.\n")
        })
        #expect(diff.added.map(\.path) == ["events/february-walkout.html"])
        #expect(diff.added.first?.title == "February walkout")
        // Her own small timeline gains a mark, and its caption counts one event more.
        #expect(parts(diff, "actors/alice.html") == ["overview", "events"])
        #expect(parts(diff, "events/winter-meeting.html") == ["neighbours"])
        #expect(parts(diff, "events/spring-talks.html") == ["neighbours"])
        #expect(parts(diff, "index.html") == ["counts"])
        #expect(parts(diff, "timeline.html") == ["overview", "list"])
        let alice = diff.changed.first { $0.page.path == "actors/alice.html" }!.parts
        #expect(alice[1].lines == [.added("February walkout 10 February 2020")])
        #expect(alice[0].lines.contains(.added("February walkout (10 February 2020)")))
        #expect(diff.filesChanged == ["data/events.csv", "data/relations.csv", "data/site.json", "feed.xml", "search-index.js", "sitemap.xml"])
    }

    @Test func eachKindOfEditIsNamedByThePartItChanges() throws {
        let (title, _) = try diff(after: edit("Content/actors/bob.md", "title: Bob Group", "title: Bob Collective"))
        #expect(parts(title, "actors/bob.html") == ["title", "cite"])
        #expect(parts(title, "actors/alice.html") == ["backlinks"])
        #expect(parts(title, "events/winter-meeting.html") == ["actors"])

        let (dates, _) = try diff(after: edit("Content/events/summer-vote.md", "end: 2020-07-15", "end: 2020-07-17"))
        #expect(parts(dates, "events/summer-vote.html") == ["dates"])

        let (results, _) = try diff(after: edit("Content/polls/council-poll.md", "percent: 41.5", "percent: 42.5"))
        #expect(parts(results, "polls/council-poll.html") == ["results"])
        let lines = results.changed.first { $0.page.path == "polls/council-poll.html" }!.parts[0].lines
        #expect(lines.contains(.removed("Yes 41.5%")) && lines.contains(.added("Yes 42.5%")))
    }

    @Test func removedPagesAndMarkupOnlyChangesAreReported() throws {
        let scratch = TemporaryFolder()
        scratch.write("old/actors/gone.html", "<html><body><main><h1 data-part=\"title\">Gone</h1></main></body></html>")
        scratch.write("old/events/a.html", "<html><body><main><p class=\"x\">Same &amp; text</p></main></body></html>")
        scratch.write("new/events/a.html", "<html><body><main><p class=\"y\">Same &amp; text</p></main></body></html>")
        scratch.write("old/style.css", "a {}")
        let diff = try SiteDiff.compare(old: scratch.url.appending(path: "old"), new: scratch.url.appending(path: "new"))
        #expect(diff.removed == [SiteDiff.PageInfo(path: "actors/gone.html", kind: "actor", slug: "gone", what: "actor gone", title: "Gone")])
        #expect(diff.changed.map(\.page.path) == ["events/a.html"])
        #expect(diff.changed.first?.parts == [])
        #expect(diff.filesRemoved == ["style.css"])
        #expect(diff.text().contains("markup only"))
    }

    @Test func pageTextSkipsInvisibleTextAndKeepsNestedPartsApart() {
        let html = """
            <!DOCTYPE html><html><head><title>T</title><style>p{}</style></head><body>
            <header><a href="index.html">Site</a></header>
            <main><article><h1 data-part="title">Caf&eacute; &amp; bar</h1>
            <dl data-part="facts"><dt>Date</dt><dd data-part="dates"><time>6 March 2022</time></dd><dt>Place</dt><dd>Astana</dd></dl>
            <div data-part="body"><p>One
            two</p><pre><code>a
            b</code></pre><script>var x = 1;</script></div><p>Loose</p></article></main>
            """
        let page = PageText.read(Data(html.utf8))
        #expect(page.order == ["layout", "page", "title", "facts", "dates", "body"])
        #expect(page.title == "Café & bar")
        #expect(page.parts["facts"]?.lines == ["Date", "Place", "Astana"])
        #expect(page.parts["dates"]?.lines == ["6 March 2022"])
        #expect(page.parts["body"]?.lines == ["One two", "a", "b"])
        #expect(page.parts["page"]?.lines == ["Loose"])
        #expect(page.parts["layout"]?.lines == ["Site"])
        #expect(page.parts["layout"]?.links == ["index.html"])
    }

    @Test func theCommandPrintsTextAndJSON() throws {
        let (_, scratch) = try diff(after: edit("Content/events/winter-meeting.md", "was short", "was long"))
        let old = scratch.url.appending(path: "old").path, new = scratch.url.appending(path: "new").path
        let text = try AlmanacBinary.run(["diff", old, new])
        #expect(text.status == 0)
        #expect(text.stdout.hasPrefix("0 pages added, 0 removed, 1 changed; 3 other files changed\n"))
        let json = try AlmanacBinary.run(["diff", old, new, "--format", "json"])
        #expect(json.status == 0)
        let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        let changed = try #require(object?["changed"] as? [[String: Any]])
        #expect((changed.first?["page"] as? [String: Any])?["slug"] as? String == "winter-meeting")
        let part = try #require((changed.first?["parts"] as? [[String: Any]])?.first)
        #expect(part["name"] as? String == "body")
        #expect((part["lines"] as? [[String: String]])?.map { $0["op"]! } == ["-", "+"])
        #expect(try AlmanacBinary.run(["diff", old, old]).stdout == "no changes\n")
        #expect(try AlmanacBinary.run(["diff", old, "/nonexistent"]).status == 1)
    }
}

extension SiteDiffTests {
    @Test func aPageWhoseThemeStartsMarkingPartsIsComparedAsAWhole() throws {
        let scratch = TemporaryFolder()
        scratch.write("old/events/a.html", "<html><body><main><h1>A</h1><p>One</p><p>Two</p></main></body></html>")
        scratch.write("new/events/a.html", "<html><body><main><h1 data-part=\"title\">A</h1><div data-part=\"body\"><p>One</p><p>Three</p></div></main></body></html>")
        let diff = try SiteDiff.compare(old: scratch.url.appending(path: "old"), new: scratch.url.appending(path: "new"))
        let parts = try #require(diff.changed.first?.parts)
        #expect(parts.map(\.name) == ["page"])
        #expect(parts.first?.lines == [.removed("Two"), .added("Three")])
    }

    /// A link out of a compared folder, or to something that is not a file, is not followed: its target is never printed.
    @Test func linksOutOfTheFoldersAreNotFollowed() throws {
        let scratch = TemporaryFolder()
        let secret = scratch.write("secret.txt", "the password")
        scratch.write("old/a.txt", "a")
        scratch.write("new/a.txt", "a")
        try FileManager.default.createSymbolicLink(at: scratch.url.appending(path: "new/leak.txt"), withDestinationURL: secret)
        try FileManager.default.createSymbolicLink(at: scratch.url.appending(path: "new/up"), withDestinationURL: scratch.url)
        scratch.write("new/inside.txt", "in")
        try FileManager.default.createSymbolicLink(at: scratch.url.appending(path: "new/same.txt"), withDestinationURL: scratch.url.appending(path: "new/inside.txt"))
        #expect(mkfifo(scratch.url.appending(path: "new/pipe").path, 0o644) == 0)
        let diff = try SiteDiff.compare(old: scratch.url.appending(path: "old"), new: scratch.url.appending(path: "new"))
        #expect(diff.filesAdded == ["inside.txt", "same.txt"])
        #expect(diff.problems.map(\.message) == [
            "symbolic link to \(secret.path), outside the folder; not followed",
            "not a regular file (a pipe, socket or device); not read",
            "symbolic link to \(scratch.url.path), outside the folder; not followed",
        ])
        let run = try AlmanacBinary.run(["diff", scratch.url.appending(path: "old").path, scratch.url.appending(path: "new").path])
        #expect(run.status == 0)
        #expect(!run.stdout.contains("password") && !run.stderr.contains("password"))
    }
}
