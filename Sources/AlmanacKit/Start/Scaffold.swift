import Foundation

/// `almanac new`: a new entry file with every required key filled in.
public enum Scaffold {
    public enum Failure: Error, CustomStringConvertible {
        case invalidSlug(String, String)
        case exists(String)
        case taken(String, String)
        case link(String, String)
        case badTitle(String)
        case needsPollster
        case needsEntry(String, EntryKind)
        case wouldNotBuild(String, [Diagnostic])
        case cannotWrite(String, String)

        public var description: String {
            switch self {
            case .invalidSlug(let slug, let problem): "'\(slug)' is not a valid slug: \(problem)"
            case .exists(let path): "\(path) already exists"
            case .taken(let slug, let owner): "'\(slug)' cannot be this entry's slug: its page would overwrite \(owner); choose another"
            case .cannotWrite(let path, let reason): "cannot write \(path): \(reason)"
            case .link(let path, let problem): "\(path): \(problem); nothing is written through it"
            case .badTitle(let problem): "--title: \(problem)"
            case .needsPollster: "a poll names its pollster, an actor, and this site has none yet: create it first with `almanac new actor SLUG`"
            case .needsEntry(let key, let kind):
                "the required field '\(key)' names \(kind == .actor || kind == .event ? "an" : "a") \(kind.noun), and this site has none yet: create it first with `almanac new \(kind.noun) SLUG`"
            case .wouldNotBuild(let path, let problems):
                "\(path) would not build, so it was not written: " + problems.map(\.message).joined(separator: "; ")
            }
        }
    }

    /// Writes `Content/<kind>s/<slug>.md` (and `Content/site.yml` when the site has none yet).
    /// Returns the paths written, relative to the root, and notes for the user.
    public static func create(_ kind: EntryKind, slug: String, title: String?, root: URL, today: PartialDate) throws(Failure) -> (written: [String], notes: [String]) {
        if let problem = Slug.problem(with: slug) { throw .invalidSlug(slug, problem) }
        let content = root.appending(path: "Content")
        let loader = ContentLoader(root: root)
        for folder in ["Content", "Content/\(kind.folder)"] {
            if let problem = loader.writeProblem(folder) { throw .link(folder, problem) }
        }
        if let owner = owner(of: EntryID(kind, slug).outputPath, root: root) { throw .taken(slug, owner) }
        var written: [String] = []
        var notes: [String] = []
        let path = "Content/\(kind.folder)/\(slug).md"
        let url = content.appending(path: kind.folder).appending(path: "\(slug).md")
        if FileManager.default.fileExists(atPath: url.path) { throw .exists(path) }
        if let title, let problem = titleProblem(title) { throw .badTitle(problem) }
        let title = title ?? slug.split(separator: "-").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined(separator: " ")
        var lines = ["---", "title: \(quoted(title))", Placeholders.line("summary", quoted("One sentence on \(title)."))]
        switch kind {
        case .actor:
            lines += ["kind: person", "role: \"\"", "country: \"\"", "aliases: []"]
        case .event:
            lines += [Placeholders.line("date", "\"\(today)\""), "actors: []", "places: []", "sources: []"]
        case .poll:
            // A poll names its pollster, an actor: a made-up slug would not build.
            guard let pollster = firstSlug(of: .actor, in: content) else { throw .needsPollster }
            lines += [Placeholders.line("pollster", pollster), Placeholders.line("date", "\"\(today)\""), "method: \"\"", "question: \"\"",
                      "results:", "  - {answer: \"Yes\", percent: 50}  \(Placeholders.marker)", "  - {answer: \"No\", percent: 50}  \(Placeholders.marker)",
                      "sources: []"]
        case .source:
            lines += [Placeholders.line("publication", "\"(publisher)\""), "author: \"\"", Placeholders.line("published", "\"\(today)\"")]
            notes.append("cite it from an event or poll (`sources: [\(slug)]`) or link it from a body (`[text](source:\(slug))`)")
        case .page, .home:
            break
        }
        let fields = siteFields(content)
        lines += try requiredFields(fields.of(kind), content: content, today: today)
        lines += ["---", "", "Write about \(markdownText(title))\(Placeholders.bodyMarker)", ""]
        let text = lines.joined(separator: "\n")
        // What `new` writes must build: it is read as the build reads it before it is written.
        let problems = EntryParser.parse(text, id: EntryID(kind, slug), path: path, fields: fields).diagnostics.filter(\.isError)
        if !problems.isEmpty { throw .wouldNotBuild(path, problems) }
        // Nothing is written until everything is known to be right.
        let siteConfig = content.appending(path: "site.yml")
        if !FileManager.default.fileExists(atPath: siteConfig.path) {
            try write("title: My Almanac\ndescription: A reference of actors, events and polls.\nlanguage: en\n", to: siteConfig, path: "Content/site.yml")
            written.append("Content/site.yml")
        }
        try write(text, to: url, path: path)
        written.append(path)
        return (written, notes)
    }

    /// The custom fields `site.yml` declares (none when it has none, or cannot be read).
    private static func siteFields(_ content: URL) -> SiteFields {
        guard let text = try? String(contentsOf: content.appending(path: "site.yml"), encoding: .utf8) else { return .none }
        return EntryParser.parseSiteFields(text, path: "Content/site.yml")
    }

    /// A placeholder line for each required custom field, with a value of its type
    /// (a reference names the first entry of its kind).
    private static func requiredFields(_ declarations: [FieldDeclaration], content: URL, today: PartialDate) throws(Failure) -> [String] {
        var lines: [String] = []
        for declaration in declarations where declaration.required {
            let value: String
            switch declaration.type {
            case .string: value = quoted(declaration.values?.first ?? "(\(declaration.label))")
            case .strings: value = "[" + quoted(declaration.values?.first ?? "(\(declaration.label))") + "]"
            case .text: value = quoted("(\(declaration.label))")
            case .integer, .number: value = "0"
            case .bool: value = "false"
            case .date: value = "\"\(today)\""
            case .url: value = "\"https://example.org/\""
            case .reference(let kind), .references(let kind):
                guard let slug = firstSlug(of: kind, in: content) else { throw .needsEntry(declaration.key, kind) }
                value = declaration.type.isList ? "[\(slug)]" : slug
            }
            lines.append(Placeholders.line(declaration.key, value))
        }
        return lines
    }

    /// What else the build writes to `path` in the output, if anything: a page
    /// Almanac makes, a file of the site's theme or a static file (see `OutputClaims`).
    static func owner(of path: String, root: URL) -> String? {
        if let page = Page.generated.first(where: { $0.path == path }) { return "\(page.path) (\(page.summary))" }
        for folder in ["Templates", "Content/static"] where exists(root.appending(path: folder).appending(path: path)) {
            return "\(folder)/\(path)"
        }
        return nil
    }

    /// Why `title` cannot be an entry's title: it is empty, or is more than one line.
    static func titleProblem(_ title: String) -> String? {
        if title.trimmingWhitespace.isEmpty { return "the title is empty" }
        if title.unicodeScalars.contains(where: { $0.properties.generalCategory == .control || $0 == "\u{2028}" || $0 == "\u{2029}" }) {
            return "a title is one line of text, without line breaks, tabs or control characters"
        }
        return nil
    }

    /// `text` as Markdown that shows it as it is: the characters that could
    /// start a link, code, emphasis, an entity or raw HTML are escaped.
    static func markdownText(_ text: String) -> String {
        var result = ""
        for character in text {
            if "\\`*_[]()<>&!#|~".contains(character) { result.append("\\") }
            result.append(character)
        }
        return result
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
