/// Builds the Mustache context of each page: plain dictionaries, arrays and
/// strings. Every value from Content is passed as text, and the templates'
/// `{{...}}` escape it; only rendered bodies and generated SVG use `{{{...}}}`.
struct ContextBuilder {
    let site: LinkedSite

    /// The header's name for the index of each kind.
    static let sectionTitle: [EntryKind: String] = [.actor: "Actors", .poll: "Polls", .source: "Sources"]

    /// The keys every page has: `site`, `page`, `nav`.
    func base(_ page: Page, title: String, description: String?, section: String?) -> [String: Any] {
        let config = site.config
        // The 404 page is served at any depth: with a base URL its links are absolute.
        let root = page == .notFound ? (config.baseURL ?? "") : page.root
        var pageContext: [String: Any] = [
            "title": title,
            "root": root,
            "path": page.path,
            "is_home": page == .home,
        ]
        if let description = description ?? config.description { pageContext["description"] = description }
        if let base = config.baseURL { pageContext["canonical"] = base + (page == .home ? "" : page.path) }
        var siteContext: [String: Any] = ["title": config.title, "language": config.language]
        if let description = config.description { siteContext["description"] = description }
        if let base = config.baseURL {
            siteContext["base_url"] = base
            siteContext["feed"] = root + Page.feed.path
        }
        let sections: [(String, String)] = [
            ("Timeline", Page.timeline.path), ("Actors", Page.index(.actor).path), ("Polls", Page.index(.poll).path),
            ("Sources", Page.index(.source).path), ("Search", Page.search.path),
        ]
        let nav = sections.map { name, path -> [String: Any] in
            ["title": name, "url": root + path, "current": name == section]
        }
        return ["site": siteContext, "page": pageContext, "nav": nav]
    }

    /// A link to an entry from `page`, with what lists show of it.
    func item(_ id: EntryID, from page: Page) -> [String: Any] {
        let entry = site[id]
        var item: [String: Any] = [
            "title": entry.title, "url": page.root + id.outputPath, "kind": id.kind.noun, "slug": id.slug,
        ]
        if let summary = entry.summary { item["summary"] = summary }
        if let date = entry.date {
            let circa: Bool = if case .event(let event) = entry.details { event.circa } else { false }
            item["date"] = DateText.span(date, entry.end, circa: circa)
            item["datetime"] = date.description
        }
        if case .actor(let actor) = entry.details {
            item["actor_kind"] = actor.kind.rawValue
            if let role = actor.role { item["role"] = role }
        }
        if case .source(let source) = entry.details { item["publication"] = source.publication }
        return item
    }

    func items(_ ids: [EntryID], from page: Page) -> [[String: Any]] {
        ids.map { item($0, from: page) }
    }

    /// `{items: [...]}` for a list that may be empty; nil when it is, so that
    /// `{{#x}}...{{/x}}` shows its heading and list only when there is something in it.
    func list(_ ids: [EntryID], from page: Page) -> [String: Any]? {
        ids.isEmpty ? nil : ["items": items(ids, from: page)]
    }
}
