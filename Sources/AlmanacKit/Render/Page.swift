/// One file the build writes, before it is rendered.
public enum Page: Sendable, Hashable {
    case home
    case timeline
    case index(EntryKind)
    case entry(EntryID)
    case search
    case searchIndex
    /// A part of the search index loaded on demand (`search/<key>.js`).
    case searchShard(String)
    case notFound
    case feed
    case sitemap

    /// Its path inside `Output/`.
    public var path: String {
        switch self {
        case .home: "index.html"
        case .timeline: "timeline.html"
        case .index(let kind): "\(kind.folder)/index.html"
        case .entry(let id): id.outputPath
        case .search: "search.html"
        case .searchIndex: "search-index.js"
        case .searchShard(let key): SearchIndex.shardPath(key)
        case .notFound: "404.html"
        case .feed: "feed.xml"
        case .sitemap: "sitemap.xml"
        }
    }

    /// `../` for each folder the page is in: prefix a path inside `Output/` with it.
    var root: String { String(repeating: "../", count: path.utf8.filter { $0 == UInt8(ascii: "/") }.count) }

    /// Every page of a site, in a fixed order.
    static func all(of site: LinkedSite, searchShards: [String] = []) -> [Page] {
        var pages: [Page] = [.home, .timeline, .index(.actor), .index(.poll), .index(.source), .search, .searchIndex, .notFound]
        pages += searchShards.map { .searchShard($0) }
        for kind in EntryKind.referenceable {
            pages += (site.ordered[kind] ?? []).map { .entry($0) }
        }
        if site.config.baseURL != nil { pages += [.feed, .sitemap] }
        return pages
    }
}
