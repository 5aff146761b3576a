/// One Markdown file of `Content/`, with its front matter checked and typed.
/// Its body is not part of it: the parser hands the Markdown to the linker
/// apart, which lets each go once its HTML is made (`Linker.link`).
///
/// A value, held in one shared box: an entry is copied into dictionaries, lists
/// and contexts many times per build, and copying its dozen fields one by one
/// (each a reference count to raise and lower) cost more than any use of them.
public struct Entry: Sendable, Codable {
    /// Its fields; their synthesized `Codable` is the entry's form in the build cache.
    private final class Storage: Sendable, Codable {
        let id: EntryID
        let path: String
        let title: String
        let summary: String?
        let aliases: [String]
        let draft: Bool
        let details: Details
        let bodyLineOffset: Int
        let fieldReferences: [FieldReference]
        let customFields: [CustomField]
        let tags: [String]

        init(id: EntryID, path: String, title: String, summary: String?, aliases: [String], draft: Bool, details: Details,
             bodyLineOffset: Int, fieldReferences: [FieldReference], customFields: [CustomField], tags: [String]) {
            self.id = id
            self.path = path
            self.title = title
            self.summary = summary
            self.aliases = aliases
            self.draft = draft
            self.details = details
            self.bodyLineOffset = bodyLineOffset
            self.fieldReferences = fieldReferences
            self.customFields = customFields
            self.tags = tags
        }
    }

    private let storage: Storage

    public init(from decoder: any Decoder) throws { storage = try Storage(from: decoder) }
    public func encode(to encoder: any Encoder) throws { try storage.encode(to: encoder) }

    public init(id: EntryID, path: String, title: String, summary: String?, aliases: [String], draft: Bool, details: Details,
                bodyLineOffset: Int, fieldReferences: [FieldReference], customFields: [CustomField] = [], tags: [String] = []) {
        storage = Storage(id: id, path: path, title: title, summary: summary, aliases: aliases, draft: draft, details: details,
                          bodyLineOffset: bodyLineOffset, fieldReferences: fieldReferences, customFields: customFields, tags: tags)
    }

    public var id: EntryID { storage.id }
    /// Relative to the site's root, e.g. `Content/actors/csto.md`.
    public var path: String { storage.path }
    public var title: String { storage.title }
    public var summary: String? { storage.summary }
    public var aliases: [String] { storage.aliases }
    public var draft: Bool { storage.draft }
    public var details: Details { storage.details }
    /// How many lines of the file come before the body (the front matter).
    public var bodyLineOffset: Int { storage.bodyLineOffset }
    /// Every reference made in the front matter, with where it was written.
    public var fieldReferences: [FieldReference] { storage.fieldReferences }
    /// Its tags as written, each slug once (see `Taxonomy`).
    public var tags: [String] { storage.tags }
    /// The custom fields it sets (site.yml `fields:`), in the order they are declared.
    public var customFields: [CustomField] { storage.customFields }

    /// The value of the custom field `key`, if the entry sets it.
    public func field(_ key: String) -> FieldValue? { customFields.first { $0.key == key }?.value }

    public var kind: EntryKind { id.kind }

    public var slug: String { id.slug }

    public enum Details: Sendable, Equatable, Codable {
        case actor(Actor)
        case event(Event)
        case poll(Poll)
        case source(Source)
        case page
    }

    public struct Actor: Sendable, Equatable, Codable {
        public enum Kind: String, Sendable, CaseIterable, Codable {
            case person, organization, state, media, group
        }
        public let kind: Kind
        public let role: String?
        public let country: String?
    }

    public struct Event: Sendable, Equatable, Codable {
        public let date: PartialDate
        public let end: PartialDate?
        public let circa: Bool
        public let actors: [String]
        public let places: [String]
        public let sources: [String]
    }

    public struct Poll: Sendable, Equatable, Codable {
        public struct Result: Sendable, Equatable, Codable {
            public let answer: String
            public let percent: Double
        }
        public let pollster: String
        public let date: PartialDate
        public let end: PartialDate?
        public let method: String?
        public let sampleSize: Int?
        public let population: String?
        public let question: String?
        public let results: [Result]
        public let actors: [String]
        public let sources: [String]
    }

    public struct Source: Sendable, Equatable, Codable {
        public let publication: String
        public let authors: [String]
        public let published: PartialDate?
        public let url: String?
    }

    /// The date the timeline files it under (events and polls only).
    public var date: PartialDate? {
        switch details {
        case .event(let event): event.date
        case .poll(let poll): poll.date
        case .source(let source): source.published
        default: nil
        }
    }

    public var end: PartialDate? {
        switch details {
        case .event(let event): event.end
        case .poll(let poll): poll.end
        default: nil
        }
    }
}

/// Coded as its case's number, then what it holds, in one unkeyed container: an
/// enum's synthesized form (a keyed container named by the case, then another
/// inside it) took a tenth of reading the build cache back.
extension Entry.Details {
    private enum Case: UInt8 { case actor, event, poll, source, page }

    public init(from decoder: any Decoder) throws {
        var container = try decoder.unkeyedContainer()
        switch Case(rawValue: try container.decode(UInt8.self)) {
        case .actor: self = .actor(try container.decode(Entry.Actor.self))
        case .event: self = .event(try container.decode(Entry.Event.self))
        case .poll: self = .poll(try container.decode(Entry.Poll.self))
        case .source: self = .source(try container.decode(Entry.Source.self))
        case .page: self = .page
        case nil: throw DecodingError.dataCorruptedError(in: container, debugDescription: "not a kind of entry")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.unkeyedContainer()
        switch self {
        case .actor(let actor): try container.encode(Case.actor.rawValue); try container.encode(actor)
        case .event(let event): try container.encode(Case.event.rawValue); try container.encode(event)
        case .poll(let poll): try container.encode(Case.poll.rawValue); try container.encode(poll)
        case .source(let source): try container.encode(Case.source.rawValue); try container.encode(source)
        case .page: try container.encode(Case.page.rawValue)
        }
    }
}

/// A reference from an entry's front matter (`actors:`, `pollster:`, `sources:`, a reference field).
public struct FieldReference: Sendable, Hashable, Codable {
    public let target: EntryID
    public let relation: Relation
    public let position: SourcePosition?

    init(target: EntryID, relation: Relation, position: SourcePosition?) {
        self.target = target
        self.relation = relation
        self.position = position
    }

    /// Coded as one string, `participant actor/slug 7:12` (relation, target, line and
    /// column if known): the build cache holds one per reference of every entry, and
    /// three containers each took a fifth of the time to read it.
    public init(from decoder: any Decoder) throws {
        self = try decoder.decodeCoded("a reference", FieldReference.init(coded:))
    }

    /// The reference `encode(to:)` wrote as `text`, read from its end as bytes (as
    /// `Character`s it was a tenth of a one-event rebuild at 20,000 events): the
    /// position when the last word is `LINE:COLUMN`, then the target (a slug holds
    /// no space), then the relation (all before it).
    init?(coded text: String) {
        var text = text
        guard let reference = text.withUTF8(FieldReference.parse) else { return nil }
        self = reference
    }

    private static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> FieldReference? {
        func number(_ range: Range<Int>) -> Int? {
            guard !range.isEmpty, range.count <= 18 else { return nil }
            var value = 0
            for index in range {
                guard (UInt8(ascii: "0") ... UInt8(ascii: "9")).contains(bytes[index]) else { return nil }
                value = value * 10 + Int(bytes[index] - UInt8(ascii: "0"))
            }
            return value
        }
        guard var space = bytes.lastIndex(of: UInt8(ascii: " ")) else { return nil }
        var end = bytes.count
        var position: SourcePosition?
        if let colon = bytes[(space + 1) ..< end].firstIndex(of: UInt8(ascii: ":")),
           let line = number(space + 1 ..< colon), let column = number(colon + 1 ..< end) {
            position = SourcePosition(line: line, column: column)
            end = space
            guard let before = bytes[..<end].lastIndex(of: UInt8(ascii: " ")) else { return nil }
            space = before
        }
        guard let target = EntryID.parse(bytes, space + 1 ..< end), let relation = Relation(description: bytes.text(0 ..< space)) else { return nil }
        return FieldReference(target: target, relation: relation, position: position)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        let place = position.map { " \($0.line):\($0.column)" } ?? ""
        try container.encode(relation.description + " " + target.kind.rawValue + "/" + target.slug + place)
    }
}

/// How one entry refers to another: the edge labels of the entry graph.
public enum Relation: Sendable, Hashable, Codable, CustomStringConvertible {
    /// An event's `actors:`.
    case participant
    /// A poll's `pollster:`.
    case pollster
    /// A poll's `actors:`.
    case subject
    /// `sources:` of an event or poll.
    case cites
    /// A reference field of entries of a kind (site.yml `fields:`), by its key: a typed relation.
    case field(EntryKind, String)
    /// A cross-reference in a Markdown body (or in a `text` field).
    case mentions

    /// `participant`, ..., `mentions`; a field by its kind and key, `actor/member_of`.
    public var description: String {
        switch self {
        case .participant: "participant"
        case .pollster: "pollster"
        case .subject: "subject"
        case .cites: "cites"
        case .mentions: "mentions"
        case .field(let kind, let key): "\(kind.rawValue)/\(key)"
        }
    }

    /// The same number for the same relation in every process (for the build cache's fingerprints).
    var stableHash: UInt64 {
        switch self {
        case .participant: 0
        case .pollster: 1
        case .subject: 2
        case .cites: 3
        case .mentions: 4
        case .field: StableHasher.hash(description)
        }
    }

    /// Coded as its description, one string.
    public init(from decoder: any Decoder) throws {
        self = try decoder.decodeCoded("a relation", Relation.init(description:))
    }

    /// The relation whose `description` is `text`.
    init?(description text: String) {
        switch text {
        case "participant": self = .participant
        case "pollster": self = .pollster
        case "subject": self = .subject
        case "cites": self = .cites
        case "mentions": self = .mentions
        default:
            guard let slash = text.firstIndex(of: "/"), let kind = EntryKind(rawValue: String(text[..<slash])) else { return nil }
            self = .field(kind, String(text[text.index(after: slash)...]))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
