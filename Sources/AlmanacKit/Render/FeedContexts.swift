/// Contexts of the machine-read files: the Atom feed and the sitemap (both only
/// with a `base_url`, since they need absolute addresses).
extension ContextBuilder {
    /// How many events the feed carries, newest first.
    static let feedLength = 50

    func feed(baseURL: String) -> TemplateContext {
        let events = site.ordered(.event).reversed().prefix(ContextBuilder.feedLength)
        let entries = events.map { id -> TemplateContext in
            let entry = site[id]
            let url = baseURL + id.outputPath
            var item: TemplateContext = [
                "title": entry.title, "url": url, "id": url,
                "updated": DateText.rfc3339(entry.end ?? entry.date!),
                "content": site.body(id),
            ]
            if let summary = entry.summary { item["summary"] = summary }
            return item
        }
        // The latest of the entries' own `updated` (a date's last day: `2023` is 2023-12-31).
        let newest = entries.compactMap { $0["updated"] as? String }.max()
        return [
            "title": site.config.title,
            "subtitle": site.config.description ?? "",
            "base_url": baseURL,
            "feed_url": baseURL + Page.feed.path,
            "updated": newest ?? "1970-01-01T00:00:00Z",
            "entries": entries,
        ]
    }

    func sitemap(baseURL: String, pages: [Page]) -> TemplateContext {
        // It lists every page: it changes with the entries of every kind, and the settings.
        site.record(.config)
        for kind in EntryKind.referenceable { site.record(.order(kind)) }
        for kind in Taxonomy.Kind.allCases { site.record(.terms(kind)) }
        let urls = pages.filter { $0.path.hasSuffix(".html") && $0 != .notFound }.map { page in
            ["loc": baseURL + (page == .home ? "" : page.path)]
        }
        return ["urls": urls]
    }
}
