import Testing
@testable import AlmanacKit

@Suite struct FrontMatterTests {
    @Test func splitsYAMLFromBody() throws {
        let split = try FrontMatter.split("---\ntitle: A\n---\nBody\n")
        #expect(split.yaml == "title: A\n")
        #expect(split.body == "Body\n")
        #expect(split.bodyLineOffset == 3)
    }

    @Test func acceptsCRLFAndDotsAsClosingFence() throws {
        let split = try FrontMatter.split("---\r\ntitle: A\r\n...\r\nBody\r\n")
        #expect(split.yaml == "title: A\r\n")
        #expect(split.body == "Body\r\n")
    }

    @Test func withoutOpeningFenceAllIsBody() throws {
        let split = try FrontMatter.split("# Title\n---\n")
        #expect(split.yaml == nil)
        #expect(split.bodyLineOffset == 0)
    }

    @Test func unclosedFrontMatterIsAnError() {
        #expect(throws: FrontMatter.SplitError.unclosed) { try FrontMatter.split("---\ntitle: A\nbody\n") }
    }

    @Test func bodyLinesAreCountedFromTheFile() throws {
        let text = "---\ntitle: T\nkind: person\n---\n\nSee [x](actor:missing).\n"
        let parsed = EntryParser.parse(text, id: EntryID(.actor, "t"), path: "Content/actors/t.md")
        let entry = try #require(parsed.entry)
        let config = SiteConfig(title: "S")
        let (_, diagnostics) = Linker.link(config: config, entries: [entry], markdown: [entry.id: parsed.body], includeDrafts: false, jobs: 1)
        #expect(diagnostics.map(\.description) == ["Content/actors/t.md:6:5: error: no actor 'missing' in this site"])
    }

    @Test func byteOrderMarkAndTabsDoNotGetInTheWay() throws {
        let parsed = EntryParser.parse("---\ntitle: T\n---\n\tcode\n", id: EntryID(.page, "t"), path: "p")
        #expect(parsed.entry?.title == "T")
        #expect(TextDecoding.decode(.init([0xEF, 0xBB, 0xBF, 0x61])) == .success("a"))
        #expect(TextDecoding.decode(.init([0x61, 0xC3, 0x28])) == .failure(.invalidUTF8(byteOffset: 1)))
        #expect(TextDecoding.decode(.init([0x61, 0x00])) == .failure(.binary))
    }
}
