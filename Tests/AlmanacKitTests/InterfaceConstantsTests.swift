import Testing
import Foundation
@testable import AlmanacKit

/// `{{t.KEY}}` is written into the templates once the language is known: the
/// page must read exactly as if each string had been looked up.
@Suite struct InterfaceConstantsTests {
    let interface = Interface(language: "en", texts: [
        "plain": .plain("Referenced by"), "quote": .plain("Tom & \"Jerry\" <b>"),
        "line": .plain("two\nlines"), "brace": .plain("{count} results"),
    ])

    @Test func variablesAreWrittenInEscapedOrAsTheyAre() {
        let text = "<h2>{{t.plain}}</h2>{{ t.quote }}|{{{t.quote}}}|{{& t.quote}}"
        #expect(InterfaceConstants.fold(text, interface) == "<h2>Referenced by</h2>Tom &amp; &quot;Jerry&quot; &lt;b&gt;|Tom & \"Jerry\" <b>|Tom & \"Jerry\" <b>")
    }

    @Test func whatALookupCouldRenderDifferentlyIsLeft() {
        for text in ["{{#t.plain}}x{{/t.plain}}", "{{^t.plain}}x{{/t.plain}}", "{{t.missing}}", "{{t.line}}", "{{t.brace}}",
                     "{{{t.plain}}", "{{{&t.plain}}}", "{{uppercased(t.plain)}}", "{{site.title}}", "{{=<% %>=}}<% t.plain %>{{t.plain}}",
                     "{{% CONTENT_TYPE: TEXT }}{{t.plain}}"] {
            #expect(InterfaceConstants.fold(text, interface) == text, "\(text)")
        }
    }

    @Test func aFoldedThemeRendersWhatTheThemeDoes() throws {
        let (theme, diagnostics) = Theme.load(root: URL(fileURLWithPath: "/nonexistent-site-root"))
        #expect(diagnostics.isEmpty)
        let loaded = try #require(theme)
        for language in ["en", "ru"] {
            let interface = Interface.load(language: language, own: [:]).0
            let folded = InterfaceConstants.fold(loaded, interface)
            #expect(folded.texts.keys.contains { folded.library.getTemplate(named: $0) != nil })
            let context: TemplateContext = ["t": InterfaceText(interface: interface), "cite": ["title": "X"] as TemplateContext,
                                            "referenced_by": true, "mentioned_in": ["heading": true] as TemplateContext]
            for name in loaded.texts.keys.sorted() where name.hasPrefix("partials/") {
                let text = loaded.render(name, context)
                #expect(folded.render(name, context) == text, "\(name)")
            }
        }
    }
}
