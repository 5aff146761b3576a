import Foundation
import Testing
@testable import AlmanacKit

/// The data files, JSON-LD and citations, read as their consumers read them:
/// `scripts/check-data.py` parses them with Python's csv, frictionless,
/// bibtexparser, rispy and json (installed by `scripts/bootstrap --test`).
@Suite struct DataExportTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// A site whose values hold everything a CSV, BibTeX, RIS or script element must escape.
    static func awkwardSite(in scratch: TemporaryFolder, baseURL: Bool) -> URL {
        scratch.write("Content/site.yml", "title: \"Fünf, \\\"quoted\\\" & {braced}\"\n\(baseURL ? "base_url: https://example.org/x/\n" : "")updated: 2024-05\n")
        scratch.write("Content/actors/eq.md", """
            ---
            title: "=1+1, \\"quoted\\" </script><!-- x"
            kind: media
            summary: "Line one\\nline two; with a semicolon"
            aliases: ["-minus", "@at", "+plus"]
            role: "50% {of} #1 & $2 _x_ ~y ^z \\\\back"
            ---
            Text with <event:ev>, and [a link](poll:pl).
            """)
        scratch.write("Content/actors/pers.md", "---\ntitle: Jane Ünal\nkind: person\ncountry: Türkiye\n---\n")
        scratch.write("Content/actors/st.md", "---\ntitle: A State\nkind: state\n---\n")
        scratch.write("Content/events/ev.md", """
            ---
            title: "An event, \\"quoted\\""
            date: 2022-03
            end: 2022-04-02
            circa: true
            actors: [eq, pers, st]
            places: ["Almaty, Kazakhstan", Astana]
            sources: [src]
            ---
            See <actor:eq>.
            """)
        scratch.write("Content/polls/pl.md", """
            ---
            title: A poll
            pollster: eq
            date: 2023
            sample_size: 1000
            question: "Yes, or \\"no\\"?"
            results:
              - {answer: "Yes, surely", percent: 33.3}
              - {answer: No, percent: 50}
            sources: [src]
            ---
            """)
        scratch.write("Content/sources/src.md", """
            ---
            title: "A {source} with 100% & more"
            publication: "The \\"Paper\\""
            author: ["Doe, Jane", Ann Other]
            published: 2022-03-06
            url: https://example.org/a?b=1&c=%7B
            ---
            """)
        scratch.write("Content/pages/about.md", "---\ntitle: About\n---\nAbout.\n")
        return scratch.url
    }

    func checkData(_ output: URL) throws -> AlmanacBinary.Run {
        try AlmanacBinary.run(["python3", DataExportTests.repository.appending(path: "scripts/check-data.py").path, output.path], executable: "/usr/bin/env")
    }

    @Test(arguments: [true, false])
    func consumersReadTheDataOfAnAwkwardSite(baseURL: Bool) throws {
        let scratch = TemporaryFolder()
        let root = DataExportTests.awkwardSite(in: scratch, baseURL: baseURL)
        let output = scratch.url.appending(path: "Output")
        let report = build(root, output: output)
        try #require(report.succeeded, "\(report.diagnostics)")
        let run = try checkData(output)
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")

        let actors = try String(contentsOf: output.appending(path: "data/actors.csv"), encoding: .utf8)
        #expect(actors.contains("\"=1+1, \"\"quoted\"\" </script><!-- x\",\"Line one\nline two; with a semicolon\",-minus; @at; +plus,,media,"))
        let event = try String(contentsOf: output.appending(path: "events/ev.html"), encoding: .utf8)
        let script = try #require(event.firstMatch(of: /<script type="application\/ld\+json">(.*?)<\/script>/)).1
        #expect(!script.contains("<"))
        #expect(script.contains(baseURL ? "\"@id\":\"https://example.org/x/actors/eq.html\"" : "\"@id\":\"../actors/eq.html\""))
        #expect(script.contains("\"startDate\":\"2022-03\"") && script.contains("\"endDate\":\"2022-04-02\""))
        #expect(event.contains("<h2 id=\"cite\">Cite this page</h2>"))
        #expect(event.contains("updated <time datetime=\"2024-05\">May 2024</time>"))
        #expect(event.contains(baseURL ? "https://example.org/x/events/ev.html" : "href=\"../data/events.csv\""))
        let site = try String(contentsOf: output.appending(path: "data/site.json"), encoding: .utf8)
        // An autolink reads as the title it shows.
        #expect(site.contains("\"text\" : \"Text with An event, \\\"quoted\\\", and a link.\\n\""))
    }

    @Test(arguments: ["basic", "fields"])
    func consumersReadTheDataOfAFixture(_ name: String) throws {
        let scratch = TemporaryFolder()
        let output = scratch.url.appending(path: "Output")
        try #require(build(Fixtures.site(name), output: output).succeeded)
        let run = try checkData(output)
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
    }

    /// Declared fields are columns, typed in the data package; reference fields are
    /// relations named by their key, and links between JSON-LD nodes where schema.org has the property.
    @Test func customFieldsAreColumnsRelationsAndProperties() throws {
        let scratch = TemporaryFolder()
        let output = scratch.url.appending(path: "Output")
        try #require(build(Fixtures.site("fields"), output: output).succeeded)
        let actors = try String(contentsOf: output.appending(path: "data/actors.csv"), encoding: .utf8)
        #expect(actors.hasPrefix("slug,title,summary,aliases,tags,kind,role,country,born,website,party,member_of,successor,chair,committees,profile,page_url\r\n"))
        let relations = try String(contentsOf: output.appending(path: "data/relations.csv"), encoding: .utf8)
        #expect(relations.contains("actor:jane-okafor,member_of,actor:greens\r\n") && relations.contains("poll:rent-survey,funded_by,actor:greens\r\n"))
        let package = try String(contentsOf: output.appending(path: "data/datapackage.json"), encoding: .utf8)
        #expect(package.contains("\"name\" : \"attendance\"") && package.contains("\"type\" : \"integer\""))
        let jane = try String(contentsOf: output.appending(path: "actors/jane-okafor.html"), encoding: .utf8)
        #expect(jane.contains("\"birthDate\":\"1971-04\""))
        #expect(jane.contains("\"memberOf\":[{\"@id\":\"https://example.org/council/actors/council.html\",\"@type\":\"Organization\""))
    }

    @Test func csvQuotesOnlyWhatMustBeQuoted() {
        #expect(CSVText.record(["plain", "a,b", "say \"hi\"", "x\ny", "=1+1", ""]) == "plain,\"a,b\",\"say \"\"hi\"\"\",\"x\ny\",=1+1,\r\n")
    }

    @Test func bibTeXBracesAlwaysBalance() {
        let text = BibTeX.escaped("}{ 100% & $5 #1 a_b ~ ^ \\")
        #expect(text == "\\}\\{ 100\\% \\& \\$5 \\#1 a\\_b \\textasciitilde{} \\textasciicircum{} \\textbackslash{}")
    }

    @Test func updatedMustBeADate() {
        let (config, diagnostics) = EntryParser.parseSiteConfig("title: T\nupdated: May 2024\n", path: "Content/site.yml")
        #expect(config == nil)
        #expect(diagnostics.map(\.description) == ["Content/site.yml:2:10: error: 'updated': expected a date as YYYY, YYYY-MM or YYYY-MM-DD (found 'May 2024')"])
    }
}
