import Foundation

/// One thing a page can read of the site. A page's reads, recorded while it is
/// rendered, are its trace in the build cache: a later build renders the page
/// again only when one of them now has another fingerprint (see `Fingerprints`).
enum ReadKey: Hashable, Sendable {
    /// `site.yml`.
    case config
    /// The templates and assets.
    case theme
    /// An entry's front matter, or that there is no such entry.
    case entry(EntryID)
    /// An entry's body as HTML (which shows the titles of the entries it links to).
    case body(EntryID)
    /// The entries an entry refers to in its body and `text` fields (not how it shows them).
    case mentions(EntryID)
    /// Every reference to an entry, with its relation.
    case incoming(EntryID)
    /// The events before and after an event on the timeline.
    case neighbours(EntryID)
    /// The entries of a kind, in display order.
    case order(EntryKind)
    /// The interface strings: the language and its table, with the site's own strings.
    case interface
    /// Whether the site has tags, and places (the header links their indexes).
    case taxonomies
    /// Every tag (or place): slug, title and number of entries.
    case terms(Taxonomy.Kind)
    /// One tag (or place): its title, other spellings and entries.
    case term(Taxonomy.Kind, String)
    /// The years of a cut timeline (see `SiteSlices`).
    case years
    /// The events and polls of one year of a cut timeline, in order.
    case year(Int)
    /// The letters of a cut index.
    case letters(EntryKind)
    /// The entries of a cut index under one letter, in order.
    case letter(EntryKind, String)
    /// One file of the search index (`index`: `search-index.js`, else a shard's name),
    /// by its text: made of every entry, it is fingerprinted by what it holds.
    case searchPart(String)
}

/// A key is kept as one short string (`e actor/slug`): a site's pages read
/// a hundred thousand of them, and an enum's own `Codable` form is four
/// containers deep.
extension ReadKey: Codable {
    init(from decoder: any Decoder) throws {
        try self.init(code: try decoder.singleValueContainer().decode(String.self))
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(code)
    }

    init(code text: String) throws {
        var text = text
        guard let key = text.withUTF8(ReadKey.parse) else { throw BinaryCoder.Malformed() }
        self = key
    }

    /// The key `code` wrote as `bytes`: its case's letter, a space, what it is of.
    /// Read as bytes (as `Character`s, reading the keys back was a twentieth of
    /// a one-event rebuild).
    private static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> ReadKey? {
        guard let tag = bytes.first else { return nil }
        let rest = min(2, bytes.count) ..< bytes.count
        /// What follows the space, cut at its first slash.
        func halves() -> (String, String)? {
            guard let slash = bytes[rest].firstIndex(of: UInt8(ascii: "/")) else { return nil }
            return (bytes.text(rest.lowerBound ..< slash), bytes.text(slash + 1 ..< rest.upperBound))
        }
        func id() -> EntryID? { EntryID.parse(bytes, rest) }
        switch tag {
        case UInt8(ascii: "c"): return .config
        case UInt8(ascii: "t"): return .theme
        case UInt8(ascii: "l"): return .interface
        case UInt8(ascii: "x"): return .taxonomies
        case UInt8(ascii: "T"): return Taxonomy.Kind(rawValue: bytes.text(rest)).map { .terms($0) }
        case UInt8(ascii: "g"):
            guard let (kind, slug) = halves(), let taxonomy = Taxonomy.Kind(rawValue: kind) else { return nil }
            return .term(taxonomy, slug)
        case UInt8(ascii: "s"): return .searchPart(bytes.text(rest))
        case UInt8(ascii: "Y"): return .years
        case UInt8(ascii: "y"): return Int(bytes.text(rest)).map { .year($0) }
        case UInt8(ascii: "A"): return EntryKind(rawValue: bytes.text(rest)).map { .letters($0) }
        case UInt8(ascii: "a"):
            guard let (kind, key) = halves(), let entryKind = EntryKind(rawValue: kind) else { return nil }
            return .letter(entryKind, key)
        case UInt8(ascii: "e"): return id().map { .entry($0) }
        case UInt8(ascii: "b"): return id().map { .body($0) }
        case UInt8(ascii: "i"): return id().map { .incoming($0) }
        case UInt8(ascii: "m"): return id().map { .mentions($0) }
        case UInt8(ascii: "n"): return id().map { .neighbours($0) }
        case UInt8(ascii: "o"): return EntryKind(rawValue: bytes.text(rest)).map { .order($0) }
        default: return nil
        }
    }

    /// The key as one string: a letter for its case, a space, what it is of.
    var code: String {
        switch self {
        case .config: "c"
        case .theme: "t"
        case .interface: "l"
        case .taxonomies: "x"
        case .terms(let kind): "T " + kind.rawValue
        case .term(let kind, let slug): "g " + kind.rawValue + "/" + slug
        case .searchPart(let name): "s " + name
        case .years: "Y"
        case .year(let year): "y " + String(year)
        case .letters(let kind): "A " + kind.rawValue
        case .letter(let kind, let key): "a " + kind.rawValue + "/" + key
        case .entry(let id): "e " + id.kind.rawValue + "/" + id.slug
        case .body(let id): "b " + id.kind.rawValue + "/" + id.slug
        case .incoming(let id): "i " + id.kind.rawValue + "/" + id.slug
        case .mentions(let id): "m " + id.kind.rawValue + "/" + id.slug
        case .neighbours(let id): "n " + id.kind.rawValue + "/" + id.slug
        case .order(let kind): "o " + kind.rawValue
        }
    }
}

/// The site as one page's rendering sees it: each read is recorded (`keys`).
/// Reads may come from several threads (long lists render their items on every core).
final class SiteReads: @unchecked Sendable {
    let site: LinkedSite
    private let interface: Interface
    /// Without a cache, nothing needs the reads.
    private let recording: Bool
    private let lock = NSLock()
    // Every page goes through the theme's templates.
    private var recorded: Set<ReadKey> = [.theme]
    /// The reads of the part being made, if one is (see `PartedText`).
    private var partReads: Set<ReadKey>?

    init(_ site: LinkedSite, interface: Interface = .english, recording: Bool = true) {
        self.site = site
        self.interface = interface
        self.recording = recording
    }

    /// What the page read, but for what its parts read (see `PartedText`).
    var keys: Set<ReadKey> { lock.withLock { recorded } }

    func record(_ key: ReadKey) {
        guard recording else { return }
        lock.withLock {
            if partReads != nil { _ = partReads!.insert(key) } else { _ = recorded.insert(key) }
        }
    }

    /// What `make` gives, and what it read: a part's reads (see `PartedText`), not the page's.
    func readingPart(_ make: () -> String) -> (String, Set<ReadKey>) {
        lock.withLock { partReads = [] }
        let text = make()
        return (text, lock.withLock { partReads.take() ?? [] })
    }

    /// The words of the interface (`t` in templates, dates, counts).
    var strings: Interface {
        record(.interface)
        return interface
    }

    var config: SiteConfig {
        record(.config)
        return site.config
    }

    subscript(id: EntryID) -> Entry {
        record(.entry(id))
        return site[id]
    }

    /// The entry, if the site has it.
    func entry(_ id: EntryID) -> Entry? {
        record(.entry(id))
        return site.entries[id]
    }

    func body(_ id: EntryID) -> String {
        record(.body(id))
        return site.body(id)
    }

    func incoming(_ id: EntryID, _ relation: Relation) -> [EntryID] {
        record(.incoming(id))
        return site.graph.incoming(id, relation)
    }

    /// The custom fields the entry sets, with their declarations (from `site.yml`).
    func customFields(_ id: EntryID) -> [(declaration: FieldDeclaration, value: FieldValue)] {
        record(.entry(id))
        record(.config)
        return site.customFields(id)
    }

    /// A `text` field's HTML, which shows the titles of the entries it links to.
    func fieldHTML(_ id: EntryID, key: String) -> String {
        record(.entry(id))
        guard let text = site.texts[id]?.first(where: { $0.key == key }) else { return "" }
        for target in text.mentions { record(.entry(target)) }
        return text.html
    }

    /// The references to an entry made in reference fields, in the order of their declarations.
    func incomingFields(_ id: EntryID) -> [Edge] {
        record(.incoming(id))
        return site.graph.incomingFields(id)
    }

    func ordered(_ kind: EntryKind) -> [EntryID] {
        record(.order(kind))
        return site.ordered[kind] ?? []
    }

    /// Events and polls in timeline order.
    var timeline: [EntryID] {
        record(.order(.event))
        record(.order(.poll))
        return site.timeline
    }

    /// The events before and after this one on the timeline.
    func neighbours(of id: EntryID) -> (EntryID?, EntryID?) {
        record(.neighbours(id))
        return site.neighbours(of: id)
    }

    /// Whether the site has any tags (or places).
    func has(_ kind: Taxonomy.Kind) -> Bool {
        record(.taxonomies)
        return !site.taxonomy(kind).isEmpty
    }

    /// Every tag (or place), for its index: read what else of them you show through `term`.
    func terms(_ kind: Taxonomy.Kind) -> [Taxonomy.Term] {
        record(.terms(kind))
        return site.taxonomy(kind).terms
    }

    func term(_ kind: Taxonomy.Kind, _ slug: String) -> Taxonomy.Term? {
        record(.term(kind, slug))
        return site.taxonomy(kind)[slug]
    }

    /// The years of a cut timeline; empty when it is not cut.
    var years: [Int] {
        record(.years)
        return site.slices.years.map { Int($0.key)! }
    }

    /// The years of a cut timeline and how many events and polls each has.
    var yearSizes: [(year: Int, count: Int)] {
        record(.years)
        record(.order(.event))
        record(.order(.poll))
        return site.slices.years.map { (Int($0.key)!, $0.ids.count) }
    }

    /// The events and polls of one year of a cut timeline.
    func year(_ year: Int) -> [EntryID] {
        record(.year(year))
        return site.slices.year(year)?.ids ?? []
    }

    /// The letters of a cut index (key, label); empty when it is not cut.
    func letters(_ kind: EntryKind) -> [(key: String, label: String)] {
        record(.letters(kind))
        return (site.slices.letters[kind] ?? []).map { ($0.key, $0.label) }
    }

    /// The letters of a cut index and how many entries each has.
    func letterSizes(_ kind: EntryKind) -> [(key: String, label: String, count: Int)] {
        record(.letters(kind))
        record(.order(kind))
        return (site.slices.letters[kind] ?? []).map { ($0.key, $0.label, $0.ids.count) }
    }

    /// The entries of a cut index under one letter.
    func letter(_ kind: EntryKind, _ key: String) -> [EntryID] {
        record(.letter(kind, key))
        return site.slices.letter(kind, key)?.ids ?? []
    }
}

/// The reads of the pages rendered so far, by path, and the parts of those made
/// of parts (pages render on several threads).
final class TraceLog: @unchecked Sendable {
    private let lock = NSLock()
    private var reads: [String: (reads: Set<ReadKey>, parts: [PartedText.Part])] = [:]

    func add(_ path: String, _ keys: Set<ReadKey>, parts: [PartedText.Part]) { lock.withLock { reads[path] = (keys, parts) } }

    var all: [String: (reads: Set<ReadKey>, parts: [PartedText.Part])] { lock.withLock { reads } }
}

extension SiteReads {
    /// The entries of a kind, by slug: the data files' order, which a new title does not change.
    func bySlug(_ kind: EntryKind) -> [EntryID] { ordered(kind).sorted() }

    /// The entries an entry's body refers to (they change with its body), then
    /// those its `text` fields refer to (they change with its front matter).
    func mentions(_ id: EntryID) -> [EntryID] {
        record(.mentions(id))
        return site.allMentions(id)
    }

    /// The entry's body as a reader sees it, without markup.
    func plainText(_ id: EntryID) -> String {
        record(.body(id))
        return site.plainText(id)
    }
}
