import Foundation
import Testing
@testable import AlmanacKit

/// What `almanac new` writes always builds, or it writes nothing and says why;
/// it never writes through a link the build would not follow.
@Suite struct ScaffoldTests {
    static let today = PartialDate(year: 2024, month: 3, day: 1)

    @Test(arguments: ["Use `code and [x](actor:y) & <b>", "A \\ \"quoted\" *starred* _title_ #1!", "Tea: ~strike~ | pipe", "---", "- item", "Ünïcödé — “quotes”"])
    func anyOneLineTitleBuildsAsWritten(_ title: String) throws {
        let scratch = TemporaryFolder()
        _ = try Scaffold.create(.actor, slug: "ann", title: title, root: scratch.url, today: ScaffoldTests.today)
        let report = build(scratch.url)
        #expect(report.succeeded, "\(report.diagnostics)")
        let page = try String(contentsOf: scratch.url.appending(path: "Output/actors/ann.html"), encoding: .utf8)
        #expect(page.contains(escapeHTML(title)), "\(title)")
    }

    @Test(arguments: [("", "the title is empty"), ("   ", "the title is empty"),
                      ("Two\n---\nlines", "a title is one line of text, without line breaks, tabs or control characters"),
                      ("Bell\u{7}", "a title is one line of text, without line breaks, tabs or control characters")])
    func aTitleThatCannotBeIsRefused(_ title: String, _ problem: String) {
        let scratch = TemporaryFolder()
        do {
            _ = try Scaffold.create(.event, slug: "e", title: title, root: scratch.url, today: ScaffoldTests.today)
            Issue.record("created")
        } catch {
            #expect(error.description == "--title: \(problem)")
        }
        #expect(!FileManager.default.fileExists(atPath: scratch.url.appending(path: "Content/events/e.md").path))
    }

    /// A poll names its pollster: without an actor to name, `new poll` refuses, and writes nothing (no site.yml either).
    @Test func aPollWithoutAnActorIsRefusedAndNothingIsWritten() throws {
        let scratch = TemporaryFolder()
        do {
            _ = try Scaffold.create(.poll, slug: "p", title: nil, root: scratch.url, today: ScaffoldTests.today)
            Issue.record("created")
        } catch {
            #expect(error.description == "a poll names its pollster, an actor, and this site has none yet: create it first with `almanac new actor SLUG`")
        }
        #expect(tree(scratch.url).isEmpty)
        _ = try Scaffold.create(.actor, slug: "pollster", title: nil, root: scratch.url, today: ScaffoldTests.today)
        _ = try Scaffold.create(.poll, slug: "p", title: "P", root: scratch.url, today: ScaffoldTests.today)
        #expect(build(scratch.url).succeeded)
    }

    /// Required custom fields (site.yml `fields:`) are written as placeholders of their type; a
    /// required reference names an entry of its kind, and without one `new` refuses.
    @Test func requiredCustomFieldsAreFilledIn() throws {
        let scratch = TemporaryFolder()
        scratch.write("Content/site.yml", """
            title: T
            fields:
              events:
                vote: { type: string, required: true }
                status: { type: string, values: [passed, rejected], required: true }
                attendance: { type: integer, required: true }
                tabled_by: { type: "[actor]", required: true }
                note: text

            """)
        do {
            _ = try Scaffold.create(.event, slug: "e", title: nil, root: scratch.url, today: ScaffoldTests.today)
            Issue.record("created")
        } catch {
            #expect(error.description == "the required field 'tabled_by' names an actor, and this site has none yet: create it first with `almanac new actor SLUG`")
        }
        _ = try Scaffold.create(.actor, slug: "ann", title: nil, root: scratch.url, today: ScaffoldTests.today)
        _ = try Scaffold.create(.event, slug: "e", title: nil, root: scratch.url, today: ScaffoldTests.today)
        let text = try String(contentsOf: scratch.url.appending(path: "Content/events/e.md"), encoding: .utf8)
        #expect(text.contains("vote: \"(Vote)\"  # placeholder\nstatus: \"passed\"  # placeholder\nattendance: 0  # placeholder\ntabled_by: [ann]  # placeholder\n"))
        let report = build(scratch.url)
        #expect(report.succeeded, "\(report.diagnostics)")
        #expect(report.diagnostics.contains { $0.message.hasPrefix("'tabled_by' is still the placeholder") })
    }

    @Test func nothingIsWrittenThroughALinkOutOfTheSite() throws {
        let scratch = TemporaryFolder()
        let outside = scratch.url.appending(path: "outside")
        let root = scratch.url.appending(path: "site")
        try FileManager.default.createDirectory(at: outside.appending(path: "events"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(at: root.appending(path: "Content"), withDestinationURL: outside)
        #expect(throws: Scaffold.Failure.self) { try Scaffold.create(.event, slug: "e", title: nil, root: root, today: ScaffoldTests.today) }
        try FileManager.default.removeItem(at: root.appending(path: "Content"))
        try FileManager.default.createDirectory(at: root.appending(path: "Content"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(at: root.appending(path: "Content/events"), withDestinationURL: outside.appending(path: "events"))
        do {
            _ = try Scaffold.create(.event, slug: "e", title: nil, root: root, today: ScaffoldTests.today)
            Issue.record("written through Content/events")
        } catch {
            #expect(error.description == "Content/events: symbolic link to a folder; not followed; nothing is written through it")
        }
        #expect(tree(outside).isEmpty)
        #expect(tree(root).isEmpty)
    }

    private func escapeHTML(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}
