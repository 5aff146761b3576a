import Foundation

/// `almanac new`: a new entry file with every required key filled in.
public enum Scaffold {
    public enum Failure: Error, CustomStringConvertible {
        case invalidSlug(String, String)
        case exists(String)
        case cannotWrite(String, String)

        public var description: String {
            switch self {
            case .invalidSlug(let slug, let problem): "'\(slug)' is not a valid slug: \(problem)"
            case .exists(let path): "\(path) already exists"
            case .cannotWrite(let path, let reason): "cannot write \(path): \(reason)"
            }
        }
    }

    /// Writes `Content/<kind>s/<slug>.md` (and `Content/site.yml` when the site has none yet).
    /// Returns the paths written, relative to the root, and notes for the user.
    public static func create(_ kind: EntryKind, slug: String, title: String?, root: URL, today: PartialDate) throws(Failure) -> (written: [String], notes: [String]) {
        if let problem = Slug.problem(with: slug) { throw .invalidSlug(slug, problem) }
        let content = root.appending(path: "Content")
        var written: [String] = []
        var notes: [String] = []
        let siteConfig = content.appending(path: "site.yml")
        if !FileManager.default.fileExists(atPath: siteConfig.path) {
            try write("title: My Almanac\ndescription: A reference of actors, events and polls.\nlanguage: en\n", to: siteConfig, path: "Content/site.yml")
            written.append("Content/site.yml")
        }
        let path = "Content/\(kind.folder)/\(slug).md"
        let url = content.appending(path: kind.folder).appending(path: "\(slug).md")
        if FileManager.default.fileExists(atPath: url.path) { throw .exists(path) }
        let title = title ?? slug.split(separator: "-").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined(separator: " ")
        var lines = ["---", "title: \(quoted(title))", "summary: \(quoted("One sentence on \(title)."))"]
        switch kind {
        case .actor:
            lines += ["kind: person", "role: \"\"", "country: \"\"", "aliases: []"]
        case .event:
            lines += ["date: \"\(today)\"", "actors: []", "places: []", "sources: []"]
        case .poll:
            let pollster = firstSlug(of: .actor, in: content)
            if pollster == nil { notes.append("no actor exists yet: create the pollster with `almanac new actor SLUG` and set 'pollster'") }
            lines += ["pollster: \(pollster ?? "pollster-slug")", "date: \"\(today)\"", "method: \"\"", "question: \"\"",
                      "results:", "  - {answer: \"Yes\", percent: 50}", "  - {answer: \"No\", percent: 50}", "sources: []"]
        case .source:
            lines += ["publication: \"(publisher)\"", "author: \"\"", "published: \"\(today)\""]
            notes.append("cite it from an event or poll (`sources: [\(slug)]`) or link it from a body (`[text](source:\(slug))`)")
        case .page, .home:
            break
        }
        lines += ["---", "", "Write about \(title) here. Link other entries with `[text](actor:SLUG)` or `<event:SLUG>`.", ""]
        try write(lines.joined(separator: "\n"), to: url, path: path)
        written.append(path)
        return (written, notes)
    }

    private static func quoted(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }

    private static func firstSlug(of kind: EntryKind, in content: URL) -> String? {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: content.appending(path: kind.folder).path)) ?? []
        return names.filter { $0.hasSuffix(".md") }.map { String($0.dropLast(3)) }.filter(Slug.isValid).sorted().first
    }

    private static func write(_ text: String, to url: URL, path: String) throws(Failure) {
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url, options: .withoutOverwriting)
        } catch {
            throw .cannotWrite(path, (error as NSError).localizedDescription)
        }
    }
}
