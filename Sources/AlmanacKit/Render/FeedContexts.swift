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

    /// `part` nil: `sitemap.xml`, which lists every page, or past `Page.sitemapLimit`
    /// pages is an index (`index.parts`) of the files that do; else that file's pages.
    func sitemap(baseURL: String, pages: [Page], part: Int?) -> TemplateContext {
        // It lists every page: it changes with the entries of every kind, the cut lists' pages, and the settings.
        site.record(.config)
        for kind in EntryKind.referenceable { site.record(.order(kind)) }
        for kind in Taxonomy.Kind.allCases { site.record(.terms(kind)) }
        _ = site.years
        for kind in SiteSlices.lettered { _ = site.letters(kind) }
        let listed = Page.sitemapped(pages)
        let parts = Page.sitemapParts(urls: listed.count)
        if part == nil, parts > 1 {
            let files = (1...parts).map { ["loc": baseURL + Page.sitemapPart($0).path] }
            return ["urls": [TemplateContext](), "index": ["parts": files] as TemplateContext]
        }
        let slice = part.map { listed[($0 - 1) * Page.sitemapLimit ..< min(listed.count, $0 * Page.sitemapLimit)] } ?? listed[...]
        let urls = slice.map { page in ["loc": baseURL + (page == .home ? "" : page.path)] }
        return ["urls": urls, "index": absent]
    }
}
