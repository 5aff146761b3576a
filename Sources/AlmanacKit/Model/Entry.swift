/// One Markdown file of `Content/`, with its front matter checked and typed.
public struct Entry: Sendable, Codable {
    public let id: EntryID
    /// Relative to the site's root, e.g. `Content/actors/csto.md`.
    public let path: String
    public let title: String
    public let summary: String?
    public let aliases: [String]
    public let draft: Bool
    public let details: Details
    /// The Markdown after the front matter (empty once the site is linked).
    public private(set) var body: String
    /// How many lines of the file come before the body (the front matter).
    public let bodyLineOffset: Int
    /// Every reference made in the front matter, with where it was written.
    public let fieldReferences: [FieldReference]

    public var kind: EntryKind { id.kind }

    /// The same entry without its Markdown, once that is rendered.
    var withoutBody: Entry {
        var copy = self
        copy.body = ""
        return copy
    }
    public var slug: String { id.slug }

    public enum Details: Sendable, Codable {
        case actor(Actor)
        case event(Event)
        case poll(Poll)
        case source(Source)
        case page
    }

    public struct Actor: Sendable, Codable {
        public enum Kind: String, Sendable, CaseIterable, Codable {
            case person, organization, state, media, group
        }
        public let kind: Kind
        public let role: String?
        public let country: String?
    }

    public struct Event: Sendable, Codable {
        public let date: PartialDate
        public let end: PartialDate?
        public let circa: Bool
        public let actors: [String]
        public let places: [String]
        public let sources: [String]
    }

    public struct Poll: Sendable, Codable {
        public struct Result: Sendable, Codable {
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

    public struct Source: Sendable, Codable {
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

/// A reference from an entry's front matter (`actors:`, `pollster:`, `sources:`).
public struct FieldReference: Sendable, Hashable, Codable {
    public let target: EntryID
    public let relation: Relation
    public let position: SourcePosition?
}

/// How one entry refers to another: the edge labels of the entry graph.
public enum Relation: String, Sendable, CaseIterable, Comparable, Codable {
    /// An event's `actors:`.
    case participant
    /// A poll's `pollster:`.
    case pollster
    /// A poll's `actors:`.
    case subject
    /// `sources:` of an event or poll.
    case cites
    /// A cross-reference in a Markdown body.
    case mentions

    /// Place in `allCases`.
    var rank: Int {
        switch self {
        case .participant: 0
        case .pollster: 1
        case .subject: 2
        case .cites: 3
        case .mentions: 4
        }
    }

    public static func < (a: Relation, b: Relation) -> Bool { a.rank < b.rank }
}
