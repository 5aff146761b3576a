import Foundation

/// Resolves cross-references against the entries of one build.
struct Resolver: Sendable {
    let entries: [EntryID: Entry]
    let drafts: Set<EntryID>
    /// Entries whose own files had errors: they exist, so references to them are not wrong.
    let broken: Set<EntryID>
    let unsafeHTML: Bool

    /// Why `target` cannot be linked to, or nil when it can.
    func problem(with target: EntryID) -> String? {
        if entries[target] != nil || broken.contains(target) { return nil }
        if drafts.contains(target) {
            return "\(target.kind.noun) '\(target.slug)' is a draft, left out of this build (build with --drafts, or remove the reference)"
        }
        // `<event:jane-okafor>` where Jane Okafor is an actor: the kind is what is wrong.
        let others = EntryKind.referenceable.filter { $0 != target.kind && entries[EntryID($0, target.slug)] != nil }
        if let other = others.first {
            let article = other == .actor || other == .event ? "an" : "a"
            return "no \(target.kind.noun) '\(target.slug)' in this site, but there is \(article) \(other.noun) '\(target.slug)'"
        }
        let slugs = entries.keys.lazy.filter { $0.kind == target.kind }.map(\.slug)
        return "no \(target.kind.noun) '\(target.slug)' in this site\(Suggestions.hint(for: target.slug, in: slugs))"
    }

    /// The relative URL of `path` (a path inside `Output/`) from the page at `from`.
    static func relative(_ path: String, from page: EntryID) -> String {
        page.kind == .home ? path : "../" + path
    }

    struct LinkedBody: Sendable {
        let html: String
        /// The body's distinct words, for search.
        let words: String
        /// The text a reader sees, blocks separated by newlines (for `data/site.json`),
        /// with the destination of an autolink where the reader sees its entry's title.
        let text: PlainText
        let edges: [Edge]
        /// The ids of its headings, and the links that name ids or files (checked by `LinkCheck`).
        let headingIDs: [String]
        let links: [BodyLink]
        let diagnostics: [Diagnostic]
    }

    /// Renders an entry's body with every cross-reference resolved and an id on every heading.
    func renderBody(of entry: Entry, markdown: String) -> LinkedBody {
        render(markdown, of: entry, headingIDs: HeadingIDs(reserved: ThemeAnchors.reserved(on: entry.kind))) { $0.shifted(by: entry.bodyLineOffset) }
    }

    /// Renders a `text` field of an entry as its body is (its headings get no ids:
    /// those are the body's), problems reported where the field is written.
    func renderText(_ field: CustomField, markdown: String, of entry: Entry) -> LinkedBody {
        render(markdown, of: entry, headingIDs: nil) { field.filePosition($0) }
    }

    /// `inFile`: where a place in `markdown` is in the entry's file.
    private func render(_ markdown: String, of entry: Entry, headingIDs: HeadingIDs?, inFile: (SourcePosition) -> SourcePosition?) -> LinkedBody {
        var edges: [Edge] = []
        var titledTargets: [EntryID] = []
        var links: [BodyLink] = []
        var diagnostics: [Diagnostic] = []
        var columns: ColumnMap?
        let rendered = Markdown.render(markdown, unsafe: unsafeHTML, collectText: true, headingIDs: headingIDs) { link in
            func position() -> SourcePosition {
                if columns == nil { columns = ColumnMap(markdown) }
                return SourcePosition(line: link.line, column: columns!.column(line: link.line, byteColumn: link.byteColumn))
            }
            let resolution = resolve(link, from: entry.id)
            if let check = resolution.check {
                let at = position()
                links.append(BodyLink(target: check, url: link.url, line: at.line, column: at.column))
            }
            switch resolution.action {
            case .keep:
                return .keep
            case .link(let target, let url):
                edges.append(Edge(from: entry.id, to: target, relation: .mentions))
                if link.isAutolink { titledTargets.append(target) }
                return .replace(url: url, text: link.isAutolink ? entries[target]?.title : nil)
            case .rewrite(let url):
                return .replace(url: url, text: nil)
            case .broken(let message):
                diagnostics.append(.error(entry.path, inFile(position()), message))
                return .keep
            }
        }
        if let lookalike = rendered.lookalike {
            if columns == nil { columns = ColumnMap(markdown) }
            let column = columns!.column(line: lookalike.line, byteColumn: lookalike.byteColumn)
            diagnostics.append(.warning(entry.path, inFile(SourcePosition(line: lookalike.line, column: column)), lookalike.advice))
        }
        return LinkedBody(html: rendered.html, words: SearchIndex.words(rendered.text), text: PlainText(rendered.text, titles: zip(rendered.retitled, titledTargets).map { PlainText.Title(range: $0, target: $1) }), edges: edges, headingIDs: rendered.headingIDs,
                          links: links, diagnostics: diagnostics)
    }

    struct Resolution {
        enum Action {
            case keep
            case link(EntryID, url: String)
            case rewrite(url: String)
            case broken(String)
        }

        var action: Action
        /// What the build must make for the link to lead somewhere, checked once it is known.
        var check: BodyLink.Target?
    }

    /// What a destination in a body of `page` becomes.
    func resolve(_ link: MarkdownLink, from page: EntryID) -> Resolution {
        let url = link.url
        if Markdown.isDangerous(url, isImage: link.isImage) { return Resolution(action: .rewrite(url: "")) }
        if url.isEmpty { return Resolution(action: .keep) }
        if Resolver.isPlain(url) {
            let check = Resolver.plainTarget(url, from: page)
            // `/img/map.png`: a path from the site's root, made relative so the folder works from disk.
            if url.hasPrefix("/") { return Resolution(action: .rewrite(url: Resolver.relative(String(url.dropFirst()), from: page)), check: check) }
            return Resolution(action: .keep, check: check)
        }
        let bytes = url.utf8
        guard let colon = bytes.firstIndex(of: UInt8(ascii: ":")),
              let kind = EntryKind.referenceable.first(where: {
                  bytes.distance(from: bytes.startIndex, to: colon) == $0.scheme.utf8.count
                      && Markdown.hasPrefixIgnoringASCIICase(bytes, $0.scheme)
              })
        else { return Resolution(action: .keep) }
        let rest = bytes[bytes.index(after: colon)...]
        let hash = rest.firstIndex(of: UInt8(ascii: "#")) ?? rest.endIndex
        let slug = String(Substring(rest[..<hash]))
        let fragment = Substring(rest[hash...])
        guard !slug.isEmpty else { return Resolution(action: .broken("'\(url)' names no \(kind.noun): expected \(kind.scheme):SLUG")) }
        let target = EntryID(kind, slug)
        if let problem = problem(with: target) { return Resolution(action: .broken(problem)) }
        let id = String(fragment.dropFirst())
        return Resolution(action: .link(target, url: Resolver.relative(target.outputPath, from: page) + fragment),
                          check: id.isEmpty ? nil : .fragment(target, id: id.removingPercentEncoding ?? id))
    }
}
