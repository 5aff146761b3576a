import Foundation
import Testing
@testable import AlmanacKit

/// swift-mustache renders a partial that includes itself, and sections nested
/// thousands deep, by recursion until the stack overflows: the theme is
/// refused when it is loaded, in `build` and `check` alike, at the tag.
@Suite struct TemplateRecursionTests {
    static let page = "Content/pages/p.md"

    func problems(_ templates: [String: String]) -> (build: [String], check: [String]) {
        let scratch = TemporaryFolder()
        var files = [TemplateRecursionTests.page: "---\ntitle: P\n---\n"]
        for (path, text) in templates { files["Templates/" + path] = text }
        let root = makeSite(files, in: scratch)
        let built = build(root)
        #expect(!FileManager.default.fileExists(atPath: root.appending(path: "Output").path))
        let checked = Almanac.check(Almanac.Options(root: root))
        return (built.diagnostics.map(\.description), checked.diagnostics.map(\.description))
    }

    @Test func aPartialThatIncludesItself() {
        let found = problems(["page.mustache": "{{<layout}}{{$main}}\n  {{>partials/loop}}\n{{/main}}{{/layout}}\n",
                              "partials/loop.mustache": "<li>\n{{#page}}{{>partials/loop}}{{/page}}</li>\n"])
        let expected = ["Templates/partials/loop.mustache:2:10: error: partial 'partials/loop' includes this template again "
            + "(partials/loop → partials/loop); a template must not include itself, directly or through other partials"]
        #expect(found.build == expected)
        #expect(found.check == expected)
    }

    @Test func partialsThatIncludeEachOtherAreReportedOnce() {
        let found = problems(["page.mustache": "{{<layout}}{{$main}}{{>partials/a}}{{/main}}{{/layout}}",
                              "partials/a.mustache": "a {{>partials/b}}", "partials/b.mustache": "b\n{{#x}}{{>partials/a}}{{/x}}"])
        #expect(found.build == ["Templates/partials/b.mustache:2:7: error: partial 'partials/a' includes this template again "
            + "(partials/a → partials/b → partials/a); a template must not include itself, directly or through other partials"])
    }

    /// Through the default theme: the site's own list includes the default mentions, which includes the list.
    @Test func aCycleThroughTheDefaultThemeIsReportedInTheSitesTemplate() {
        let found = problems(["partials/list.mustache": "<ul>{{>partials/mentions}}</ul>"])
        #expect(found.build == ["Templates/partials/list.mustache:1:5: error: partial 'partials/mentions' includes this template again "
            + "(partials/list → partials/mentions → partials/list); a template must not include itself, directly or through other partials"])
    }

    @Test func aLayoutThatExtendsItself() {
        let found = problems(["layout.mustache": "<html>{{<layout}}{{$main}}x{{/main}}{{/layout}}</html>"])
        #expect(found.build == ["Templates/layout.mustache:1:7: error: partial 'layout' includes this template again "
            + "(layout → layout); a template must not include itself, directly or through other partials"])
    }

    @Test func sectionsThousandsDeep() {
        let deep = String(repeating: "{{#page}}", count: 5000) + "x" + String(repeating: "{{/page}}", count: 5000)
        let found = problems(["page.mustache": "<p>\n" + deep + "\n"])
        #expect(found.build == ["Templates/page.mustache:2:901: error: sections nest more than 100 deep"])
        #expect(found.check == found.build)
    }

    /// Changed delimiters are followed: the sections are still counted.
    @Test func sectionsDeepBehindOtherDelimiters() {
        let deep = "{{=<% %>=}}" + String(repeating: "<%#page%>", count: 101) + String(repeating: "<%/page%>", count: 101)
        #expect(problems(["page.mustache": deep]).build == ["Templates/page.mustache:1:912: error: sections nest more than 100 deep"])
    }

    /// Delimiters set with spaces around them, Unicode's too, as swift-mustache reads them.
    @Test(arguments: ["{{= <% %> =}}", "{{=<%\u{3000}%>=}}", "{{=<%\n%>=}}"])
    func delimitersAreReadAsTheParserReadsThem(_ tag: String) {
        let deep = tag + String(repeating: "<%#page%>", count: 3000) + String(repeating: "<%/page%>", count: 3000)
        let found = problems(["page.mustache": deep]).build
        #expect(found.count == 1 && found.first?.hasSuffix("error: sections nest more than 100 deep") == true, "\(found)")
    }

    /// Partials that each nest a little add up.
    @Test func nestingAddsUpThroughPartials() {
        var templates = ["page.mustache": "{{<layout}}{{$main}}{{>partials/p1}}{{/main}}{{/layout}}"]
        for level in 1...12 {
            let inner = level < 12 ? "{{>partials/p\(level + 1)}}" : "{{title}}"
            templates["partials/p\(level).mustache"] = String(repeating: "{{#page}}", count: 8) + inner + String(repeating: "{{/page}}", count: 8)
        }
        let found = problems(templates).build
        #expect(found.count == 1)
        #expect(found.first?.contains("error: partial 'partials/p") == true && found.first?.contains("at most 100 may stand one inside another") == true)
    }

    @Test func aDynamicPartialIsRefused() {
        #expect(problems(["page.mustache": "{{<layout}}{{$main}}{{>*page.title}}{{/main}}{{/layout}}"]).build == [
            "Templates/page.mustache:1:21: error: dynamic partial '*page.title': its template is chosen by the data, so Almanac cannot check it for recursion; name the partial",
        ])
    }

    /// The default theme includes no template twice on any path.
    @Test func theDefaultThemeHasNoCycle() throws {
        var templates: [String: TemplateGraph.Template] = [:]
        for (path, base64) in DefaultTheme.base64Files where path.hasSuffix(".mustache") {
            let text = try #require(String(data: Data(base64Encoded: base64)!, encoding: .utf8))
            templates[String(path.dropLast(".mustache".count))] = .init(origin: path, text: text, template: try .init(string: text))
        }
        var graph = TemplateGraph(templates: templates, own: Set(templates.keys))
        graph.check()
        #expect(graph.diagnostics.isEmpty)
    }
}
