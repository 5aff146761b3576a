import Foundation
import Testing
@testable import AlmanacKit

/// The interface strings: the built-in tables, what templates name, a site's own strings.
@Suite struct InterfaceTests {
    @Test func everyBuiltInTableParsesWithoutAProblem() throws {
        for (path, base64) in DefaultTheme.base64Files where DefaultStrings.language(of: path) != nil {
            var diagnostics: [Diagnostic] = []
            let data = try #require(Data(base64Encoded: base64))
            let text = try #require(String(data: data, encoding: .utf8))
            #expect(StringTable.parse(text, origin: path, diagnostics: &diagnostics) != nil, "\(path)")
            #expect(diagnostics.isEmpty, "\(path): \(diagnostics)")
        }
        #expect(Set(DefaultStrings.tables.keys) == ["en", "ru", "kk"])
    }

    /// Russian and Kazakh give every string, in the shape English has, and no other.
    @Test(arguments: ["ru", "kk"])
    func aBuiltInLanguageHasEveryString(_ language: String) throws {
        let english = try #require(DefaultStrings.tables["en"])
        let table = try #require(DefaultStrings.tables[language])
        #expect(Set(english.items.keys).subtracting(table.items.keys).sorted() == [])
        #expect(Set(table.items.keys).subtracting(english.items.keys).sorted() == [])
        let (interface, diagnostics) = Interface.load(language: language, own: [:])
        #expect(diagnostics == [])
        #expect(interface.list("months").count == 12 && interface.list("months_of_day").count == 12 && interface.list("months_short").count == 12)
        // Every `{name}` of the English string is in the translation.
        for (key, item) in english.items {
            guard case .plain(let text) = item.text, case .plain(let translated)? = table.items[key]?.text else { continue }
            for name in InterfaceTests.placeholders(text) {
                #expect(translated.contains("{\(name)}"), "\(language).yml '\(key)' lacks {\(name)}")
            }
        }
    }

    static func placeholders(_ text: String) -> [String] {
        text.matches(of: /\{([a-z_]+)\}/).map { String($0.output.1) }
    }

    /// A `{{t.KEY}}` whose key the English table lacks would render as nothing.
    @Test func everyStringTheDefaultTemplatesNameIsInTheEnglishTable() throws {
        let english = try #require(DefaultStrings.tables["en"])
        var named: Set<String> = []
        for (path, base64) in DefaultTheme.base64Files where path.hasSuffix(".mustache") {
            let text = String(decoding: try #require(Data(base64Encoded: base64)), as: UTF8.self)
            for match in text.matches(of: /\{\{\s*t\.([a-z0-9_]+)\s*\}\}/) { named.insert(String(match.output.1)) }
        }
        #expect(!named.isEmpty)
        #expect(named.subtracting(english.items.keys).sorted() == [])
    }

    /// The user guide lists every key a site can override.
    @Test func theGuideListsEveryKey() throws {
        let guide = Fixtures.folder.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appending(path: "docs/guide.md")
        let text = try String(contentsOf: guide, encoding: .utf8)
        let english = try #require(DefaultStrings.tables["en"])
        let unlisted = english.items.keys.filter { !text.contains("`\($0)`") }.sorted()
        #expect(unlisted == [], "add these keys of Templates/i18n/en.yml to the list in docs/guide.md, 'The interface language'")
    }

    @Test func placeholdersAreFilledOnceAndUnknownOnesKept() {
        #expect(Interface.fill("{a} and {b}", ["a": "{b}", "b": "x"]) == "{b} and x")
        #expect(Interface.fill("{missing} {", [:]) == "{missing} {")
    }

    /// A site's own file changes the strings it gives and nothing else.
    @Test func aSitesOwnStringsOverrideTheBuiltInOnes() throws {
        let scratch = TemporaryFolder()
        let root = makeSite([
            "Content/site.yml": "title: Тест\nlanguage: ru\n",
            "Content/actors/a.md": "---\ntitle: А\nkind: person\n---\nА.\n",
            "Content/events/e.md": "---\ntitle: Е\ndate: 2022-03-06\nactors: [a]\n---\nСм. <actor:a>.\n",
            "Templates/i18n/ru.yml": "referenced_by: Ссылаются\ndate_day: \"{day}.{month}.{year}\"\nmonths_of_day: [I, II, III, IV, V, VI, VII, VIII, IX, X, XI, XII]\n",
        ], in: scratch)
        let report = build(root)
        #expect(report.succeeded && !report.diagnostics.contains { $0.path.hasPrefix("Templates") }, "\(report.diagnostics)")
        let actor = String(decoding: try Data(contentsOf: root.appending(path: "Output/actors/a.html")), as: UTF8.self)
        #expect(actor.contains("<h2 id=\"referenced-by\">Ссылаются</h2>"))
        #expect(actor.contains(">6.III.2022</time>"))
        #expect(actor.contains("<h2 id=\"events\">События</h2>"), "the strings the site does not give stay Russian")
    }

    /// One warning names every string a site's table lacks; those are in English.
    @Test func missingStringsFallBackToEnglishWithOneWarning() throws {
        let scratch = TemporaryFolder()
        let root = makeSite([
            "Content/site.yml": "title: Test\nlanguage: de\n",
            "Content/actors/a.md": "---\ntitle: A\nkind: person\n---\nA.\n",
            "Templates/i18n/de.yml": "nav_actors: Akteure\nfact_kind: Art\n",
        ], in: scratch)
        let report = build(root)
        #expect(report.succeeded)
        let warnings = report.diagnostics.filter { $0.message.contains("missing, shown in English") }
        #expect(warnings.count == 1, "\(report.diagnostics)")
        #expect(warnings.first?.path == "Templates/i18n/de.yml")
        let english = try #require(DefaultStrings.tables["en"])
        #expect(warnings.first?.message.hasPrefix("\(english.items.count - 2) interface strings missing") == true)
        let actor = String(decoding: try Data(contentsOf: root.appending(path: "Output/actors/a.html")), as: UTF8.self)
        #expect(actor.contains("<dt>Art</dt>") && actor.contains(">Akteure</a>") && actor.contains(">Timeline</a>"))
        #expect(actor.contains("<html lang=\"de\">"))
    }

    @Test func aLanguageWithoutATableIsEnglishWithOneWarning() throws {
        let scratch = TemporaryFolder()
        let root = makeSite(["Content/site.yml": "title: Test\nlanguage: fr\n"], in: scratch)
        let report = build(root)
        #expect(report.succeeded)
        #expect(report.diagnostics.filter { $0.path == "Content/site.yml" }.map(\.description) == [
            "Content/site.yml: warning: no interface strings for the language 'fr' (built in: en, kk, ru): the interface is in English; "
                + "add Templates/i18n/fr.yml to translate it (see `almanac theme export`)",
        ])
        let home = String(decoding: try Data(contentsOf: root.appending(path: "Output/index.html")), as: UTF8.self)
        #expect(home.contains(">Timeline</a>"))
    }

    /// Errors at their line and column; nothing is built.
    @Test func aMalformedOrMisshapenTableIsAnErrorAtItsLine() throws {
        let scratch = TemporaryFolder()
        let root = makeSite([
            "Content/site.yml": "title: Test\nlanguage: ru\n",
            "Templates/i18n/ru.yml": "nav_home: Домой\ncount_events: [a, b]\nmonths: [a, b]\nreferenced_byy: x\n",
            "Templates/i18n/kk.yml": "nav_home: \"unclosed\n",
            "Templates/i18n/notes.txt": "x\n",
        ], in: scratch)
        let output = scratch.url.appending(path: "Output")
        let report = build(root, output: output)
        #expect(!report.succeeded)
        #expect(!FileManager.default.fileExists(atPath: output.path))
        let lines = report.diagnostics.map(\.description)
        #expect(lines.contains("Templates/i18n/ru.yml:2:1: error: 'count_events' must be one text or plural forms (one:, few:, many:, other:)"), "\(lines)")
        #expect(lines.contains("Templates/i18n/ru.yml:3:1: error: 'months' must be a list of 12 texts"))
        #expect(lines.contains("Templates/i18n/ru.yml:4:1: warning: no interface string 'referenced_byy'; ignored (did you mean 'referenced_by'?)"))
        #expect(lines.contains { $0.hasPrefix("Templates/i18n/kk.yml:") && $0.contains(": error: YAML syntax") }, "\(lines)")
        #expect(lines.contains { $0.hasPrefix("Templates/i18n/notes.txt: error: not an interface strings file") })
    }

    /// `theme export` writes the string tables with the templates, and an unchanged export builds the same site.
    @Test func themeExportWritesTheStringTables() throws {
        let scratch = TemporaryFolder()
        let (written, _) = try ThemeExport.export(to: scratch.url.appending(path: "Templates"), force: false)
        #expect(Set(written).isSuperset(of: ["i18n/en.yml", "i18n/ru.yml", "i18n/kk.yml"]))
        let root = makeSite(["Content/site.yml": "title: Test\nlanguage: kk\n"], in: scratch)
        let report = build(root)
        #expect(report.succeeded && !report.diagnostics.contains { $0.path.hasPrefix("Templates") }, "\(report.diagnostics)")
    }
}
