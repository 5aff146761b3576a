import Foundation
import Testing
@testable import AlmanacKit

/// The `almanac` executable as a user runs it: exit codes, `new`, `render`.
@Suite struct CommandLineTests {
    @Test func exitStatusSaysWhatWentWrong() throws {
        let scratch = TemporaryFolder()
        let root = makeSite(["Content/pages/about.md": "---\ntitle: About\n---\nHi.\n"], in: scratch)
        #expect(try AlmanacBinary.run(["check", "--root", root.path]).status == 0)
        #expect(try AlmanacBinary.run(["build", "--frobnicate"]).status == 2)
        #expect(try AlmanacBinary.run(["new", "widget", "x"]).status == 2)
        #expect(try AlmanacBinary.run(["build", "--jobs", "0"]).status == 2)
        scratch.write("Content/pages/broken.md", "---\ntitle: [\n---\n")
        let failed = try AlmanacBinary.run(["check", "--root", root.path])
        #expect(failed.status == 1)
        #expect(failed.stderr.hasPrefix("Content/pages/broken.md:3:1: error: YAML syntax:"))
        #expect(!failed.stderr.contains("Fatal error"))
    }

    @Test func newScaffoldsAValidEntryOfEachKind() throws {
        let scratch = TemporaryFolder()
        for (kind, slug) in [("actor", "jane-doe"), ("source", "an-article"), ("event", "a-meeting"), ("poll", "a-survey"), ("page", "about")] {
            let run = try AlmanacBinary.run(["new", kind, slug, "--root", scratch.url.path])
            #expect(run.status == 0, "\(kind): \(run.stderr)")
            #expect(FileManager.default.fileExists(atPath: scratch.url.appending(path: "Content/\(kind)s/\(slug).md").path))
        }
        // The scaffolded source is not cited yet, and what `new` wrote to be replaced
        // is still there: warnings, not errors.
        let check = try AlmanacBinary.run(["check", "--root", scratch.url.path])
        #expect(check.status == 0, "\(check.stderr)")
        let warnings = check.stderr.split(separator: "\n")
        #expect(warnings.contains("Content/sources/an-article.md: warning: source 'an-article' is not cited or mentioned by any entry"))
        #expect(warnings.contains { $0.hasPrefix("Content/events/a-meeting.md:4:1: warning: 'date' is still the placeholder that almanac new wrote") })
        #expect(warnings.contains { $0.hasPrefix("Content/polls/a-survey.md:3:1: warning: 'summary' is still the placeholder") })
        #expect(warnings.contains { $0.hasPrefix("Content/polls/a-survey.md:9:1: warning: this item of 'results' is still the placeholder") })
        for kind in ["actor", "source", "event", "poll", "page"] {
            #expect(warnings.contains { $0.hasPrefix("Content/\(kind)s/") && $0.contains("the text is still the placeholder") }, "\(kind)")
        }
        // Once the author has written the entry, its warnings are gone.
        scratch.write("Content/pages/about.md", "---\ntitle: \"About\"\nsummary: \"What this is.\"\n---\n\nA site about meetings.\n")
        let edited = try AlmanacBinary.run(["check", "--root", scratch.url.path])
        #expect(!edited.stderr.contains("Content/pages/about.md"), "\(edited.stderr)")
        let again = try AlmanacBinary.run(["new", "actor", "jane-doe", "--root", scratch.url.path])
        #expect(again.status == 1 && again.stderr.contains("already exists"))
        #expect(try AlmanacBinary.run(["new", "actor", "Jane Doe", "--root", scratch.url.path]).status == 2)
    }

    /// Outside a site, `almanac render` is cmark: compared with Debian's `cmark` CLI.
    @Test(arguments: [false, true])
    func renderPrintsWhatCmarkPrints(unsafe: Bool) throws {
        let cmark = ["/usr/bin/cmark", "/usr/local/bin/cmark"].first { FileManager.default.isExecutableFile(atPath: $0) }
        let path = try #require(cmark, "the cmark CLI is needed (scripts/bootstrap --test installs it)")
        let documents = [
            "# Title\n\nSome *emphasis*, **strong**, `code` and a [link](https://example.org \"t\").\n",
            "Raw <span class=\"x\">HTML</span> and a block:\n\n<div>\n*not* parsed\n</div>\n",
            "[click](javascript:alert(1)) ![img](data:image/png;base64,AAA) <https://a.example/?q=1&r=2>\n",
            "> quote\n> > nested\n\n1. one\n2. two\n   - a\n   - b\n\n```swift\nlet x = 1 < 2\n```\n",
            "Entities &amp; &copy; &#35; \\*escaped\\*\n\n---\n\nSetext\n======\n\n    indented code\n",
            "[ref] and [Ref]\n\n[ref]: /url 'title'\n\nHard  \nbreak and soft\nbreak. Ünïcödé — “quotes”.\n",
            String(repeating: "[", count: 200) + String(repeating: "*a", count: 200) + "\n",
        ]
        let scratch = TemporaryFolder()
        for (index, document) in documents.enumerated() {
            let file = scratch.write("doc\(index).md", document)
            var arguments = ["render", file.path]
            if unsafe { arguments.append("--unsafe") }
            let ours = try AlmanacBinary.run(arguments, in: scratch.url)
            #expect(ours.status == 0)
            let process = Process()
            process.executableURL = URL(fileURLWithPath: path)
            process.arguments = (unsafe ? ["--unsafe"] : []) + [file.path]
            let pipe = Pipe()
            process.standardOutput = pipe
            try process.run()
            let expected = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            #expect(ours.stdout == expected, "document \(index)")
        }
    }

    /// Bytes that are not UTF-8 pass through as cmark passes them, byte for byte.
    @Test func renderPassesBytesThroughAsCmarkDoes() throws {
        let cmark = ["/usr/bin/cmark", "/usr/local/bin/cmark"].first { FileManager.default.isExecutableFile(atPath: $0) }
        let path = try #require(cmark, "the cmark CLI is needed (scripts/bootstrap --test installs it)")
        let scratch = TemporaryFolder()
        let file = scratch.url.appending(path: "bytes.md")
        try Data([0x61, 0x20, 0xFF, 0xFE, 0x20, 0x2A, 0x78, 0xC3, 0x2A, 0x0A, 0x0A, 0x00, 0x0A, 0xE2, 0x82, 0x0A]).write(to: file)
        func output(_ executable: URL, _ arguments: [String]) throws -> Data {
            let process = Process()
            process.executableURL = executable
            process.arguments = arguments
            process.currentDirectoryURL = scratch.url
            let pipe = Pipe()
            process.standardOutput = pipe
            try process.run()
            let data = pipe.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            return data
        }
        let expected = try output(URL(fileURLWithPath: path), [file.path])
        #expect(try output(AlmanacBinary.url, ["render", file.path]) == expected)
        #expect(expected.contains(0xFF))
    }

    @Test func renderInsideASiteResolvesReferences() throws {
        let scratch = TemporaryFolder()
        let root = makeSite(["Content/actors/csto.md": "---\ntitle: CSTO\nkind: organization\n---\nAlliance.\n"], in: scratch)
        let run = try AlmanacBinary.run(["render", "--root", root.path], input: "---\ntitle: x\n---\nThe <actor:csto> met [here](Actor:csto#history).\n")
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout == "<p>The <a href=\"actors/csto.html\">CSTO</a> met <a href=\"actors/csto.html#history\">here</a>.</p>\n")
        let broken = try AlmanacBinary.run(["render", "--root", root.path], input: "See <actor:cstp>.\n")
        #expect(broken.status == 1)
        #expect(broken.stderr.contains("<stdin>:1:5: error: no actor 'cstp' in this site (did you mean 'csto'?)"))
    }
}
