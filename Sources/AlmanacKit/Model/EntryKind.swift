import Foundation

/// The kinds of Markdown file under `Content/`, each in its own folder.
public enum EntryKind: String, Sendable, CaseIterable, Comparable, Codable {
    case actor, event, poll, source, page
    /// `Content/index.md`, the home page's text: not a folder, and no cross-reference names it.
    case home

    /// The kinds that live in a folder of their own and that cross-references name.
    public static let referenceable: [EntryKind] = [.actor, .event, .poll, .source, .page]
    /// The kinds whose folder has an index page (`actors/index.html`).
    static let indexed: [EntryKind] = [.actor, .poll, .source]

    /// `actors`, `events`, ...: the folder under `Content/` and under `Output/`.
    public var folder: String {
        switch self {
        case .actor: "actors"
        case .event: "events"
        case .poll: "polls"
        case .source: "sources"
        case .page: "pages"
        case .home: "homes"
        }
    }

    /// A word for readers: "actor", "event", ...
    public var noun: String { self == .home ? "home page" : rawValue }

    /// The cross-reference scheme in Markdown bodies: `actor:`, `event:`, ...
    public var scheme: String { rawValue }

    /// Place in `allCases` (compared in every sort of entries, so not looked up).
    var rank: Int {
        switch self {
        case .actor: 0
        case .event: 1
        case .poll: 2
        case .source: 3
        case .page: 4
        case .home: 5
        }
    }

    public static func < (a: EntryKind, b: EntryKind) -> Bool { a.rank < b.rank }

    /// The kind whose raw value is `bytes`, compared as bytes (not a `String` made
    /// to be switched over: the cache holds an id per reference).
    init?(named bytes: UnsafeBufferPointer<UInt8>) {
        guard let place = EntryKind.utf8Names.firstIndex(where: { name in
            name.count == bytes.count && name.withUnsafeBytes { memcmp($0.baseAddress!, bytes.baseAddress!, name.count) } == 0
        }) else { return nil }
        self = EntryKind.allCases[place]
    }

    /// Each kind's raw value in UTF-8, in the order of `allCases`.
    private static let utf8Names = allCases.map { Array($0.rawValue.utf8) }
}

/// Names one entry: its kind and slug.
public struct EntryID: Sendable, Hashable, Comparable, CustomStringConvertible, Codable {
    public let kind: EntryKind
    public let slug: String
    /// Computed once (FNV-1a of the slug's bytes): ids are looked up in
    /// dictionaries millions of times a build, and hashing the slug each time
    /// through `Hasher` cost more than the lookups themselves.
    private let hashCode: UInt64

    public init(_ kind: EntryKind, _ slug: String) {
        self.kind = kind
        self.slug = slug
        let seed: UInt64 = 0xcbf2_9ce4_8422_2325 ^ UInt64(kind.rank)
        // Over the bytes in place when the string has them (a native string always
        // does): stepping through `utf8` was 4% of a one-event rebuild.
        hashCode = slug.utf8.withContiguousStorageIfAvailable { EntryID.fnv($0, seed) } ?? EntryID.fnv(slug.utf8, seed)
    }

    private static func fnv(_ bytes: some Sequence<UInt8>, _ seed: UInt64) -> UInt64 {
        var hash = seed
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return hash
    }

    public func hash(into hasher: inout Hasher) { hasher.combine(hashCode) }

    /// What a `Dictionary` or `Set` of ids hashes with: the code mixed with the
    /// table's seed (the splitmix64 finalizer, so that its low bits, which pick
    /// the bucket, depend on every bit of FNV's), not fed through `Hasher`'s
    /// SipHash, which was 7% of a one-event rebuild.
    public func _rawHashValue(seed: Int) -> Int {
        var mixed = hashCode ^ UInt64(UInt(bitPattern: seed))
        mixed = (mixed ^ (mixed >> 30)) &* 0xbf58_476d_1ce4_e5b9
        mixed = (mixed ^ (mixed >> 27)) &* 0x94d0_49bb_1331_11eb
        return Int(truncatingIfNeeded: mixed ^ (mixed >> 31))
    }

    /// A hash of kind and slug that is the same in every process (`Hasher`'s is seeded per process).
    var stableHash: UInt64 { hashCode }

    /// Coded as `kind/slug`, one string: the build cache holds hundreds of thousands of ids.
    public init(from decoder: any Decoder) throws {
        self = try decoder.decodeCoded("an entry id") { text in
            var text = text
            return text.withUTF8 { EntryID.parse($0, 0 ..< $0.count) }
        }
    }

    /// The id written `kind/slug` at `range` of `bytes`, cut as bytes: the cache
    /// holds an id for every reference of every entry.
    static func parse(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> EntryID? {
        guard let slash = bytes[range].firstIndex(of: UInt8(ascii: "/")), let kind = EntryKind(named: UnsafeBufferPointer(rebasing: bytes[range.lowerBound ..< slash]))
        else { return nil }
        return EntryID(kind, bytes.text(slash + 1 ..< range.upperBound))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(kind.rawValue + "/" + slug)
    }

    /// Slugs of entries are ASCII (see `Slug`), so `String`'s equality, which is
    /// a byte comparison for them, agrees with the hash of their bytes.
    public static func == (a: EntryID, b: EntryID) -> Bool {
        a.hashCode == b.hashCode && a.kind == b.kind && a.slug == b.slug
    }

    /// `actor:slug`, as written in a cross-reference.
    public var description: String { "\(kind.scheme):\(slug)" }

    /// The page's path inside `Output/`.
    public var outputPath: String { kind == .home ? "index.html" : kind.folder + "/" + slug + ".html" }

    /// The home page's text, `Content/index.md`.
    public static let home = EntryID(.home, "index")

    public static func < (a: EntryID, b: EntryID) -> Bool {
        a.kind != b.kind ? a.kind < b.kind : a.slug.precedesInUTF8(b.slug)
    }
}
