import Foundation
import Testing
@testable import AlmanacKit

/// Text from a site reaches readers' pages and users' terminals: control
/// characters never reach a page raw, a name never forges a second line of
/// diagnostics or sends a terminal a command, and words are indexed cut short.
@Suite struct TextSafetyTests {
    /// A YAML escape puts BEL, ESC, NUL or VT in a title; a body holds them raw.
    @Test func controlCharactersReachNoFileOfTheOutput() throws {
        let scratch = TemporaryFolder()
        let root = makeSite([
            "Content/site.yml": "title: \"Site\\e[2J\"\nbase_url: https://example.org/\n",
            "Content/actors/ann.md": "---\ntitle: \"Ann\\a\\0 \\e[31mRed\\v\"\nkind: person\naliases: [\"A\\x01\"]\nsummary: \"one\\x85two\"\n---\nA bell \u{7} here.\n",
        ], in: scratch)
        let report = build(root)
        #expect(report.succeeded)
        #expect(report.diagnostics.map(\.description).contains(
            "Content/actors/ann.md:2:8: warning: 'title' holds control characters (U+0000, U+0007, U+000B, U+001B), which are left out"))
        for (path, data) in tree(root.appending(path: "Output")) {
            let text = String(decoding: data, as: UTF8.self)
            #expect(!text.unicodeScalars.contains(where: AllowedText.isForbidden), "\(path)")
        }
        let page = try String(contentsOf: root.appending(path: "Output/actors/ann.html"), encoding: .utf8)
        #expect(page.contains("Ann [31mRed"))
        #expect(page.contains("A bell  here."))
    }

    /// `AllowedText.valid` reads eight bytes at a time: whatever a forbidden
    /// character's place (first, last, across two words), the result is the
    /// scalar-by-scalar filter's.
    @Test func forbiddenCharactersAreFoundAtEveryPlace() {
        let forbidden: [Unicode.Scalar] = ["\u{0}", "\u{7}", "\u{1B}", "\u{7F}", "\u{80}", "\u{85}", "\u{9F}", "\u{FFFE}", "\u{FFFF}"]
        let allowed: [Unicode.Scalar] = ["a", "\t", "\n", "\r", "\u{A0}", "\u{C2}", "\u{EF}", "\u{FFFD}", "\u{FEFF}", "ж", "😀"]
        var generator = SeededRandom(seed: 11)
        for length in 0..<40 {
            for _ in 0..<30 {
                var scalars = String.UnicodeScalarView()
                for _ in 0..<length {
                    let pool = Int.random(in: 0..<6, using: &generator) == 0 ? forbidden : allowed
                    scalars.append(pool.randomElement(using: &generator)!)
                }
                let text = String(scalars)
                let expected = String(String.UnicodeScalarView(text.unicodeScalars.filter { !AllowedText.isForbidden($0) }))
                #expect(AllowedText.valid(text) == expected, "\(Array(text.utf8))")
            }
        }
    }

    @Test func aDiagnosticIsOneLineWhateverTheNameHolds() {
        let forged = Diagnostic.error("Content/static/a\nContent/x.md:1:1: error: forged\u{1B}]0;title\u{7}", SourcePosition(line: 1, column: 2), "bad\r\u{202E}txt")
        #expect(forged.description == "Content/static/a\\nContent/x.md:1:1: error: forged\\u{1B}]0;title\\u{7}:1:2: error: bad\\r\\u{202E}txt")
        #expect(!forged.description.contains("\n"))
        #expect(Diagnostic.warning("Content/plain.md", nil, "fine").description == "Content/plain.md: warning: fine")
    }

    /// A name that is not UTF-8 cannot be reached through a `String`: it is named, with its bytes.
    @Test func aNameThatIsNotUTF8IsSaidToBeOne() throws {
        let scratch = TemporaryFolder()
        let root = makeSite(["Content/pages/p.md": "---\ntitle: P\n---\n", "Content/static/ok.css": "p {}"], in: scratch)
        let name = Array("caf".utf8) + [0xE9] + Array(".css".utf8) + [0]
        let path = root.path + "/Content/static/"
        let fd = (path.utf8CString.dropLast().map { UInt8(bitPattern: $0) } + name).withUnsafeBufferPointer { bytes in
            bytes.withMemoryRebound(to: CChar.self) { open($0.baseAddress!, O_CREAT | O_WRONLY, 0o644) }
        }
        #expect(fd >= 0)
        close(fd)
        let report = build(root)
        #expect(report.diagnostics.map(\.description) == [
            "Content/static/caf\\xE9.css: error: the file's name is not valid UTF-8 (\\xHH marks each byte that is not); rename it",
        ])
    }

    /// A pipe in the site would make the build wait for ever to read it.
    @Test func aPipeIsNotRead() throws {
        let scratch = TemporaryFolder()
        let root = makeSite(["Content/pages/p.md": "---\ntitle: P\n---\n"], in: scratch)
        try FileManager.default.createDirectory(at: root.appending(path: "Content/static"), withIntermediateDirectories: true)
        #expect(mkfifo(root.appending(path: "Content/static/pipe").path, 0o644) == 0)
        #expect(build(root).diagnostics.map(\.description) == ["Content/static/pipe: error: not a regular file (a pipe, socket or device); not read"])
    }

    @Test func aLongWordIsIndexedByItsStart() {
        let word = String(repeating: "ab", count: 1_000_000)
        #expect(SearchIndex.words("short \(word) end") == "short " + String(word.prefix(SearchIndex.wordLimit)) + " end")
        let accented = String(repeating: "é", count: 100)
        #expect(SearchIndex.words(accented) == String(repeating: "e", count: SearchIndex.wordLimit))
    }

    @Test(arguments: [
        ("https://", "has no host name (https://example.org/), not 'https://'"),
        ("https:///path", "has no host name (https://example.org/), not 'https:///path'"),
        ("https://example.org/#top", "must not have a fragment (#...), not 'https://example.org/#top'"),
        ("https://example.org/?a=1", "must not have a query (?...), not 'https://example.org/?a=1'"),
        ("\"https://example.org/a b/\"", "must not contain a space (write it as %20), not 'https://example.org/a b/'"),
        ("https://me:pw@example.org/", "must not hold a user name or password, not 'https://me:pw@example.org/'"),
        ("https://example.org:port/", "has a malformed port, not 'https://example.org:port/'"),
        ("https://exa_mple.org/", "has a malformed host name 'exa_mple.org', not 'https://exa_mple.org/'"),
        ("ftp://example.org/", "must start with http:// or https://, not 'ftp://example.org/'"),
    ])
    func aBaseURLThatGivesBrokenLinksIsRefused(_ value: String, _ problem: String) {
        let (config, diagnostics) = EntryParser.parseSiteConfig("title: T\nbase_url: \(value)\n", path: "Content/site.yml")
        #expect(config == nil)
        #expect(diagnostics.map(\.description) == ["Content/site.yml:2:11: error: 'base_url' \(problem)"])
    }

    @Test(arguments: ["https://example.org", "http://localhost:8080/site/", "https://[::1]:8443/", "https://пример.рф/a%20b/"])
    func aBaseURLThatWorksIsAccepted(_ value: String) {
        let (config, diagnostics) = EntryParser.parseSiteConfig("title: T\nbase_url: \(value)\n", path: "s")
        #expect(diagnostics.isEmpty)
        #expect(config?.baseURL?.hasPrefix(value) == true)
    }
}

extension SeededRandom: RandomNumberGenerator {}
