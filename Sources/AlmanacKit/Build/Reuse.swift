import Foundation

/// The last build, as its cache holds it.
struct Previous {
    let state: BuildCache.State
    /// The last record of each entry file.
    let records: [String: BuildCache.EntryRecord]
    /// How many records the file holds, replaced ones too.
    let recordCount: Int
    let traces: BuildCache.Traces
}

/// What this build takes from the last one: which pages must be rendered again
/// (those with a read that now gives something else), and what rendering made
/// of entries whose front matter is as it was.
struct Reuse {
    /// The fingerprint of each key of the last build's traces in this build, and
    /// whether it changed (see `compare`: the search index's keys need the renderer's index).
    private(set) var current: [UInt64] = []
    private(set) var changed: [Bool] = []
    let traces: [String: [Int32]]
    /// The parts of pages made of them (see `PartedText`).
    let parts: [String: BuildCache.Traces.Parts]
    let themeChanged: Bool
    /// The interface's words changed: list items and search rows show them (dates, counts).
    let interfaceChanged: Bool
    let known: [EntryID: SiteRenderer.Reusable]
    let searchIndex: SearchIndex.Previous?

    init(site: LinkedSite, loaded: Almanac.Loaded, previous: Previous, fingerprints: Fingerprints) {
        let keys = previous.traces.keys
        let values = previous.traces.fingerprints
        let themeChanged = keys.firstIndex(of: .theme).map { values[$0] != fingerprints.theme } ?? true
        // Items and search rows show dates in the interface's language.
        let interfaceChanged = keys.firstIndex(of: .interface).map { values[$0] != fingerprints.interface } ?? true
        self.themeChanged = themeChanged
        self.interfaceChanged = interfaceChanged
        // The pages' traces by path on one core, what is known of the entries on the other.
        let ((traces, parts), (known, searchIndex)) = Parallel.both(jobs: 2, {
            (Dictionary(previous.traces.pages.map { ($0.path, $0.reads) }, uniquingKeysWith: { first, _ in first }),
             Dictionary(previous.traces.pages.compactMap { page in page.parts.map { (page.path, $0) } }, uniquingKeysWith: { first, _ in first }))
        }) {
            Reuse.known(site: site, loaded: loaded, previous: previous, fingerprints: fingerprints, themeChanged: themeChanged, interfaceChanged: interfaceChanged)
        }
        self.traces = traces
        self.parts = parts
        self.known = known
        self.searchIndex = searchIndex
    }

    /// What rendering made of each entry whose front matter is as it was, and the
    /// search index of the last build with the entries parsed again as they were
    /// (nil when it cannot be patched).
    private static func known(site: LinkedSite, loaded: Almanac.Loaded, previous: Previous, fingerprints: Fingerprints, themeChanged: Bool,
                              interfaceChanged: Bool) -> ([EntryID: SiteRenderer.Reusable], SearchIndex.Previous?) {
        var known: [EntryID: SiteRenderer.Reusable] = [:]
        known.reserveCapacity(site.entries.count)
        // Entries whose document or words changed, as they were: the search index patches their postings.
        var before: [EntryID: (document: SearchIndex.Document, words: String)]? = previous.traces.numbering == fingerprints.numbering ? [:] : nil
        for (id, entry) in site.entries {
            guard let record = previous.records[entry.path], let hashes = loaded.hashes[id] else {
                before = nil
                continue
            }
            if interfaceChanged {
                before = nil
                continue
            }
            if record.hashes.frontMatter == hashes.frontMatter, let rendered = record.rendered {
                // A list item shows the theme's `partials/item`.
                known[id] = themeChanged ? SiteRenderer.Reusable(item: nil, search: rendered.search) : rendered
            }
            if record.hashes != hashes, EntryKind.referenceable.contains(id.kind) {
                if let document = record.rendered?.search, let words = record.facts.reading.value?.words { before?[id] = (document, words) } else { before = nil }
            }
        }
        return (known, before.map { SearchIndex.Previous(table: previous.traces.searchTable, entries: $0) })
    }

    /// The fingerprints in this build of the last build's keys that do not read the
    /// search index (nil for those that do: they need this build's index).
    static func fingerprints(besidesSearch fingerprints: Fingerprints, of previous: Previous) -> [UInt64?] {
        Parallel.map(previous.traces.keys, jobs: 2) { key in
            if case .searchPart = key { nil } else { fingerprints.value(of: key) }
        }
    }

    /// Fingerprints every key of the last build's traces in this build: `early`
    /// holds those made before the search index was (see `fingerprints(besidesSearch:of:)`).
    mutating func compare(_ fingerprints: Fingerprints, with previous: Previous, early: [UInt64?]) {
        let late = early.indices.filter { early[$0] == nil }
        var current = early.map { $0 ?? 0 }
        for (index, value) in zip(late, Parallel.map(late, jobs: 2) { fingerprints.value(of: previous.traces.keys[$0]) }) {
            current[index] = value
        }
        self.current = current
        changed = zip(current, previous.traces.fingerprints).map { $0 != $1 }
    }

    /// Whether the output's files have the paths of the last build's: the same pages
    /// (`paths`) in the same order, the same theme, the same static files.
    func samePaths(as previous: Previous, pages paths: [String], staticFiles: [ContentFile]) -> Bool {
        guard !themeChanged, previous.traces.pages.count == paths.count, zip(previous.traces.pages, paths).allSatisfy({ $0.path == $1 }) else { return false }
        let prefix = ContentFile.staticFolder + "/"
        return previous.state.inputs.lazy.map(\.path).filter { $0.hasPrefix(prefix) }.elementsEqual(staticFiles.lazy.map(\.path))
    }

    /// Whether the page at `path` must be rendered: it is new, or something it read changed.
    func mustRender(_ path: String) -> Bool {
        guard let reads = traces[path] else { return true }
        return reads.contains { changed[Int($0)] }
    }

    /// The parts of the page's file in the output folder, when what it read outside
    /// them gives what it gave: each may be copied when its reads all do too.
    func earlierParts(of page: Page, in output: URL) -> PartedText.Earlier? {
        func isChanged(_ read: Int32) -> Bool { changed[Int(read)] }
        guard let table = parts[page.path], !table.outside.contains(where: isChanged),
              let file = try? Data(contentsOf: output.appending(path: page.path), options: .alwaysMapped)
        else { return nil }
        return PartedText.Earlier(file: file, parts: table.all.map { part in
            (part.name, part.range.upperBound <= file.count && !part.reads.contains(where: isChanged) ? (part.range, part.reads) : nil)
        })
    }
}
