import Foundation

/// A small site in a temporary folder, removed when the value is dropped.
final class TestSite {
    let root: URL

    init() {
        root = FileManager.default.temporaryDirectory.appending(path: "almanac-serve-test-\(UUID().uuidString)")
        write("Content/site.yml", "title: Preview Test\n")
        write("Content/index.md", "Welcome to the preview.\n")
        write("Content/actors/ak-orda.md", "---\ntitle: Ak Orda\nkind: organization\n---\nThe presidential administration.\n")
        write("Content/events/first-meeting.md", "---\ntitle: First meeting\ndate: 2022-03-06\nactors: [ak-orda]\n---\n[Ak Orda](actor:ak-orda) met.\n")
        write("Content/static/notes.txt", "plain text\n")
    }

    deinit { try? FileManager.default.removeItem(at: root) }

    /// Writes `text` at `path`, replacing the file in one step (as editors do).
    func write(_ path: String, _ text: String) {
        let file = root.appending(path: path)
        try! FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try! Data(text.utf8).write(to: file, options: .atomic)
    }

    func read(_ path: String) -> String {
        (try? String(contentsOf: root.appending(path: path), encoding: .utf8)) ?? ""
    }
}
