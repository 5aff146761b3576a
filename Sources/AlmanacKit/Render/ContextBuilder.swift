import Foundation

/// A key that is there but has no value: renders as nothing, and stops
/// swift-mustache's search of enclosing contexts for the key.
nonisolated(unsafe) let absent: Any = NSNull()  // immutable: NSNull has no state

/// Builds the Mustache context of each page: `TemplateContext` values (see
/// there why not dictionaries), arrays and strings. Every value from Content is
/// passed as text, and the templates' `{{...}}` escape it; only rendered bodies
/// and generated SVG use `{{{...}}}`. What a page reads of the site goes
/// through `site` (`SiteReads`), which records it for the build cache.
struct ContextBuilder {
    /// The site, through what records each page's reads (the page's trace in the build cache).
    let site: SiteReads
    let theme: Theme
    /// Each entry's list item, rendered once per folder depth, and the site
    /// header, rendered once per depth, section and breadcrumb trail.
    let cache: RenderCache
    /// Threads for the items of long lists.
    var jobs = 1

    /// The interface string that names the index of each kind in the header.
    static let sectionKey: [EntryKind: String] = [.actor: "nav_actors", .poll: "nav_polls", .source: "nav_sources"]

    /// The keys every page has: `site`, `page`, `header`, `t` (the interface
    /// strings). `section`: the key of the header's section the page is in.
    /// `crumbs`: the breadcrumbs' titles and paths (from the top of the output).
    func base(_ page: Page, title: String, description: String?, section: String?,
              crumbs: [(title: String, path: String)] = []) -> TemplateContext {
        let config = site.config
        // The 404 page is served at any depth: with a base URL its links are absolute.
        let root = page == .notFound ? (config.baseURL ?? "") : page.pathToRoot
        var pageContext: TemplateContext = [
            "title": title,
            "root": root,
            "path": page.path,
            "is_home": page == .home,
        ]
        if let description = description ?? config.description { pageContext["description"] = description }
        if let base = config.baseURL { pageContext["canonical"] = base + (page == .home ? "" : page.path) }
        let siteContext = siteContext(root: root)
        // The header links the indexes of tags and places when the site has any.
        let terms = Taxonomy.Kind.allCases.filter { site.has($0) }
        let key = RenderCache.HeaderKey(root: root, section: section, crumbs: crumbs.flatMap { [$0.title, $0.path] } + terms.map(\.rawValue))
        let header = cache.header(key) {
            // The layout puts `{{{header}}}` on a line of its own, with its line break.
            var text = theme.render("partials/header", headerContext(root: root, section: section, crumbs: crumbs, terms: terms, site: siteContext))
            if text.hasSuffix("\n") { text.removeLast() }
            return text
        }
        return ["site": siteContext, "page": pageContext, "header": header, "t": InterfaceText(interface: site.strings)]
    }

    private func siteContext(root: String) -> TemplateContext {
        let config = site.config
        var context: TemplateContext = ["title": config.title, "language": config.language]
        if theme.hasSiteStylesheet { context["stylesheet"] = root + Theme.siteStylesheet }
        if let description = config.description { context["description"] = description }
        if let base = config.baseURL {
            context["base_url"] = base
            context["feed"] = root + Page.feed.path
            context["feed_title"] = site.strings.format("feed_link_title", ["site": config.title])
        }
        return context
    }

    /// What `partials/header` sees: `site`, `page.root`, `nav` and `breadcrumbs`.
    private func headerContext(root: String, section: String?, crumbs: [(title: String, path: String)], terms: [Taxonomy.Kind],
                               site: TemplateContext) -> TemplateContext {
        let sections: [(String, String)] = [
            ("nav_timeline", Page.timeline.path), ("nav_actors", Page.index(.actor).path), ("nav_polls", Page.index(.poll).path),
            ("nav_sources", Page.index(.source).path),
        ] + terms.map { ($0.navKey, Taxonomy.indexPath($0)) } + [("nav_search", Page.search.path)]
        let strings = self.site.strings
        let nav = sections.map { key, path -> TemplateContext in
            ["title": strings[key], "url": root + path, "current": key == section]
        }
        let items = crumbs.map { crumb -> TemplateContext in ["title": crumb.title, "url": root + crumb.path] }
        return ["site": site, "page": ["root": root] as TemplateContext, "nav": nav, "t": InterfaceText(interface: strings),
                "breadcrumbs": items.isEmpty ? absent : ["items": items] as TemplateContext]
    }

    /// What names an entry: its title, or for a home page without one of its
    /// own, the site's title (as the home page's h1 does).
    func title(of id: EntryID) -> String {
        let title = site.entry(id)?.title ?? ""
        return title.isEmpty && id == .home ? site.config.title : title
    }

    /// How a dated entry's date reads, from its date, its end and whether it is approximate.
    func dateText(_ id: EntryID) -> String {
        let entry = site[id]
        let strings = site.strings
        return cache.date(id) { DateText.span(of: entry, strings) }
    }

    /// A link to an entry from `page`, with what lists show of it.
    func item(_ id: EntryID, from page: Page) -> TemplateContext {
        let entry = site[id]
        let actor = entry.actor
        // Every key a list template may ask for is present (absent ones as NSNull,
        // which renders as nothing): a missing key would make swift-mustache
        // search every enclosing context for it, on every item.
        return [
            "title": title(of: id), "url": page.pathToRoot + id.outputPath, "kind": id.kind.noun, "slug": id.slug,
            "summary": entry.summary ?? absent,
            "date": entry.date == nil ? absent : dateText(id), "datetime": entry.date?.description ?? absent,
            "actor_kind": actor?.kind.rawValue ?? absent, "role": actor?.role ?? absent,
            "publication": entry.source?.publication ?? absent,
        ]
    }

    /// The entries as list items, each rendered by the template `partials/item`.
    /// An entry's item is the same in every list of pages at the same depth (only
    /// its relative URL differs with depth), so it is rendered once and reused,
    /// as Hugo's `partialCached` does: a site lists each entry on many pages.
    func itemsHTML(_ ids: [EntryID], from page: Page) -> String {
        let render = { (id: EntryID) in
            cache.item(id, root: page.pathToRoot) { theme.render("partials/item", item(id, from: page)) }
        }
        // A long list (the timeline, an index) has its items rendered on every core first.
        if ids.count >= 256, jobs > 1 { Parallel.forEach(ids, jobs: jobs) { _ = render($0) } }
        var html = ""
        for id in ids {
            // Recorded here too: an item rendered before (or by an earlier build) reads nothing.
            site.record(.entry(id))
            html += render(id)
        }
        return html
    }

    /// `{html: "<li>...</li>..."}` for a list that may be empty; nothing when it is,
    /// so that `{{#x}}...{{/x}}` shows its heading and list only when there is something in it.
    func list(_ ids: [EntryID], from page: Page) -> Any {
        ids.isEmpty ? absent : ["html": itemsHTML(ids, from: page)]
    }
}
