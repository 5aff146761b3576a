/// A site linked: every body rendered to HTML with its cross-references turned
/// into relative links, and the entry graph built. Only a site without errors is
/// rendered; one with errors is still checked (see `Almanac.Loaded.linked`).
public struct LinkedSite: Sendable {
    public let config: SiteConfig
    /// Every entry of the build (drafts only with `--drafts`), by id.
    public let entries: [EntryID: Entry]
    /// What could be read of entries whose files had errors: they have pages
    /// once fixed, and their bodies' links are checked too.
    let broken: [EntryID: Entry]
    /// Entries of each kind in display order: events and polls by date, the rest by title.
    public let ordered: [EntryKind: [EntryID]]
    /// Events and polls in timeline order.
    public let timeline: [EntryID]
    /// Each event's place in `ordered[.event]`, for previous and next links.
    public let eventIndex: [EntryID: Int]
    /// The timeline's year pages and the indexes' letter pages, on a large site.
    public let slices: SiteSlices
    /// Each body linked in this build as HTML, cross-references resolved (see `body(_:)` for all).
    let bodies: [EntryID: String]
    /// What this build found in the bodies it linked (broken entries' too), and what an earlier one found in those it reused.
    let linkedFacts: [EntryID: Linker.BodyFacts]
    let reusedFacts: [EntryID: Linker.BodyFacts]
    public let graph: EntryGraph
    /// The `text` fields of each entry that has any, linked as bodies are.
    let texts: [EntryID: [Linker.LinkedText]]
    /// Every tag and every place, with their entries (see `Taxonomy`).
    public let tags: Taxonomy
    public let places: Taxonomy
    /// Links the bodies that were reused, when a page shows one (see `Linker.link`).
    let resolver: Resolver
    let markdown: @Sendable (Entry) -> String?

    public subscript(id: EntryID) -> Entry { entries[id]! }

    /// The entry's body as HTML: linked in this build, or, for a body whose facts
    /// were reused, read and linked now (the same function, on the same text).
    public func body(_ id: EntryID) -> String {
        if let html = bodies[id] { return html }
        guard let entry = entries[id], reusedFacts[id] != nil, let text = markdown(entry) else { return "" }
        return resolver.renderBody(of: entry, markdown: text).html
    }

    /// The entry's distinct body words, for the search index.
    public func searchWords(_ id: EntryID) -> String { reading(id)?.words ?? "" }

    /// What linking found in the entry's body, in this build or an earlier one.
    func facts(_ id: EntryID) -> Linker.BodyFacts? { linkedFacts[id] ?? reusedFacts[id] }

    /// The body's text as a reader sees it, blocks separated by newlines.
    public func plainText(_ id: EntryID) -> String { reading(id)?.text.reading { entries[$0]?.title } ?? "" }

    /// The body's words and text: from its facts, or, when the cache's copy of
    /// them cannot be read, from the body read and linked again.
    private func reading(_ id: EntryID) -> Linker.BodyFacts.Reading? {
        guard let facts = facts(id) else { return nil }
        if let reading = facts.reading.value { return reading }
        guard let entry = entries[id], let text = markdown(entry) else { return nil }
        let body = resolver.renderBody(of: entry, markdown: text)
        return Linker.BodyFacts.Reading(words: body.words, text: body.text)
    }

    /// The entries the body refers to, in the order of first reference.
    public func mentions(_ id: EntryID) -> [EntryID] { (linkedFacts[id] ?? reusedFacts[id])?.mentions ?? [] }

    /// The entries the body refers to, then those its `text` fields refer to.
    func allMentions(_ id: EntryID) -> [EntryID] { mentions(id) + (texts[id] ?? []).flatMap(\.mentions) }

    /// The custom fields the entry sets, with their declarations, in declared order.
    public func customFields(_ id: EntryID) -> [(declaration: FieldDeclaration, value: FieldValue)] {
        guard let entry = entries[id], !entry.customFields.isEmpty else { return [] }
        return entry.customFields.compactMap { field in config.fields.declaration(field.key, of: id.kind).map { ($0, field.value) } }
    }

    /// A `text` field's HTML, cross-references resolved (nil when the entry does not set it).
    public func fieldHTML(_ id: EntryID, key: String) -> String? { texts[id]?.first { $0.key == key }?.html }

    /// The events before and after this one on the timeline.
    func neighbours(of id: EntryID) -> (EntryID?, EntryID?) {
        guard let events = ordered[.event], let index = eventIndex[id] else { return (nil, nil) }
        return (index > 0 ? events[index - 1] : nil, index + 1 < events.count ? events[index + 1] : nil)
    }
}

/// Stage 3, link: resolves `actor:`, `event:`, `poll:`, `source:` and `page:`
/// references on each body's cmark tree and in front matter, reports the ones
/// that lead nowhere, and builds the graph of who refers to whom.
public enum Linker {
    /// What linking found in a body: the entries it mentions (checked then) and
    /// its words. A rebuild reuses it for a body that has not changed since.
    public struct BodyFacts: Sendable, Codable {
        public let mentions: [EntryID]
        /// Its words and the text a reader sees: kept as bytes in the build cache until
        /// asked for (most entries' are not; see `LinkedSite.reading(_:)`).
        let reading: Deferred<Reading>
        /// The ids its headings got, and its links to ids and files (see `LinkCheck`).
        public let headingIDs: [String]
        public let links: [BodyLink]

        struct Reading: Sendable, Codable {
            let words: String
            /// The text a reader sees (see `PlainText`).
            let text: PlainText
        }

        init(mentions: [EntryID], words: String, text: PlainText, headingIDs: [String], links: [BodyLink]) {
            self.mentions = mentions
            reading = Deferred(Reading(words: words, text: text))
            self.headingIDs = headingIDs
            self.links = links
        }
    }

    /// A `text` field linked: its HTML, what it mentions and its links to check (see `LinkCheck`).
    struct LinkedText: Sendable {
        let key: String
        let html: String
        let mentions: [EntryID]
        let field: CustomField
        let links: [BodyLink]
    }

    /// `broken` holds what could be read of entries whose files had errors: their
    /// references are checked too, and references to them are not reported.
    /// Entries in `reused` keep their earlier body's references and words (found
    /// in the same text), and get their HTML only if a page shows it; `reread`
    /// gives such a body's Markdown then, or when one of its references no longer
    /// leads anywhere (it is linked again, to say where).
    ///
    /// `markdown` holds the body of each entry to link (none for those reused).
    /// The linker takes it: each body is freed as soon as its HTML is made, so
    /// that a site's Markdown and its HTML are not both held at once, which was
    /// the peak of a build's memory. Pass it with `consume`, or a copy holds on.
    public static func link(config: SiteConfig, entries allEntries: [Entry], broken: [Entry] = [], markdown: consuming [EntryID: String],
                            reused: [EntryID: BodyFacts] = [:], reread: @escaping @Sendable (Entry) -> String? = { _ in nil },
                            includeDrafts: Bool, jobs: Int) -> (LinkedSite, [Diagnostic]) {
        let brokenIDs = Set(broken.map(\.id))
        let entries = allEntries.filter { includeDrafts || !$0.draft }
        let byID = Dictionary(entries.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let drafts = Set(allEntries.filter { !includeDrafts && $0.draft }.map(\.id))
        let resolver = Resolver(entries: byID, drafts: drafts, broken: brokenIDs, unsafeHTML: config.unsafeHTML)

        // One parallel pass: each entry's front matter references are checked and its
        // body linked, or, for a body reused, its earlier references followed. Edges
        // name entries by their number in `all`.
        let all = entries + broken
        let numbers = Dictionary(all.enumerated().map { ($1.id, Int32($0)) }, uniquingKeysWith: { first, _ in first })
        // Moved, not copied, out of `markdown`: each slot is then the body's only holder.
        let texts = TakenOnce(all.map { markdown.removeValue(forKey: $0.id) ?? "" })
        let linked = Parallel.map(Array(all.indices), jobs: jobs) { index -> (edges: [EntryGraph.NumberedEdge], diagnostics: [Diagnostic],
                                                                      body: (html: String, facts: BodyFacts)?, texts: [LinkedText]) in
                let entry = all[index]
                var edges: [EntryGraph.NumberedEdge] = []
                var diagnostics: [Diagnostic] = []
                let from = numbers[entry.id]!
                func link(to target: EntryID, _ relation: Relation) {
                    if let to = numbers[target] { edges.append(.init(from: from, to: to, relation: relation)) }
                }
                for reference in entry.fieldReferences {
                    if let problem = resolver.problem(with: reference.target) {
                        diagnostics.append(.error(entry.path, reference.position, problem))
                    } else {
                        link(to: reference.target, reference.relation)
                    }
                }
                var fieldTexts: [LinkedText] = []
                for field in entry.customFields {
                    guard case .text(let markdown) = field.value else { continue }
                    let text = resolver.renderText(field, markdown: markdown, of: entry)
                    for edge in text.edges { link(to: edge.to, .mentions) }
                    diagnostics += text.diagnostics
                    fieldTexts.append(LinkedText(key: field.key, html: text.html, mentions: text.edges.map(\.to).uniqued(), field: field, links: text.links))
                }
                if let facts = reused[entry.id], facts.mentions.allSatisfy({ resolver.problem(with: $0) == nil }) {
                    for target in facts.mentions { link(to: target, .mentions) }
                    return (edges, diagnostics, nil, fieldTexts)
                }
                var text = texts.take(index)
                if reused[entry.id] != nil { text = reread(entry) ?? "" }
                let body = resolver.renderBody(of: entry, markdown: text)
                for edge in body.edges { link(to: edge.to, .mentions) }
                return (edges, diagnostics + body.diagnostics, (body.html, BodyFacts(mentions: body.edges.map(\.to).uniqued(), words: body.words, text: body.text,
                                                                                       headingIDs: body.headingIDs, links: body.links)), fieldTexts)
        }
        // What each entry's linking found, gathered on one core; the entries put in order on the other.
        let ((edges, gathered, bodies, linkedFacts, reusedFacts, linkedTexts), (ordered, rank, timeline)) = Parallel.both(jobs: jobs, {
            var diagnostics: [Diagnostic] = []
            var edges: [EntryGraph.NumberedEdge] = []
            var bodies: [EntryID: String] = [:]
            var linkedFacts: [EntryID: BodyFacts] = [:]
            var reusedFacts = reused
            var linkedTexts: [EntryID: [LinkedText]] = [:]
            bodies.reserveCapacity(max(0, all.count - reused.count))
            linkedFacts.reserveCapacity(max(0, all.count - reused.count))
            edges.reserveCapacity(linked.reduce(0) { $0 + $1.edges.count })
            for (entry, result) in zip(all, linked) {
                edges += result.edges
                diagnostics += result.diagnostics
                if !result.texts.isEmpty { linkedTexts[entry.id] = result.texts }
                guard let body = result.body else { continue }
                reusedFacts[entry.id] = nil
                linkedFacts[entry.id] = body.facts
                if !brokenIDs.contains(entry.id) { bodies[entry.id] = body.html }
            }
            return (edges, diagnostics, bodies, linkedFacts, reusedFacts, linkedTexts)
        }) {
            let ordered = order(entries)
            // One rank across all kinds (kind by kind, each in its order): lists that mix kinds,
            // such as "Referenced by", need a total order, or a Set's hashing would pick one.
            var rank = [Int](repeating: 1 << 40, count: all.count)
            for (place, id) in EntryKind.allCases.flatMap({ ordered[$0] ?? [] }).enumerated() { rank[Int(numbers[id]!)] = place }
            let timeline = merged(ordered[.event] ?? [], ordered[.poll] ?? []) { precedes((byID[$0]!.date!, $0), (byID[$1]!.date!, $1)) }
            return (ordered, rank, timeline)
        }
        var diagnostics = gathered
        // The graph on one core, the tags, places and slices on the other.
        let (graph, (places, placeWarnings, tags, slices)) = Parallel.both(jobs: jobs, {
            EntryGraph(ids: all.map(\.id), edges: edges, rank: rank, fields: config.fields)
        }) {
            let (places, warnings) = Taxonomy.places(of: byID, ordered: ordered, config: config)
            return (places, warnings, Taxonomy.tags(of: byID, ordered: ordered), SiteSlices(entries: byID, ordered: ordered, timeline: timeline))
        }
        for id in ordered[.source] ?? [] where graph.incoming(id).isEmpty {
            diagnostics.append(.warning(byID[id]!.path, nil, "source '\(id.slug)' is not cited or mentioned by any entry"))
        }
        let eventIndex = Dictionary(uniqueKeysWithValues: (ordered[.event] ?? []).enumerated().map { ($1, $0) })
        // A place only an event with errors names is not unused: it is then not said.
        if broken.isEmpty { diagnostics += placeWarnings }
        let brokenByID = Dictionary(broken.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let site = LinkedSite(config: config, entries: byID, broken: brokenByID, ordered: ordered, timeline: timeline, eventIndex: eventIndex,
                              slices: slices, bodies: bodies,
                              linkedFacts: linkedFacts, reusedFacts: reusedFacts, graph: graph, texts: linkedTexts,
                              tags: tags, places: places, resolver: resolver, markdown: reread)
        return (site, diagnostics)
    }

    /// Events and polls by date; actors, sources and pages by title, then slug.
    static func order(_ entries: [Entry]) -> [EntryKind: [EntryID]] {
        Dictionary(grouping: entries, by: \.kind).mapValues { group in
            if group[0].kind == .event || group[0].kind == .poll { return timelineOrdered(group) }
            let titles = group.map { $0.title.lowercased() }
            return sorted(group) { a, b in
                titles[a] != titles[b] ? titles[a].precedesInUTF8(titles[b]) : group[a].slug.precedesInUTF8(group[b].slug)
            }
        }
    }

    /// Dated entries in the timeline's order: earliest day, then precision, then slug.
    static func timelineOrdered(_ entries: [Entry]) -> [EntryID] {
        let keys = entries.map { $0.date!.sortKey }
        return sorted(entries) { a, b in
            // Different dates differ in their keys; on one date, `precedes` orders by slug, then kind.
            keys[a] != keys[b] ? keys[a] < keys[b] : precedes((entries[a].date!, entries[a].id), (entries[b].date!, entries[b].id))
        }
    }

    /// The ids of `entries` in the order `precedes` gives their indices. Numbers
    /// are sorted, not ids or entries: a sort moves what it sorts, and moving an
    /// id retains and releases its slug.
    private static func sorted(_ entries: [Entry], by precedes: (Int, Int) -> Bool) -> [EntryID] {
        Array(entries.indices).sorted(by: precedes).map { entries[$0].id }
    }

    /// Two lists in `order` as one list in that order.
    static func merged<T>(_ a: [T], _ b: [T], by order: (T, T) -> Bool) -> [T] {
        var result: [T] = []
        result.reserveCapacity(a.count + b.count)
        var (i, j) = (0, 0)
        while i < a.count, j < b.count {
            if order(b[j], a[i]) {
                result.append(b[j])
                j += 1
            } else {
                result.append(a[i])
                i += 1
            }
        }
        return result + a[i...] + b[j...]
    }

    /// Whether `a` comes before `b` on the timeline.
    static func precedes(_ a: (date: PartialDate, id: EntryID), _ b: (date: PartialDate, id: EntryID)) -> Bool {
        if a.date != b.date { return a.date < b.date }
        if a.id.slug != b.id.slug { return a.id.slug.precedesInUTF8(b.id.slug) }
        return a.id.kind < b.id.kind
    }
}

extension Array where Element: Hashable {
    /// The elements in order, each kept at its first place only.
    func uniqued() -> [Element] {
        var seen = Set<Element>()
        return filter { seen.insert($0).inserted }
    }
}
