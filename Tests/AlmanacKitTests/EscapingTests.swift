import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import AlmanacKit

/// Front matter is text wherever it goes; raw HTML and script-running links never reach a page.
@Suite struct EscapingTests {
    static let nasty = "<script>alert(1)</script>\" onmouseover=\"x'&amp;</script><!--"

    /// A site whose every front-matter string is `nasty`.
    func nastySite(in scratch: TemporaryFolder, unsafeHTML: Bool = false) -> URL {
        let q = "\"" + EscapingTests.nasty.replacingOccurrences(of: "\"", with: "\\\"") + "\""
        return makeSite([
            "Content/site.yml": "title: \(q)\ndescription: \(q)\nbase_url: https://example.org/\nunsafe_html: \(unsafeHTML)\n",
            "Content/index.md": "---\ntitle: \(q)\nsummary: \(q)\n---\n",
            "Content/actors/a.md": "---\ntitle: \(q)\nsummary: \(q)\nkind: person\nrole: \(q)\ncountry: \(q)\naliases: [\(q)]\n---\nText.\n",
            "Content/events/e.md": "---\ntitle: \(q)\nsummary: \(q)\ndate: 2022-03-06\nplaces: [\(q)]\nactors: [a]\nsources: [s]\n---\nSee <actor:a>.\n",
            "Content/sources/s.md": "---\ntitle: \(q)\npublication: \(q)\nauthor: \(q)\nurl: \"https://example.org/?a=<b>&c=\\\"\"\n---\n",
            "Content/polls/p.md": "---\ntitle: \(q)\npollster: a\ndate: 2022\nmethod: \(q)\npopulation: \(q)\nquestion: \(q)\nresults:\n  - {answer: \(q), percent: 50}\n---\n",
            "Content/pages/g.md": "---\ntitle: \(q)\nsummary: \(q)\n---\n",
        ], in: scratch)
    }

    @Test func frontMatterIsTextEverywhere() throws {
        let scratch = TemporaryFolder()
        let root = nastySite(in: scratch)
        let report = build(root)
        #expect(report.succeeded, "\(report.diagnostics)")
        let files = tree(root.appending(path: "Output"))
        for page in ["index.html", "actors/a.html", "events/e.html", "sources/s.html", "polls/p.html", "pages/g.html",
                     "timeline.html", "actors/index.html", "polls/index.html", "sources/index.html", "search.html", "404.html",
                     "feed.xml", "search-index.js"] {
            let text = String(decoding: try #require(files[page], "\(page)"), as: UTF8.self)
            #expect(!text.contains("<script>alert"), "\(page)")
            #expect(!text.contains("onmouseover=\""), "\(page)")
            #expect(!text.contains("</script><!--"), "\(page)")
        }
        let page = String(decoding: files["actors/a.html"]!, as: UTF8.self)
        #expect(page.contains(">&lt;script&gt;alert(1)&lt;/script&gt;&quot; onmouseover=&quot;x&#39;&amp;amp;&lt;/script&gt;&lt;!--</h1>"))
        #expect(page.contains("content=\"&lt;script&gt;alert(1)"))
    }

    @Test func theSearchIndexKeepsTitlesAsDataThatCannotCloseAScript() throws {
        let scratch = TemporaryFolder()
        let root = nastySite(in: scratch)
        #expect(build(root).succeeded)
        let script = String(decoding: tree(root.appending(path: "Output"))["search-index.js"]!, as: UTF8.self)
        #expect(!script.contains("<") && !script.contains(">") && !script.contains("&"))
        // The data is the same once parsed.
        struct Index: Decodable { let docs: [String] }
        let json = script.dropFirst("window.ALMANAC_SEARCH = ".count).dropLast(2)
        let index = try JSONDecoder().decode(Index.self, from: Data(json.utf8))
        // Each doc is `KIND TAB slug TAB title TAB ...`.
        #expect(index.docs.contains { $0.split(separator: "\t", omittingEmptySubsequences: false)[2] == EscapingTests.nasty })
    }

    @Test func theFeedIsWellFormedXMLWithTheTitleAsText() throws {
        let scratch = TemporaryFolder()
        let root = nastySite(in: scratch)
        scratch.write("Content/events/control.md", "---\ntitle: Control\ndate: 2022\n---\nA bell \u{7} and an escape \u{1B}[0m in a body.\n")
        #expect(build(root).succeeded)
        let feed = tree(root.appending(path: "Output"))["feed.xml"]!
        let parser = XMLParser(data: feed)
        #expect(parser.parse(), "\(String(describing: parser.parserError))")
        let text = String(decoding: feed, as: UTF8.self)
        #expect(text.contains("<title>&lt;script&gt;alert(1)"))
        #expect(!text.unicodeScalars.contains { AllowedText.isForbidden($0) })
    }

    @Test(arguments: [false, true])
    func dangerousLinksAreNeutralizedEvenWithUnsafeHTML(_ unsafeHTML: Bool) throws {
        let scratch = TemporaryFolder()
        let body = """
        [a](javascript:alert(1)) [b](JaVaScRiPt:alert(1)) [c](vbscript:msgbox) [d](data:text/html,<script>x</script>)
        [e]( javascript:x) <javascript:alert(2)> [f](file:///etc/passwd) ![g](data:image/svg+xml,<svg/onload=x>)
        ![ok](data:image/png;base64,AAAA) [fine](https://example.org/)

        <script>alert(3)</script>
        <p onclick="x">raw</p>
        """
        let root = makeSite(["Content/site.yml": "title: T\nunsafe_html: \(unsafeHTML)\n", "Content/pages/p.md": "---\ntitle: P\n---\n\(body)\n"], in: scratch)
        #expect(build(root).succeeded)
        let page = String(decoding: tree(root.appending(path: "Output"))["pages/p.html"]!, as: UTF8.self)
        for scheme in ["javascript:", "vbscript:", "data:text", "data:image/svg", "file:"] {
            #expect(!page.lowercased().contains("href=\"\(scheme)") && !page.lowercased().contains("src=\"\(scheme)"), "\(scheme)")
        }
        #expect(page.contains("<img src=\"data:image/png;base64,AAAA\" alt=\"ok\" />"))
        #expect(page.contains("<a href=\"https://example.org/\">fine</a>"))
        #expect(page.contains("<script>alert(3)</script>") == unsafeHTML)
        #expect(page.contains("<p onclick=\"x\">raw</p>") == unsafeHTML)
        if !unsafeHTML { #expect(page.contains("<!-- raw HTML omitted -->")) }
    }
}
