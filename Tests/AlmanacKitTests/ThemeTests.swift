import Foundation
import Mustache
import Testing
@testable import AlmanacKit

/// Problems in a site's own templates are errors with the template's path and line.
@Suite struct ThemeTests {
    @Test func partialsAreFoundInSectionsBlocksAndParents() throws {
        let template = try MustacheTemplate(string: """
        {{<layout}}{{$main}}
        {{#items}}{{>partials/item}}{{/items}}
        {{^items}}{{> partials/empty }}{{/items}}
        {{/main}}{{/layout}}
        """)
        #expect(TemplatePartials.names(in: template) == ["layout", "partials/item", "partials/empty"])
        #expect(TemplatePartials.position(of: "partials/empty", in: template.description) == SourcePosition(line: 3, column: 11))
    }

    /// Builds check the partials of a site's own templates only: the default
    /// theme's must all be there.
    @Test func everyPartialTheDefaultThemeNamesIsInIt() throws {
        let paths = Set(DefaultTheme.base64Files.map(\.path))
        for (path, base64) in DefaultTheme.base64Files where path.hasSuffix(".mustache") {
            let text = try #require(String(data: Data(base64Encoded: base64)!, encoding: .utf8))
            for partial in TemplatePartials.names(in: try MustacheTemplate(string: text)) {
                #expect(paths.contains(partial + ".mustache"), "\(path) names the partial \(partial)")
            }
        }
        #expect(paths.count > 15)
    }

    @Test func aMissingPartialIsAnErrorNotAnEmptyString() {
        let scratch = TemporaryFolder()
        let root = makeSite(["Content/pages/p.md": "---\ntitle: P\n---\n",
                             "Templates/page.mustache": "{{<layout}}{{$main}}\n{{#page}}\n  {{>partials/lits}}\n{{/page}}\n{{/main}}{{/layout}}\n"], in: scratch)
        let report = build(root)
        #expect(report.diagnostics.map(\.description) == [
            "Templates/page.mustache:3:3: error: no template 'partials/lits' for this partial (did you mean 'partials/list', 'partials/item'?)",
        ])
        #expect(!FileManager.default.fileExists(atPath: root.appending(path: "Output").path))
    }

    @Test func aSyntaxErrorNamesTheTemplateAndLine() {
        let scratch = TemporaryFolder()
        let root = makeSite(["Content/pages/p.md": "---\ntitle: P\n---\n", "Templates/page.mustache": "<p>\n{{#page}}\n{{title}\n"], in: scratch)
        let report = Almanac.check(Almanac.Options(root: root))
        #expect(report.diagnostics.map(\.description) == ["Templates/page.mustache:3:8: error: template syntax: a tag is not closed"])
    }

    /// A theme's own template reads text values as Mustache strings: escaped,
    /// transformed, and inside a section that shows one, the enclosing keys.
    @Test func aThemeReadsTextAsStrings() throws {
        let scratch = TemporaryFolder()
        let root = makeSite([
            "Content/pages/p.md": "---\ntitle: Tea & <Cake>\nsummary: Short\n---\n",
            "Templates/page.mustache": """
            {{<layout}}{{$main}}
            <p id="t">{{uppercased(entry.title)}}|{{#entry.summary}}{{.}} of {{entry.title}}{{/entry.summary}}|{{^entry.summary}}none{{/entry.summary}}|{{{entry.title}}}</p>
            {{/main}}{{/layout}}
            """,
        ], in: scratch)
        let report = build(root)
        #expect(report.diagnostics.filter(\.isError).isEmpty)
        let html = try String(contentsOf: root.appending(path: "Output/pages/p.html"), encoding: .utf8)
        #expect(html.contains("<p id=\"t\">TEA &amp; &lt;CAKE&gt;|Short of Tea &amp; &lt;Cake&gt;||Tea & <Cake></p>"))
    }

    /// A theme's own `partials/header` is what every page shows above `<main>`:
    /// rendered once per depth, section and breadcrumb trail, each page still
    /// gets its own links, current section and breadcrumbs.
    @Test func aThemesHeaderShowsEachPagesSectionAndTrail() throws {
        let scratch = TemporaryFolder()
        let root = makeSite([
            "Content/pages/p.md": "---\ntitle: P\n---\n",
            "Content/actors/a.md": "---\ntitle: A\nkind: person\nsources: [s]\n---\n",
            "Content/sources/s.md": "---\ntitle: S\npublication: Pub\n---\n",
            "Templates/partials/header.mustache": """
            <p id="h">{{site.title}}|{{page.root}}|{{#nav}}{{#current}}{{title}}{{/current}}{{/nav}}|{{#breadcrumbs}}{{#items}}{{title}}={{url}};{{/items}}{{/breadcrumbs}}</p>

            """,
        ], in: scratch)
        let report = build(root)
        #expect(report.diagnostics.filter(\.isError).isEmpty)
        func header(_ path: String) throws -> String? {
            let html = try String(contentsOf: root.appending(path: "Output/" + path), encoding: .utf8)
            return html.split(separator: "\n").first { $0.hasPrefix("<p id=\"h\">") }.map(String.init)
        }
        #expect(try header("index.html") == "<p id=\"h\">Test|||</p>")
        #expect(try header("actors/index.html") == "<p id=\"h\">Test|../|Actors|</p>")
        #expect(try header("actors/a.html") == "<p id=\"h\">Test|../|Actors|Home=../index.html;Actors=../actors/index.html;</p>")
        #expect(try header("sources/s.html") == "<p id=\"h\">Test|../|Sources|Home=../index.html;Sources=../sources/index.html;</p>")
        #expect(try header("pages/p.html") == "<p id=\"h\">Test|../||Home=../index.html;</p>")
        #expect(try header("timeline.html") == "<p id=\"h\">Test||Timeline|</p>")
    }

    /// `{{name}}` on an object or a list shows nothing: Swift's description of
    /// it named internal types and listed a dictionary's keys in an order that
    /// changed between runs, so `build --check` found a fresh build stale.
    @Test func anObjectOrAListShownAsTextIsNothing() throws {
        let scratch = TemporaryFolder()
        let root = makeSite(["Content/actors/a.md": "---\ntitle: A\nkind: person\n---\n",
                             "Templates/home.mustache": "[{{.}}|{{site}}|{{counts}}|{{#counts}}{{.}}{{label}}{{/counts}}|{{{page}}}]\n"], in: scratch)
        #expect(build(root).succeeded)
        let home = try String(contentsOf: root.appending(path: "Output/index.html"), encoding: .utf8)
        #expect(home == "[|||eventsactorpollssources|]\n")  // one actor: "actor"
        #expect(Almanac.checkOutput(Almanac.Options(root: root)).comparison?.isCurrent == true)
    }
}
