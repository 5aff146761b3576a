import Foundation

extension Almanac {
    /// A site read, parsed and linked, with everything that was wrong with it.
    public struct Loaded: Sendable {
        /// The site, when nothing is wrong with it.
        public var site: LinkedSite?
        /// The site as linked whatever is wrong with it (when `site.yml` could be
        /// read): its links are still checked, so that every problem is reported at once.
        var linked: LinkedSite?
        public var staticFiles: [ContentFile] = []
        public var diagnostics: [Diagnostic] = []
        /// Hashes of each entry's front matter and body text, and of `site.yml`.
        var hashes: [EntryID: ContentHashes] = [:]
        var configHash: UInt64 = 0
        /// The warnings of each entry file (the cache keeps them with the entry).
        var warnings: [String: [Diagnostic]] = [:]
    }

    /// Stage 1, load: every file of the site, each stamped (with `stamp`) before any is read.
    struct Listing: Sendable {
        /// Sorted by path.
        var files: [ContentFile]
        var diagnostics: [Diagnostic]
        /// The stamp of each of `files`, in their order (nil for one gone since it was listed).
        var fileStamps: [BuildCache.Stamp?] = []
        /// The same stamps by path.
        var stamps: [String: BuildCache.Stamp] = [:]

        /// The files stamped, in the order of their paths.
        var stamped: [BuildCache.Stamped] {
            zip(files, fileStamps).compactMap { file, stamp in stamp.map { BuildCache.Stamped(path: file.path, stamp: $0) } }
        }
    }

    static func list(_ options: Options, stamp: Bool) -> Listing {
        let listed = ContentLoader(root: options.root).list()
        var listing = Listing(files: listed.files, diagnostics: listed.diagnostics)
        if stamp {
            listing.fileStamps = Parallel.map(listed.files, jobs: options.jobs) { BuildCache.Stamp(path: $0.absolutePath) }
            listing.stamps = Dictionary(listing.stamped.map { ($0.path, $0.stamp) }, uniquingKeysWith: { first, _ in first })
        }
        return listing
    }

    /// Load, parse and link, without a cache (`build --check`, `render`, tests).
    public static func loadParseAndLink(_ options: Options) -> Loaded {
        var clock = StageClock(options.progress)
        let listing = list(options, stamp: false)
        clock.finish(.load, listing.files.count, "file")
        return parseAndLink(listing, options: options, records: [:], clock: &clock)
    }

    /// Stages 2 and 3, parse and link. An entry whose file has the stamp of a
    /// record of the last build is taken from it, unread; one whose body has the
    /// hash of its record's keeps the facts linking found in it (its HTML is made
    /// again only if a page shows it).
    static func parseAndLink(_ listing: Listing, options: Options, records: [String: BuildCache.EntryRecord], clock: inout StageClock) -> Loaded {
        let loader = ContentLoader(root: options.root)
        // The settings first: entries are parsed with the custom fields they declare.
        let settings = listing.files.first { $0.role == .siteConfig }.map { parse($0, with: loader, record: nil, stamp: nil, fields: .none, fieldPrints: [:]) }
        let fields = siteFields(settings?.value, file: listing.files.first { $0.role == .siteConfig }, loader: loader)
        let fieldPrints = fields.fingerprints
        var parsed = Parallel.map(Array(listing.files.indices), jobs: options.jobs) { index in
            let file = listing.files[index]
            return file.role == .siteConfig ? settings!
                : parse(file, with: loader, record: records[file.path], stamp: listing.fileStamps.isEmpty ? nil : listing.fileStamps[index],
                        fields: fields, fieldPrints: fieldPrints)
        }
        var loaded = Loaded(diagnostics: listing.diagnostics)
        var config: SiteConfig?
        var entries: [Entry] = []
        var broken: [Entry] = []
        var markdown: [EntryID: String] = [:]
        var reused: [EntryID: Linker.BodyFacts] = [:]
        markdown.reserveCapacity(parsed.count)
        reused.reserveCapacity(records.isEmpty ? 0 : parsed.count)
        loaded.hashes.reserveCapacity(parsed.count)
        entries.reserveCapacity(parsed.count)
        for (file, result) in zip(listing.files, parsed) {
            loaded.diagnostics += result.diagnostics
            switch (file.role, result.value) {
            case (.siteConfig, .config(let value, let hash)):
                config = value
                loaded.configHash = hash
            case (.entry, .entry(let entry, let body, let hashes, let facts)):
                entries.append(entry)
                if let body { markdown[entry.id] = body }
                if let facts { reused[entry.id] = facts }
                loaded.hashes[entry.id] = hashes
                if !result.diagnostics.isEmpty { loaded.warnings[file.path] = result.diagnostics }
            case (.entry, .broken(let entry, let body)):
                broken.append(entry)
                markdown[entry.id] = body
            case (.staticFile, _): loaded.staticFiles.append(file)
            default: break
            }
        }
        // The bodies' only holder is now `markdown`, which the linker takes (see `Linker.link`).
        parsed = []
        clock.finish(.parse, entries.count + broken.count, "entry")
        // Without usable settings the entries are still linked, so that every problem is reported at once.
        let (site, linkDiagnostics) = Linker.link(config: config ?? SiteConfig(title: ""), entries: entries, broken: broken,
                                                  markdown: consume markdown, reused: reused, reread: { entry in rereadBody(of: entry, root: options.root) },
                                                  includeDrafts: options.includeDrafts, jobs: options.jobs)
        clock.finish(.link, site.graph.backlinks.values.reduce(0) { $0 + $1.count }, "link")
        loaded.diagnostics += linkDiagnostics
        loaded.diagnostics.sort()
        if config != nil {
            loaded.linked = site
            if !loaded.diagnostics.contains(where: \.isError) { loaded.site = site }
        }
        return loaded
    }

    /// One file as parsing gives it: settings, an entry (its Markdown, or the facts
    /// of the same body from the last build), or what could be read of a broken one.
    private enum ParsedFile {
        case config(SiteConfig, hash: UInt64)
        case entry(Entry, body: String?, hashes: ContentHashes, reusedFacts: Linker.BodyFacts?)
        case broken(Entry, body: String)
    }

    /// The custom fields of the settings; when they have errors, those declared well (read again).
    private static func siteFields(_ settings: ParsedFile?, file: ContentFile?, loader: ContentLoader) -> SiteFields {
        if case .config(let config, _) = settings { return config.fields }
        guard let file, case .success(let text) = loader.read(file) else { return .none }
        return EntryParser.parseSiteFields(text, path: file.path)
    }

    private static func parse(_ file: ContentFile, with loader: ContentLoader, record: BuildCache.EntryRecord?,
                              stamp: BuildCache.Stamp?, fields: SiteFields, fieldPrints: [EntryKind: UInt64]) -> (value: ParsedFile?, diagnostics: [Diagnostic]) {
        if case .staticFile = file.role { return (nil, []) }
        // `fieldPrints`: `fields.fingerprint(of:)` of each kind.
        if let record, let stamp, record.stamp == stamp, record.fields == fieldPrints[record.entry.kind] {
            return (.entry(record.entry, body: nil, hashes: record.hashes, reusedFacts: record.facts), record.warnings)
        }
        let text: String
        switch loader.read(file) {
        case .success(let value): text = value
        case .failure(let diagnostic): return (nil, [diagnostic])
        }
        switch file.role {
        case .siteConfig:
            let (config, diagnostics) = EntryParser.parseSiteConfig(text, path: file.path)
            return (config.map { .config($0, hash: StableHasher.hash(text)) }, diagnostics)
        case .entry(let id):
            let parsed = EntryParser.parse(text, id: id, path: file.path, fields: fields)
            if let entry = parsed.entry {
                // Hashed only for the cache (which stamps the files).
                let hashes = stamp == nil ? ContentHashes.none : ContentHashes(text: text, body: parsed.body)
                let facts = record?.hashes.body == hashes.body ? record?.facts : nil
                return (.entry(entry, body: facts == nil ? parsed.body : nil, hashes: hashes, reusedFacts: facts), parsed.diagnostics)
            }
            return (parsed.broken.map { .broken($0, body: parsed.body) }, parsed.diagnostics)
        case .staticFile:
            return (nil, [])
        }
    }

    /// The Markdown of an entry's body, read again: for a body whose facts were
    /// reused, when a page shows its HTML.
    static func rereadBody(of entry: Entry, root: URL) -> String? {
        let file = ContentFile(role: .entry(entry.id), path: entry.path, url: root.appending(path: entry.path))
        guard case .success(let text) = ContentLoader(root: root).read(file), let split = try? FrontMatter.split(text) else { return nil }
        return String(split.body)
    }
}
