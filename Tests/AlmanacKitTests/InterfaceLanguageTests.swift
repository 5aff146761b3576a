import Foundation
import Testing
@testable import AlmanacKit

/// A site in Russian or Kazakh, built whole: no English word of the interface
/// is left on any page, and the output does not depend on the machine's locale.
@Suite struct InterfaceLanguageTests {
    /// The Russian fixture site (its content is Russian), in `language`.
    static func site(in scratch: TemporaryFolder, language: String) -> URL {
        let root = scratch.copy(Fixtures.site("russian"), to: "site-\(language)")
        try? FileManager.default.removeItem(at: root.appending(path: "expected"))
        let config = root.appending(path: "Content/site.yml")
        let text = String(decoding: (try? Data(contentsOf: config)) ?? Data(), as: UTF8.self)
        try! Data(text.replacingOccurrences(of: "language: ru", with: "language: \(language)").utf8).write(to: config)
        return root
    }

    /// The words of the English table that the language's own table does not
    /// also use (a name such as "JavaScript" is the same in every language).
    static func englishWords(besides language: String) -> Set<String> {
        func words(_ table: StringTable) -> Set<String> {
            var texts: [String] = []
            for item in table.items.values {
                switch item.text {
                case .plain(let text): texts.append(text)
                case .forms(let forms): texts += forms.values
                case .list(let list): texts += list
                }
            }
            let joined = texts.joined(separator: " ").replacing(/\{[a-z_]+\}/, with: " ")
            return Set(joined.split(whereSeparator: { !$0.isLetter }).map { $0.lowercased() }.filter { $0.count > 1 })
        }
        return words(DefaultStrings.tables["en"]!).subtracting(words(DefaultStrings.tables[language]!))
    }

    /// What a reader sees or hears of a page: its text outside scripts and
    /// styles, its `<title>`s, and the labels and titles of its elements; for
    /// the search page, the messages its script shows.
    static func visibleText(_ html: String) -> String {
        // Addresses (a feed entry's id) and the search script's plural rule are read by programs, not people.
        var text = html.replacing(/<id>[^<]*<\/id>/, with: " ").replacing(/&quot;plural&quot;:&quot;[a-z-]*&quot;/, with: " ")
        text = text.replacing(/<script[^>]*>.*?<\/script>/.dotMatchesNewlines(), with: " ")
        // Machine formats shown as they are (a BibTeX record), addresses and file names are no words of the interface.
        text = text.replacing(/<pre[^>]*>.*?<\/pre>/.dotMatchesNewlines(), with: " ")
        text = text.replacing(/https?:\/\/[^\s<"]+/, with: " ").replacing(/[\w-]+\.(csv|json|bib|ris)\b/, with: " ")
        text = text.replacing(/<style[^>]*>.*?<\/style>/.dotMatchesNewlines(), with: " ")
        var attributes: [String] = []
        for match in text.matches(of: /\s(?:aria-label|title|alt|data-strings)="([^"]*)"/) { attributes.append(String(match.output.1)) }
        text = text.replacing(/<[^>]*>/, with: " ") + " " + attributes.joined(separator: " ")
        for (entity, character) in [("&quot;", "\""), ("&#39;", "'"), ("&lt;", "<"), ("&gt;", ">"), ("&amp;", "&")] {
            text = text.replacingOccurrences(of: entity, with: character)
        }
        // The feed's entries carry HTML as text; the search messages are JSON, whose keys no one sees.
        // and the `{name}` in the messages is filled in before a reader sees them.
        return text.replacing(/<[^>]*>/, with: " ").replacing(/"[a-z_]+":/, with: " ").replacing(/\{[a-z_]+\}/, with: " ")
    }

    @Test(arguments: ["ru", "kk"])
    func noEnglishInterfaceWordIsLeft(_ language: String) throws {
        let scratch = TemporaryFolder()
        let root = InterfaceLanguageTests.site(in: scratch, language: language)
        let report = build(root)
        #expect(report.succeeded, "\(report.diagnostics)")
        let english = InterfaceLanguageTests.englishWords(besides: language)
        #expect(english.isSuperset(of: ["referenced", "timeline", "search", "march", "events", "results"]))
        let pages = tree(root.appending(path: "Output")).filter { $0.key.hasSuffix(".html") || $0.key == "feed.xml" }
        #expect(pages.count > 15)
        for (path, data) in pages.sorted(by: { $0.key < $1.key }) {
            let text = InterfaceLanguageTests.visibleText(String(decoding: data, as: UTF8.self))
            let found = Set(text.split(whereSeparator: { !$0.isLetter }).map { $0.lowercased() }).intersection(english)
            #expect(found.isEmpty, "\(language): \(path) shows English: \(found.sorted())")
        }
        let event = String(decoding: try Data(contentsOf: root.appending(path: "Output/events/summit.html")), as: UTF8.self)
        #expect(event.contains(language == "ru" ? ">6–8 марта 2022</time>" : ">2022 жылғы 6–8 наурыз</time>"))
    }

    /// The built-in tables are all there is: the machine's locale and time zone change nothing.
    @Test func aRussianSiteIsTheSameWhateverTheLocale() throws {
        let scratch = TemporaryFolder()
        let root = Fixtures.site("russian")
        let variants: [[String: String]] = [
            ["LANG": "C", "LC_ALL": "C", "TZ": "UTC"],
            ["LANG": "ru_RU.UTF-8", "LC_ALL": "ru_RU.UTF-8", "TZ": "Asia/Almaty"],
            ["LANG": "kk_KZ.UTF-8", "LC_ALL": "kk_KZ.UTF-8", "TZ": "Pacific/Kiritimati"],
            ["LANG": "tr_TR.UTF-8", "LC_ALL": "tr_TR.UTF-8", "TZ": "UTC"],
        ]
        var outputs: [[String: Data]] = []
        for (index, environment) in variants.enumerated() {
            let output = scratch.url.appending(path: "out-\(index)")
            let run = try AlmanacBinary.run(["build", "--quiet", "--no-cache", "--root", root.path, "--output", output.path], environment: environment)
            #expect(run.status == 0, "\(environment): \(run.stderr)")
            outputs.append(tree(output))
        }
        #expect(outputs[0].count > 15)
        for (index, files) in outputs.enumerated().dropFirst() {
            #expect(changedFiles(outputs[0], files) == [], "\(variants[index]) differs from LANG=C")
        }
        // And it is the golden output.
        #expect(changedFiles(tree(root.appending(path: "expected")), outputs[0]) == [])
    }
}
