import Foundation

/// Stage 4, render: turns each page of a linked site into the bytes of its file.
public struct SiteRenderer: Sendable {
    public let site: LinkedSite
    public let theme: Theme
    public let interface: Interface
    public let pages: [Page]
    /// Each page's path, in the order of `pages` (made once: a path is built from its parts each time it is asked for).
    let paths: [String]
    private let cache: RenderCache
    let jobs: Int
    /// Built once: its shards are pages of their own.
    let searchIndex: SearchIndex

    /// What rendering made of one entry that depends on its front matter and the
    /// theme alone: the build cache keeps it for entries that do not change.
    struct Reusable: Sendable, Codable {
        /// Its list item on pages at the top of the output, if one was rendered.
        let item: String?
        let search: SearchIndex.Document
    }

    /// In the site's language (`Interface.load`'s diagnostics are the build's to report).
    public init(site: LinkedSite, theme: Theme, jobs: Int = 1) {
        self.init(site: site, theme: theme, interface: Interface.load(language: site.config.language, own: theme.strings).0, jobs: jobs, reusing: [:])
    }

    public init(site: LinkedSite, theme: Theme, interface: Interface, jobs: Int = 1) {
        self.init(site: site, theme: theme, interface: interface, jobs: jobs, reusing: [:])
    }

    /// `known`: what earlier builds made of entries unchanged since; `previousIndex`: see `SearchIndex.Previous`.
    init(site: LinkedSite, theme: Theme, interface: Interface, jobs: Int, reusing known: [EntryID: Reusable], previousIndex: SearchIndex.Previous? = nil) {
        self.site = site
        self.theme = InterfaceConstants.fold(theme, interface)
        self.interface = interface
        self.jobs = jobs
        self.cache = RenderCache(known: { known[$0]?.item })
        self.searchIndex = SearchIndex(site: site, interface: interface, known: { known[$0]?.search }, previous: previousIndex, jobs: jobs)
        self.pages = Page.all(of: site, searchShards: searchIndex.partNames)
        self.paths = Parallel.map(pages, jobs: jobs, \.path)
    }

    /// Whether the entry's list item for pages at the top of the output was rendered (or reused).
    func hasItem(_ id: EntryID) -> Bool { cache.rendered(id, root: "") != nil }

    /// What the build cache keeps of an entry, once every page is rendered.
    func reusable(_ id: EntryID) -> Reusable? {
        searchIndex.documents[id].map { Reusable(item: cache.rendered(id, root: ""), search: $0) }
    }

    public func render(_ page: Page) -> Data { render(page, recordingReads: false).bytes.joined }

    /// The page's bytes, and with `recordingReads` what it read of the site to make
    /// them (its trace in the build cache): the reads outside its parts, and its
    /// parts, for a page made of them (see `PartedText`; `earlier`: the parts
    /// of the last build's page that it may copy; `place`: where the page's file
    /// goes, for a long one made from nothing, written there as it is made).
    func render(_ page: Page, recordingReads: Bool, earlier: PartedText.Earlier? = nil, writingTo place: OutputPlace? = nil)
        -> (bytes: FileBytes, reads: Set<ReadKey>, parts: [PartedText.Part]) {
        let reads = SiteReads(site, interface: interface, recording: recordingReads)
        let contexts = ContextBuilder(site: reads, theme: theme, cache: cache, jobs: jobs)
        let text: String
        switch page {
        case .home: text = theme.render("home", contexts.homePage())
        case .timeline: text = theme.render("timeline", contexts.timelinePage())
        case .timelineYear(let year): text = theme.render("timeline", contexts.yearPage(year))
        case .index(let kind): text = theme.render(kind.folder, contexts.indexPage(kind))
        case .indexLetter(let kind, let key): text = theme.render(kind.folder, contexts.letterPage(kind, key))
        case .entry(let id): text = theme.render(id.kind.rawValue, contexts.entryPage(id))
        case .terms(let kind): text = theme.render(kind.folder, contexts.termIndexPage(kind))
        case .term(let kind, let slug): text = theme.render(kind.noun, contexts.termPage(kind, slug))
        case .search: text = theme.render("search", contexts.searchPage())
        case .notFound: text = theme.render("404", contexts.notFoundPage())
        case .searchIndex, .searchShard:
            // Made of every entry: read as what it holds.
            let name = if case .searchShard(let name) = page { name } else { "index" }
            return (FileBytes(Data(AllowedText.valid(searchIndex.part(name) ?? "").utf8)), [.searchPart(name)], [])
        case .feed: text = theme.render("feed", contexts.feed(baseURL: site.config.baseURL!))
        case .data(let file):
            let text = PartedText(site: reads, earlier: earlier, writingTo: place?.file(for: page.path)) { DataExport.estimatedSize(of: file, site) }
            DataExport(site: reads, text: text).write(file)
            return (text.bytes, reads.keys, text.parts)
        case .outputMarker: text = OutputMarker.text
        case .sitemap: text = theme.render("sitemap", contexts.sitemap(baseURL: site.config.baseURL!, pages: pages, part: nil))
        case .sitemapPart(let number): text = theme.render("sitemap", contexts.sitemap(baseURL: site.config.baseURL!, pages: pages, part: number))
        }
        return (FileBytes(Data(AllowedText.valid(text).utf8)), reads.keys, [])
    }
}
