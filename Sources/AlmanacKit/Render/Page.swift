/// One file the build writes, before it is rendered.
public enum Page: Sendable, Hashable {
    case home
    case timeline
    /// One year of a large site's timeline (see `SiteSlices`).
    case timelineYear(Int)
    case index(EntryKind)
    /// The entries of a large index under one letter (see `SiteSlices`).
    case indexLetter(EntryKind, String)
    case entry(EntryID)
    /// `tags/index.html`, `places/index.html`.
    case terms(Taxonomy.Kind)
    /// `tags/<slug>.html`, `places/<slug>.html`.
    case term(Taxonomy.Kind, String)
    case search
    case searchIndex
    /// A part of the search index loaded on demand (`search/<name>.js`, see `SearchIndex`).
    case searchShard(String)
    case notFound
    case feed
    case sitemap
    /// One of the files a sitemap index lists, numbered from 1 (past `sitemapLimit` URLs).
    case sitemapPart(Int)
    /// A file of `data/`, the site's entries for re-use.
    case data(DataFile)
    /// `.almanac-output`: says the folder is Almanac's to replace (see `OutputMarker`).
    case outputMarker

    /// Its path inside `Output/`.
    public var path: String {
        switch self {
        case .home: "index.html"
        case .timeline: "timeline.html"
        case .timelineYear(let year): "timeline/\(year).html"
        case .index(let kind): "\(kind.folder)/index.html"
        case .indexLetter(let kind, let key): "\(kind.folder)/index_\(key).html"
        case .entry(let id): id.outputPath
        case .terms(let kind): Taxonomy.indexPath(kind)
        case .term(let kind, let slug): Taxonomy.path(kind, slug)
        case .search: "search.html"
        case .searchIndex: "search-index.js"
        case .searchShard(let name): SearchIndex.shardPath(name)
        case .notFound: "404.html"
        case .feed: "feed.xml"
        case .sitemap: "sitemap.xml"
        case .sitemapPart(let number): "sitemap-\(number).xml"
        case .data(let file): file.path
        case .outputMarker: OutputMarker.name
        }
    }

    /// What the page is, for messages: "the actors index page".
    var summary: String {
        switch self {
        case .home: "the home page"
        case .timeline: "the timeline"
        case .timelineYear(let year): "the timeline of \(year)"
        case .index(let kind): "the \(kind.folder) index page"
        case .indexLetter(let kind, let key): "the \(kind.folder) index page of '\(key)'"
        case .entry(let id): "the page of \(id.kind.rawValue) '\(id.slug)'"
        case .terms(let kind): "the \(kind.folder) index page"
        case .term(let kind, let slug): "the page of \(kind.noun) '\(slug)'"
        case .search: "the search page"
        case .searchIndex, .searchShard: "the search index"
        case .notFound: "the page for addresses not found"
        case .feed: "the feed"
        case .sitemap, .sitemapPart: "the sitemap"
        case .data(let file): "the data file \(file.name)"
        case .outputMarker: "the mark of an Almanac output"
        }
    }

    /// `../` for each folder the page is in: prefix a path inside `Output/` with it.
    var pathToRoot: String {
        let path = path.utf8
        func depth(_ bytes: some Sequence<UInt8>) -> Int { bytes.reduce(0) { $1 == UInt8(ascii: "/") ? $0 + 1 : $0 } }
        // Counted over the bytes in place: through `utf8`, 0.7% of a build.
        return String(repeating: "../", count: path.withContiguousStorageIfAvailable(depth) ?? depth(path))
    }

    /// The pages every site has that are no entry's (the feed and sitemap too,
    /// which a site with a `base_url` has): no entry's page may take their place.
    static let generated: [Page] = all(of: nil) + [.feed, .sitemap]

    /// Every page of a site, in a fixed order.
    static func all(of site: LinkedSite?, searchShards: [String] = []) -> [Page] {
        var pages: [Page] = [.outputMarker, .home, .timeline] + EntryKind.indexed.map { .index($0) } + [.search, .searchIndex, .notFound]
        pages += DataFile.all.map { .data($0) }
        pages += searchShards.map { .searchShard($0) }
        guard let site else { return pages }
        pages += site.slices.years.map { .timelineYear(Int($0.key)!) }
        for kind in SiteSlices.lettered {
            pages += (site.slices.letters[kind] ?? []).map { .indexLetter(kind, $0.key) }
        }
        for kind in EntryKind.referenceable {
            pages += (site.ordered[kind] ?? []).map { .entry($0) }
        }
        for kind in Taxonomy.Kind.allCases where !site.taxonomy(kind).isEmpty {
            pages += [.terms(kind)] + site.taxonomy(kind).terms.map { .term(kind, $0.slug) }
        }
        if site.config.baseURL != nil {
            pages += [.feed, .sitemap]
            let parts = Page.sitemapParts(urls: Page.sitemapped(pages).count)
            if parts > 1 { pages += (1...parts).map { .sitemapPart($0) } }
        }
        return pages
    }

    /// The most URLs one sitemap file may list (sitemaps.org): past it,
    /// `sitemap.xml` is an index of files of at most this many.
    static let sitemapLimit = 50_000

    /// How many files the sitemap's URLs take (1: `sitemap.xml` alone).
    static func sitemapParts(urls: Int) -> Int { max(1, (urls + sitemapLimit - 1) / sitemapLimit) }

    /// The pages a sitemap lists: every HTML page but the 404 page.
    static func sitemapped(_ pages: [Page]) -> [Page] { pages.filter(\.isSitemapped) }

    /// Whether it is an HTML page other than the 404 page, told by its case (making
    /// every page's path to look at its end was most of planning the pages).
    private var isSitemapped: Bool {
        switch self {
        case .home, .timeline, .timelineYear, .index, .indexLetter, .entry, .terms, .term, .search: true
        case .notFound, .searchIndex, .searchShard, .feed, .sitemap, .sitemapPart, .data, .outputMarker: false
        }
    }
}
