/// One file the build writes, before it is rendered.
public enum Page: Sendable, Hashable {
    case home
    case timeline
    case index(EntryKind)
    case entry(EntryID)
    /// `tags/index.html`, `places/index.html`.
    case terms(Taxonomy.Kind)
    /// `tags/<slug>.html`, `places/<slug>.html`.
    case term(Taxonomy.Kind, String)
    case search
    case searchIndex
    /// A part of the search index loaded on demand (`search/<key>.js`).
    case searchShard(String)
    case notFound
    case feed
    case sitemap
    /// `.almanac-output`: says the folder is Almanac's to replace (see `OutputMarker`).
    case outputMarker

    /// Its path inside `Output/`.
    public var path: String {
        switch self {
        case .home: "index.html"
        case .timeline: "timeline.html"
        case .index(let kind): "\(kind.folder)/index.html"
        case .entry(let id): id.outputPath
        case .terms(let kind): Taxonomy.indexPath(kind)
        case .term(let kind, let slug): Taxonomy.path(kind, slug)
        case .search: "search.html"
        case .searchIndex: "search-index.js"
        case .searchShard(let key): SearchIndex.shardPath(key)
        case .notFound: "404.html"
        case .feed: "feed.xml"
        case .sitemap: "sitemap.xml"
        case .outputMarker: OutputMarker.name
        }
    }

    /// What the page is, for messages: "the actors index page".
    var summary: String {
        switch self {
        case .home: "the home page"
        case .timeline: "the timeline"
        case .index(let kind): "the \(kind.folder) index page"
        case .entry(let id): "the page of \(id.kind.rawValue) '\(id.slug)'"
        case .terms(let kind): "the \(kind.folder) index page"
        case .term(let kind, let slug): "the page of \(kind.noun) '\(slug)'"
        case .search: "the search page"
        case .searchIndex, .searchShard: "the search index"
        case .notFound: "the page for addresses not found"
        case .feed: "the feed"
        case .sitemap: "the sitemap"
        case .outputMarker: "the mark of an Almanac output"
        }
    }

    /// `../` for each folder the page is in: prefix a path inside `Output/` with it.
    var pathToRoot: String { String(repeating: "../", count: path.utf8.filter { $0 == UInt8(ascii: "/") }.count) }

    /// The pages every site has that are no entry's (the feed and sitemap too,
    /// which a site with a `base_url` has): no entry's page may take their place.
    static let generated: [Page] = all(of: nil) + [.feed, .sitemap]

    /// Every page of a site, in a fixed order.
    static func all(of site: LinkedSite?, searchShards: [String] = []) -> [Page] {
        var pages: [Page] = [.outputMarker, .home, .timeline] + EntryKind.indexed.map { .index($0) } + [.search, .searchIndex, .notFound]
        pages += searchShards.map { .searchShard($0) }
        guard let site else { return pages }
        for kind in EntryKind.referenceable {
            pages += (site.ordered[kind] ?? []).map { .entry($0) }
        }
        for kind in Taxonomy.Kind.allCases where !site.taxonomy(kind).isEmpty {
            pages += [.terms(kind)] + site.taxonomy(kind).terms.map { .term(kind, $0.slug) }
        }
        if site.config.baseURL != nil { pages += [.feed, .sitemap] }
        return pages
    }
}
