import Testing
@testable import AlmanacKit

@Suite struct EntryParserTests {
    func parse(_ yaml: String, _ kind: EntryKind = .event) -> EntryParser.Parsed {
        EntryParser.parse("---\n\(yaml)---\nBody\n", id: EntryID(kind, "x"), path: "x.md")
    }

    @Test func bareAndQuotedDatesAreTheSame() throws {
        for text in ["date: 2019", "date: \"2019\"", "date: 2019-03-06", "date: '2019-03-06'"] {
            let entry = try #require(parse("title: T\n\(text)\n").entry, "\(text)")
            guard case .event(let event) = entry.details else { Issue.record("not an event"); continue }
            #expect(event.date.description == text.split(separator: " ")[1].trimmingCharacters(in: .init(charactersIn: "\"'")))
        }
    }

    @Test func reportsEachProblemAtItsLine() {
        let parsed = parse("title: T\ndate: 2022-03\nend: 2022-02\ncirca: maybe\nactors: Alice\n")
        #expect(parsed.entry == nil)
        #expect(parsed.diagnostics.sorted().map(\.description) == [
            "x.md:4:6: error: 'end' (2022-02) is before 'date' (2022-03)",
            "x.md:5:8: error: 'circa' must be true or false, not 'maybe'",
            "x.md:6:9: error: 'actors' must be a list of actor slugs, not 'Alice'",
        ])
    }

    @Test func unknownKeysAreWarningsThatNameTheNearestKnownKey() {
        let parsed = parse("title: T\ndate: 2022\nplace: [Astana]\n")
        #expect(parsed.entry != nil)
        #expect(parsed.diagnostics.map(\.description) == ["x.md:4:1: warning: unknown key 'place' (did you mean 'places'?); ignored"])
    }

    @Test func pollResultsMustAddUp() {
        let yaml = "title: P\npollster: a\ndate: 2022\nresults:\n  - {answer: Yes, percent: 60}\n  - {answer: No, percent: 40.6}\n"
        let parsed = parse(yaml, .poll)
        #expect(parsed.diagnostics.map(\.description) == ["x.md:6:3: error: the results add up to 100.6%, more than 100.5%"])
        #expect(parse(yaml.replacingOccurrences(of: "40.6", with: "40.5"), .poll).entry != nil)
    }

    @Test func slugsInListsAreChecked() {
        let parsed = parse("title: T\ndate: 2022\nactors: [Alice Smith, bob, bob]\n")
        #expect(parsed.diagnostics.map(\.message) == [
            "'Alice Smith' in 'actors' is not a valid actor slug: only lower-case letters a-z, digits and single hyphens between them are allowed, not capitals, spaces",
            "'bob' is listed twice in 'actors'",
        ])
    }

    @Test(arguments: [
        ("Hello", "capitals"), ("a b", "spaces"), ("a.b", "'.'"), ("..", "'.'"), ("-a", "a hyphen at the start or end"),
        ("a--b", "two hyphens in a row"), ("café", "non-ASCII letters"), ("Rent_Cap", "capitals, '_'"),
    ])
    func slugProblems(_ slug: String, _ problem: String) {
        #expect(Slug.problem(with: slug) == "only lower-case letters a-z, digits and single hyphens between them are allowed, not " + problem)
    }

    @Test func siteConfigNeedsATitleAndAnHTTPBaseURL() {
        let (config, diagnostics) = EntryParser.parseSiteConfig("base_url: example.org\n", path: "Content/site.yml")
        #expect(config == nil)
        #expect(diagnostics.sorted().map(\.description) == [
            "Content/site.yml:1:1: error: missing required key 'title'",
            "Content/site.yml:1:11: error: 'base_url' must start with http:// or https://, not 'example.org'",
        ])
        let (good, _) = EntryParser.parseSiteConfig("title: T\nbase_url: https://example.org/x\n", path: "s")
        #expect(good?.baseURL == "https://example.org/x/")
    }
}

extension EntryParserTests {
    @Test(arguments: [("Rent_Cap", "rent-cap"), ("Café au lait", "cafe-au-lait"), ("--a..b--", "a-b"), ("2022 Q1", "2022-q1"), ("___", nil)])
    func slugMadeFromAName(_ name: String, _ slug: String?) {
        #expect(Slug.made(from: name) == slug)
    }

    /// A suggestion is worth showing only when the word is plausibly a typo of it.
    @Test func suggestionsAreTyposOnly() {
        let keys = ["title", "summary", "date", "end", "circa", "actors", "places", "sources"]
        #expect(Suggestions.nearest(to: "vote", in: keys).isEmpty)
        #expect(Suggestions.nearest(to: "dat", in: keys) == ["date"])
        #expect(Suggestions.nearest(to: "titel", in: keys) == ["title"])
        #expect(Suggestions.nearest(to: "sumary", in: keys) == ["summary"])
        #expect(Suggestions.nearest(to: "actros", in: keys) == ["actors"])
        #expect(Suggestions.nearest(to: "place", in: keys) == ["places"])
    }
}
