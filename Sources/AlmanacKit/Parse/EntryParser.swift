import Yams

/// Stage 2, parse: turns a file's text into a typed `Entry` (or the site's
/// settings), checking every field the content format lists.
public enum EntryParser {
    static let commonKeys = ["title", "summary", "aliases", "draft", "tags"]

    static func knownKeys(for kind: EntryKind) -> [String] {
        switch kind {
        case .actor: commonKeys + ["kind", "role", "country"]
        case .event: commonKeys + ["date", "end", "circa", "actors", "places", "sources"]
        case .poll: commonKeys + ["pollster", "date", "end", "method", "sample_size", "population", "question", "results", "actors", "sources"]
        case .source: commonKeys + ["publication", "author", "published", "url"]
        case .page: commonKeys
        case .home: commonKeys.filter { $0 != "tags" }  // the home page is on no tag's page
        }
    }

    /// What parsing one file gave.
    public struct Parsed: Sendable {
        /// The entry, when the file has no errors.
        public var entry: Entry?
        /// When the file has errors: what could be read of it (its references; its
        /// body is in `body`), so that its links are still checked and every problem is reported at once.
        public var broken: Entry?
        /// The Markdown after the front matter, of the entry or the broken one.
        public var body: String
        public var diagnostics: [Diagnostic]
    }

    /// Parses one entry file, with the site's custom `fields`. Every problem (errors and warnings) is in the diagnostics.
    public static func parse(_ text: String, id: EntryID, path: String, fields: SiteFields = .none) -> Parsed {
        guard let frontMatter = try? FrontMatter.split(text) else {
            return Parsed(entry: nil, broken: nil, body: "",
                          diagnostics: [.error(path, SourcePosition(line: 1, column: 1), "front matter opened here is never closed (expected a line '---')")])
        }
        let (entry, diagnostics, broken) = parseEntry(text, frontMatter: frontMatter, id: id, path: path, custom: fields)
        return Parsed(entry: entry, broken: entry == nil ? broken : nil, body: String(frontMatter.body), diagnostics: diagnostics)
    }

    private static func parseEntry(_ text: String, frontMatter: FrontMatter, id: EntryID, path: String, custom: SiteFields) -> (Entry?, [Diagnostic], Entry?) {
        var diagnostics: [Diagnostic] = []
        guard let yaml = frontMatter.yaml else {
            if id.kind == .home {
                return (Entry(id: id, path: path, title: "", summary: nil, aliases: [], draft: false, details: .page,
                              bodyLineOffset: 0, fieldReferences: []), [], nil)
            }
            let problem = text.trimmingWhitespace.isEmpty ? "is empty" : "has no front matter"
            return (nil, [.error(path, SourcePosition(line: 1, column: 1), "\(problem): every entry needs front matter with at least a title, between two '---' lines")],
                    brokenEntry(id, path, frontMatter, references: []))
        }
        guard let (mapping, start) = YAMLDocument.mapping(yaml, path: path, lineOffset: FrontMatter.yamlLineOffset, diagnostics: &diagnostics) else {
            return (nil, diagnostics, brokenEntry(id, path, frontMatter, references: []))
        }
        var fields = FieldReader(path: path, lineOffset: FrontMatter.yamlLineOffset, mapping: mapping, start: start)
        fields.warnAboutUnknownKeys(known: knownKeys(for: id.kind) + custom.keys(of: id.kind))
        let title = fields.string("title", required: id.kind != .home)
        let summary = fields.string("summary")
        let aliases = fields.strings("aliases")
        let draft = fields.bool("draft") ?? false
        let tags = id.kind == .home ? [] : fields.terms("tags", .tags)
        let details = parseDetails(of: id.kind, &fields)
        let customFields = fields.customFields(custom.of(id.kind), yaml: yaml)
        diagnostics += fields.diagnostics
        diagnostics += Placeholders.warnings(yaml: yaml, body: frontMatter.body, path: path, lineOffset: FrontMatter.yamlLineOffset,
                                             bodyLineOffset: frontMatter.bodyLineOffset)
        guard !diagnostics.contains(where: \.isError), let details else {
            return (nil, diagnostics, brokenEntry(id, path, frontMatter, references: fields.references))
        }
        let entry = Entry(
            id: id, path: path, title: title ?? "", summary: summary, aliases: aliases, draft: draft,
            details: details, bodyLineOffset: frontMatter.bodyLineOffset,
            fieldReferences: fields.references, customFields: customFields, tags: tags
        )
        return (entry, diagnostics, nil)
    }

    private static func brokenEntry(_ id: EntryID, _ path: String, _ frontMatter: FrontMatter, references: [FieldReference]) -> Entry {
        Entry(id: id, path: path, title: "", summary: nil, aliases: [], draft: false, details: .page,
              bodyLineOffset: frontMatter.bodyLineOffset, fieldReferences: references)
    }

    private static func parseDetails(of kind: EntryKind, _ fields: inout FieldReader) -> Entry.Details? {
        switch kind {
        case .actor:
            var actorKind: Entry.Actor.Kind?
            if let text = fields.string("kind", required: true) {
                actorKind = Entry.Actor.Kind(rawValue: text)
                if actorKind == nil {
                    let allowed = Entry.Actor.Kind.allCases.map(\.rawValue)
                    fields.error(fields.mapping["kind"], "'kind' must be one of \(allowed.joined(separator: ", ")), not '\(text)'\(Suggestions.hint(for: text, in: allowed))")
                }
            }
            let role = fields.string("role")
            let country = fields.string("country")
            return actorKind.map { .actor(Entry.Actor(kind: $0, role: role, country: country)) }
        case .event:
            let date = fields.date("date", required: true)
            let end = fields.date("end")
            let circa = fields.bool("circa") ?? false
            let actors = fields.slugs("actors", of: .actor, as: .participant)
            let places = fields.terms("places", .places)
            let sources = fields.slugs("sources", of: .source, as: .cites)
            guard let date else { return nil }
            checkSpan(date, end, &fields)
            return .event(Entry.Event(date: date, end: end, circa: circa, actors: actors, places: places, sources: sources))
        case .poll:
            let pollster = fields.slug("pollster", of: .actor, as: .pollster, required: true)
            let date = fields.date("date", required: true)
            let end = fields.date("end")
            let method = fields.string("method")
            let sampleSize = fields.positiveInteger("sample_size")
            let population = fields.string("population")
            let question = fields.string("question")
            let results = pollResults(&fields)
            let actors = fields.slugs("actors", of: .actor, as: .subject)
            let sources = fields.slugs("sources", of: .source, as: .cites)
            guard let pollster, let date, let results else { return nil }
            checkSpan(date, end, &fields)
            return .poll(Entry.Poll(pollster: pollster, date: date, end: end, method: method, sampleSize: sampleSize,
                                    population: population, question: question, results: results, actors: actors, sources: sources))
        case .source:
            let publication = fields.string("publication", required: true)
            let authors = fields.stringOrStrings("author")
            let published = fields.date("published")
            let url = fields.string("url")
            if let url, !(url.hasPrefix("http://") || url.hasPrefix("https://")) {
                fields.error(fields.mapping["url"], "'url' must start with http:// or https://, not '\(url)'")
            }
            guard let publication else { return nil }
            return .source(Entry.Source(publication: publication, authors: authors, published: published, url: url))
        case .page, .home:
            return .page
        }
    }

    private static func checkSpan(_ date: PartialDate, _ end: PartialDate?, _ fields: inout FieldReader) {
        guard let end, end.latest < date.earliest else { return }
        fields.error(fields.mapping["end"], "'end' (\(end)) is before 'date' (\(date))")
    }

    private static func pollResults(_ fields: inout FieldReader) -> [Entry.Poll.Result]? {
        guard let node = fields.value("results", required: true) else { return nil }
        guard let items = node.sequence, !items.isEmpty else {
            fields.error(node, "'results' must be a list of {answer, percent}, not \(node.typeName)")
            return nil
        }
        var results: [Entry.Poll.Result] = []
        var total = 0.0
        for item in items {
            guard let mapping = item.mapping else {
                fields.error(item, "each result must be a mapping {answer: ..., percent: ...}, not \(item.typeName)")
                continue
            }
            var result = FieldReader(path: fields.path, lineOffset: fields.lineOffset, mapping: mapping,
                                     start: fields.position(of: item) ?? fields.start)
            result.warnAboutUnknownKeys(known: ["answer", "percent"])
            let answer = result.string("answer", required: true)
            var percent: Double?
            if let value = result.value("percent", required: true) {
                if [.int, .float].contains(value.tagName), let number = value.float, number.isFinite {
                    if (0...100).contains(number) { percent = number } else { result.error(value, "'percent' must be between 0 and 100, not \(value.scalar?.string ?? "")") }
                } else {
                    result.error(value, "'percent' must be a number, not \(value.typeName)")
                }
            }
            fields.diagnostics += result.diagnostics
            if let answer, let percent {
                results.append(Entry.Poll.Result(answer: answer, percent: percent))
                total += percent
            }
        }
        if total > 100.5 {
            fields.error(node, "the results add up to \(formatPercent(total))%, more than 100.5%")
        }
        return results.count == items.count ? results : nil
    }

    /// Parses `Content/site.yml`.
    public static func parseSiteConfig(_ text: String, path: String) -> (SiteConfig?, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        guard let (mapping, start) = YAMLDocument.mapping(text, path: path, lineOffset: 0, diagnostics: &diagnostics) else {
            return (nil, diagnostics)
        }
        var fields = FieldReader(path: path, lineOffset: 0, mapping: mapping, start: start)
        fields.warnAboutUnknownKeys(known: ["title", "description", "base_url", "language", "unsafe_html", "fields", "places", "updated"])
        let title = fields.string("title", required: true)
        let description = fields.string("description")
        let baseURL = fields.string("base_url")
        if let baseURL, let problem = baseURLProblem(baseURL) {
            fields.error(mapping["base_url"], "'base_url' \(problem)")
        }
        let language = fields.string("language") ?? "en"
        if !isLanguageTag(language) {
            fields.error(mapping["language"], "'language' must be a language tag such as en, kk or pt-BR, not '\(language)'")
        }
        let unsafeHTML = fields.bool("unsafe_html") ?? false
        let custom = FieldsDeclaration.read(&fields)
        let places = PlaceDeclarations.read(&fields)
        let updated = fields.date("updated")
        diagnostics += fields.diagnostics
        guard let title, !diagnostics.contains(where: \.isError) else { return (nil, diagnostics) }
        return (SiteConfig(title: title, description: description, baseURL: baseURL, language: language, unsafeHTML: unsafeHTML, fields: custom,
                           places: places, updated: updated),
                diagnostics)
    }

    /// The custom fields `site.yml` declares well, and the keys of those it does not
    /// (for parsing entries when the settings as a whole have errors).
    public static func parseSiteFields(_ text: String, path: String) -> SiteFields {
        var ignored: [Diagnostic] = []
        guard let (mapping, start) = YAMLDocument.mapping(text, path: path, lineOffset: 0, diagnostics: &ignored) else { return .none }
        var fields = FieldReader(path: path, lineOffset: 0, mapping: mapping, start: start)
        return FieldsDeclaration.read(&fields)
    }
}

/// Why `url` cannot be the address every page's URL starts with (the feed's
/// and sitemap's links), or nil: `http(s)://HOST[:PORT][/PATH]`, no user,
/// query, fragment, space or control character.
func baseURLProblem(_ url: String) -> String? {
    guard let scheme = ["http://", "https://"].first(where: url.hasPrefix) else {
        return "must start with http:// or https://, not '\(url)'"
    }
    if let bad = url.unicodeScalars.first(where: { $0.properties.isWhitespace || $0.value < 0x20 || $0.value == 0x7F }) {
        return "must not contain \(bad == " " ? "a space" : "white space or control characters") (write it as %20), not '\(url)'"
    }
    if url.contains("#") { return "must not have a fragment (#...), not '\(url)'" }
    if url.contains("?") { return "must not have a query (?...), not '\(url)'" }
    if let bad = url.first(where: { "\"<>\\^`{|}".contains($0) }) { return "must not contain '\(bad)' (percent-encode it), not '\(url)'" }
    let authority = url.dropFirst(scheme.count).prefix { $0 != "/" }
    if authority.contains("@") { return "must not hold a user name or password, not '\(url)'" }
    var host = authority[...]
    if host.hasPrefix("[") {
        guard let close = host.firstIndex(of: "]") else { return "has an unclosed [ in its host, not '\(url)'" }
        host = host[...close]
        let port = authority[host.endIndex...]
        if !port.isEmpty, !(port.first == ":" && port.dropFirst().allSatisfy({ $0.isASCII && $0.isNumber }) && port.count > 1) {
            return "has a malformed port, not '\(url)'"
        }
        return nil
    }
    if let colon = host.firstIndex(of: ":") {
        let port = host[host.index(after: colon)...]
        if port.isEmpty || !port.allSatisfy({ $0.isASCII && $0.isNumber }) { return "has a malformed port, not '\(url)'" }
        host = host[..<colon]
    }
    if host.isEmpty { return "has no host name (https://example.org/), not '\(url)'" }
    if host.hasPrefix(".") || host.hasSuffix("..") || host.contains("..") || !host.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "." }) {
        return "has a malformed host name '\(host)', not '\(url)'"
    }
    return nil
}

/// `en`, `kk`, `pt-BR`, `zh-Hant-TW`: letters, then parts of letters and digits, each 1 to 8 long.
func isLanguageTag(_ text: String) -> Bool {
    let parts = text.split(separator: "-", omittingEmptySubsequences: false)
    func isAlphanumeric(_ byte: UInt8) -> Bool { (48...57).contains(byte) || (65...90).contains(byte) || (97...122).contains(byte) }
    return parts.allSatisfy { (1...8).contains($0.utf8.count) && $0.utf8.allSatisfy(isAlphanumeric) }
        && parts[0].utf8.allSatisfy { !(48...57).contains($0) }
}

