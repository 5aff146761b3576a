import Foundation
import Testing
@testable import AlmanacKit

/// A long data file that a rebuild changes little is changed where it is
/// (`OutputPatch.changeInPlace`): the same file, with the bytes a full build gives.
struct InPlaceChangeTests {
    static func patch(of earlier: Data, keeping kept: Int, middle: String, tailFrom start: Int) -> FileBytes.Patch {
        FileBytes.Patch(earlierCount: earlier.count, kept: kept, middle: [Data(middle.utf8)], tail: start ..< earlier.count)
    }

    /// `text` with its bytes from `start` to `end` replaced by `middle`, changed in place.
    func change(_ text: String, _ start: Int, _ end: Int, to middle: String) throws -> (InPlaceChangeTests.Result, String) {
        let folder = TemporaryFolder()
        let path = folder.url.appending(path: "file").path
        let earlier = Data(text.utf8)
        try earlier.write(to: URL(fileURLWithPath: path))
        let result = OutputPatch.changeInPlace(path, as: Self.patch(of: earlier, keeping: start, middle: middle, tailFrom: end))
        let after = try String(contentsOf: URL(fileURLWithPath: path), encoding: .utf8)
        return (Result(result), after)
    }

    enum Result: Equatable {
        case changed, unchanged, failed
        init(_ result: OutputPatch.InPlace) {
            switch result {
            case .changed: self = .changed
            case .unchanged: self = .unchanged
            case .failed: self = .failed
            }
        }
    }

    @Test(arguments: [("a longer middle", "[one, TWO-TWO-TWO, three]"), ("a shorter middle", "[one, 2, three]"), ("the same length", "[one, TWO, three]")])
    func aMiddleReplacedGivesTheWholeText(_ what: String, _ expected: String) throws {
        let middle = String(expected.dropFirst(6).prefix(expected.count - 14))
        let (result, after) = try change("[one, two, three]", 6, 9, to: middle)
        #expect(result == .changed, "\(what)")
        #expect(after == expected, "\(what)")
    }

    @Test func aFileOfAnotherLengthIsLeftAsItIs() throws {
        let folder = TemporaryFolder()
        let path = folder.url.appending(path: "file").path
        try Data("a file that changed since".utf8).write(to: URL(fileURLWithPath: path))
        let patch = Self.patch(of: Data("another file".utf8), keeping: 2, middle: "xx", tailFrom: 4)
        #expect(Result(OutputPatch.changeInPlace(path, as: patch)) == .unchanged)
        #expect(try String(contentsOf: URL(fileURLWithPath: path), encoding: .utf8) == "a file that changed since")
    }

    /// A site of 200 long events: its `site.json` is long enough to be changed in place.
    static func longSite(in scratch: TemporaryFolder) -> (root: URL, options: Almanac.Options) {
        var files = ["Content/site.yml": "title: Long\nbase_url: https://example.org/\n"]
        for day in 1 ... 200 { files["Content/events/day-\(day).md"] = event(day, text: paragraph) }
        let root = makeSite(files, in: scratch)
        var options = Almanac.Options(root: root)
        options.useCache = true
        return (root, options)
    }

    static let paragraph = String(repeating: "A long paragraph of the event's text, written to make the data file long. ", count: 300)

    static func event(_ day: Int, title: String? = nil, text: String) -> String {
        "---\ntitle: \(title ?? "Day \(day)")\ndate: 2022-01-\(String(format: "%02d", day % 28 + 1))\n---\n\n\(text)\n"
    }

    /// After a body edit `site.json` is the same file (inode), with a full build's bytes.
    @Test func aOneEventEditChangesSiteJSONInPlace() throws {
        let scratch = TemporaryFolder()
        let (root, options) = Self.longSite(in: scratch)
        #expect(Almanac.build(options).succeeded)
        let siteJSON = root.appending(path: "Output/data/site.json").path
        let before = try #require(BuildCache.Stamp(path: siteJSON))
        #expect(before.size >= 1 << 22, "long enough to be changed in place: \(before.size) bytes")

        try Data(Self.event(100, text: Self.paragraph + "\nOne more line.").utf8).write(to: root.appending(path: "Content/events/day-100.md"))
        #expect(Almanac.build(options).succeeded)
        let after = try #require(BuildCache.Stamp(path: siteJSON))
        #expect(after.inode == before.inode && after.size > before.size)
        let full = scratch.url.appending(path: "full")
        #expect(build(root, output: full).succeeded)
        #expect(tree(root.appending(path: "Output")) == tree(full))
    }

    /// Edits that move the rest of the file both ways, or not at all, at its start,
    /// its end, in two places at once, and entries added and removed: after each,
    /// the output is a full build's.
    @Test func everyKindOfChangeGivesAFullBuildsBytes() throws {
        let scratch = TemporaryFolder()
        let (root, options) = Self.longSite(in: scratch)
        #expect(Almanac.build(options).succeeded)
        func write(_ day: Int, title: String? = nil, _ text: String) throws {
            try Data(Self.event(day, title: title, text: text).utf8).write(to: root.appending(path: "Content/events/day-\(day).md"))
        }
        let edits: [(String, () throws -> Void)] = [
            ("a longer text", { try write(50, Self.paragraph + " And a longer end.") }),
            ("a shorter text", { try write(60, "Short now.") }),
            ("a text of the same length", { try write(60, "Shrt now.") }),
            ("the first event", { try write(1, Self.paragraph.uppercased()) }),
            ("the last event", { try write(200, "The last one, short.") }),
            ("two events far apart", {
                try write(10, "Ten, changed.")
                try write(190, Self.paragraph + " One ninety, longer.")
            }),
            ("an event added", { try Data(Self.event(201, text: Self.paragraph).utf8).write(to: root.appending(path: "Content/events/day-201.md")) }),
            ("an event removed", { try FileManager.default.removeItem(at: root.appending(path: "Content/events/day-120.md")) }),
            ("a title", { try write(70, title: "Day seventy", Self.paragraph) }),
        ]
        for (index, (what, edit)) in edits.enumerated() {
            try edit()
            let report = Almanac.build(options)
            #expect(report.succeeded && report.reusedCache, "\(what)")
            let full = scratch.url.appending(path: "full-\(index)")
            #expect(build(root, output: full).succeeded)
            #expect(tree(root.appending(path: "Output")) == tree(full), "\(what)")
        }
    }
}
