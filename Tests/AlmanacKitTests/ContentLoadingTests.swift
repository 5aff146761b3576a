import Foundation
import Testing
@testable import AlmanacKit

/// Cases made in a temporary folder because git cannot hold them well: bytes
/// that are not UTF-8, case-only name clashes, empty folders, line endings.
@Suite struct ContentLoadingTests {
    let good = "---\ntitle: Good\nkind: person\n---\nHello.\n"

    func messages(_ report: Almanac.Report) -> [String] { report.diagnostics.map(\.description) }

    @Test func invalidUTF8IsReportedAtItsLineColumnAndByteOffset() {
        let scratch = TemporaryFolder()
        let root = makeSite(["Content/actors/good.md": good], in: scratch)
        let file = root.appending(path: "Content/actors/latin1.md")
        try! Data("---\ntitle: Caf".utf8 + [0xE9] + Data("\nkind: person\n---\n".utf8)).write(to: file)
        #expect(messages(build(root)) == [
            "Content/actors/latin1.md:2:11: error: is not valid UTF-8: byte 14 (0xE9) starts no character; save the file as UTF-8",
        ])
    }

    @Test func binaryFilesAreRefused() {
        let scratch = TemporaryFolder()
        let root = makeSite(["Content/actors/good.md": good], in: scratch)
        try! Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13]).write(to: root.appending(path: "Content/actors/image.md"))
        #expect(messages(build(root)) == ["Content/actors/image.md: error: is a binary file, not UTF-8 text"])
    }

    @Test func slugsThatDifferOnlyInCaseAreNamed() {
        let scratch = TemporaryFolder()
        let root = makeSite(["Content/actors/good.md": good, "Content/actors/Good.md": good, "Content/actors/Other.md": good], in: scratch)
        #expect(messages(build(root)) == [
            "Content/actors/Good.md: error: 'Good' is not a valid slug: only lower-case letters a-z, digits and single hyphens between them are allowed, not capitals; it differs from good.md only in case (on macOS and Windows the two are one file): merge them or rename one",
            "Content/actors/Other.md: error: 'Other' is not a valid slug: only lower-case letters a-z, digits and single hyphens between them are allowed, not capitals; rename it to other.md",
        ])
    }

    @Test func anEmptyContentFolderIsAnError() throws {
        let scratch = TemporaryFolder()
        try FileManager.default.createDirectory(at: scratch.url.appending(path: "Content"), withIntermediateDirectories: true)
        let report = build(scratch.url)
        #expect(!report.succeeded)
        #expect(messages(report) == ["Content: error: is empty: a site needs at least Content/site.yml with a title (`almanac new page about` creates one)"])
    }

    @Test func noContentFolderIsAnError() {
        let scratch = TemporaryFolder()
        #expect(messages(build(scratch.url)) == ["Content: error: no Content/ folder here: the site's text belongs in ROOT/Content (see `almanac new`)"])
    }

    @Test func aSiteWithOnlySiteYmlBuildsWithAWarning() {
        let scratch = TemporaryFolder()
        let root = makeSite(in: scratch)
        let report = build(root)
        #expect(report.succeeded)
        #expect(messages(report) == ["Content: warning: no entries yet: add Markdown files under Content/actors, events, polls, sources or pages (see `almanac new`)"])
        #expect(FileManager.default.fileExists(atPath: root.appending(path: "Output/index.html").path))
    }

    @Test func aMissingSiteYmlStillReportsEveryOtherProblem() {
        let scratch = TemporaryFolder()
        scratch.write("Content/events/e.md", "---\ntitle: E\ndate: 2022\nactors: [nobody]\n---\n")
        #expect(messages(build(scratch.url)) == [
            "Content/events/e.md:4:10: error: no actor 'nobody' in this site",
            "Content/site.yml: error: missing: every site needs a site.yml with at least a title",
        ])
    }

    /// CRLF line endings, a byte order mark and tabs give the same site as LF, no mark, tabs.
    @Test func crlfByteOrderMarkAndTabsBuildLikeTheirPlainForm() {
        let event = "---\ntitle: \"Tabs\\tand CRLF\"\ndate: 2022-03-06\nactors: [good]\n---\nA line with a\ttab.\n\n\tindented code\n\n- [Good](actor:good)\n"
        let plain = TemporaryFolder(), windows = TemporaryFolder()
        let plainRoot = makeSite(["Content/actors/good.md": good, "Content/events/e.md": event], in: plain)
        let windowsRoot = makeSite([
            "Content/actors/good.md": "\u{FEFF}" + good.replacingOccurrences(of: "\n", with: "\r\n"),
            "Content/events/e.md": "\u{FEFF}" + event.replacingOccurrences(of: "\n", with: "\r\n"),
        ], in: windows)
        windows.write("Content/site.yml", "\u{FEFF}title: Test\r\n")
        let a = build(plainRoot), b = build(windowsRoot)
        #expect(a.succeeded && b.succeeded, "\(a.diagnostics) \(b.diagnostics)")
        let plainTree = tree(plainRoot.appending(path: "Output")), windowsTree = tree(windowsRoot.appending(path: "Output"))
        #expect(!plainTree.isEmpty)
        #expect(plainTree == windowsTree)
        let page = String(decoding: windowsTree["events/e.html"] ?? Data(), as: UTF8.self)
        #expect(page.contains("<pre><code>indented code\n</code></pre>"))
        #expect(page.contains("Tabs\tand CRLF"))
    }
}
