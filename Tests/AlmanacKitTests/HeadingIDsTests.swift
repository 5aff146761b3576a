import Testing
@testable import AlmanacKit

/// The id a heading gets: its text as a slug, unique on the page.
@Suite struct HeadingIDsTests {
    @Test(arguments: [
        ("History", "history"),
        ("The CSTO in January 2022", "the-csto-in-january-2022"),
        ("  Who's who? (2019–2022)  ", "who-s-who-2019-2022"),
        ("Café & crème brûlée", "cafe-creme-brulee"),
        ("История вопроса", "история-вопроса"),
        ("Қазақстан", "қазақстан"),
        ("snake_case", "snake-case"),
        ("—", "section"),
        ("", "section"),
    ])
    func slugOfAHeading(_ text: String, _ expected: String) {
        #expect(HeadingIDs.slug(text) == expected)
    }

    @Test func repeatedHeadingsAreNumberedFromTwo() {
        var ids = HeadingIDs(reserved: [])
        #expect(["History", "Notes", "History", "History"].map { ids.claim($0) } == ["history", "notes", "history-2", "history-3"])
    }

    @Test func aNumberedIdAlreadyTakenIsSkipped() {
        var ids = HeadingIDs(reserved: [])
        #expect(["History 2", "History", "History"].map { ids.claim($0) } == ["history-2", "history", "history-3"])
        #expect(ids.claim("History 2") == "history-2-2")
    }

    @Test func idsTheThemePutsOnThePageAreNotGivenToHeadings() {
        var ids = HeadingIDs(reserved: ThemeAnchors.reserved(on: .poll))
        #expect(ids.claim("Results") == "results-2")
        #expect(ids.claim("Main") == "main-2")
        var actor = HeadingIDs(reserved: ThemeAnchors.reserved(on: .actor))
        #expect(actor.claim("Results") == "results")
        #expect(actor.claim("Events") == "events-2")
    }

    @Test func headingsGetTheirIdsInTheRenderedBody() {
        let rendered = Markdown.render("# A *b*\n\n## A b\n\ntext\n", unsafe: false, collectText: false,
                                       headingIDs: HeadingIDs(reserved: [])) { _ in .keep }
        #expect(rendered.html == "<h1 id=\"a-b\">A <em>b</em></h1>\n<h2 id=\"a-b-2\">A b</h2>\n<p>text</p>\n")
        #expect(rendered.headingIDs == ["a-b", "a-b-2"])
    }

    @Test func withoutHeadingIdsTheBodyIsAsCmarkRendersIt() {
        let markdown = "# A *b*\n\nSetext\n---\n\n> ## Quoted\n"
        #expect(Markdown.html(markdown, unsafe: false) == "<h1>A <em>b</em></h1>\n<h2>Setext</h2>\n<blockquote>\n<h2>Quoted</h2>\n</blockquote>\n")
    }
}
