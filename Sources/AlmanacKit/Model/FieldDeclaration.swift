/// A key a site adds to the front matter of one kind of entry (`fields:` in
/// `Content/site.yml`): what it holds, whether it must be there, and how readers see it.
public struct FieldDeclaration: Sendable, Hashable, Codable {
    /// The front matter key, and the name templates know it by.
    public let key: String
    public let type: FieldType
    public let required: Bool
    /// The only values a `string` (or each item of a `[string]`) may take; nil: any.
    public let values: [String]?
    /// The name shown to readers (`label:`, or the key with its words capitalised).
    public let label: String
    /// For a reference: the heading under which the target's page lists the
    /// entries that name it (nil: the default heading, see `reverseLabel`).
    public let reverse: String?
    /// The kind of entry that has the field.
    public let kind: EntryKind

    public init(key: String, type: FieldType, required: Bool = false, values: [String]? = nil, label: String? = nil,
                reverse: String? = nil, kind: EntryKind) {
        self.key = key
        self.type = type
        self.required = required
        self.values = values
        self.label = label ?? FieldDeclaration.defaultLabel(key)
        self.reverse = reverse
        self.kind = kind
    }

    /// The relation a reference field makes, as an edge of the entry graph.
    public var relation: Relation { .field(kind, key) }

    /// `member_of` -> `Member Of`: words split at `_` and `-`, each capitalised.
    static func defaultLabel(_ key: String) -> String {
        key.split(whereSeparator: { $0 == "_" || $0 == "-" }).map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined(separator: " ")
    }
}

/// The type of a custom field, as `site.yml` spells it: `integer`, `"[actor]"`, ...
public enum FieldType: Sendable, Hashable, Codable {
    case string, text, integer, number, bool, date, url
    /// `[string]`.
    case strings
    /// `actor`, `event`, `poll`, `source`, `page`: one entry's slug.
    case reference(EntryKind)
    /// `[actor]`, ...: a list of slugs.
    case references(EntryKind)

    /// Every type, by its name.
    public static let all: [FieldType] = [.string, .text, .integer, .number, .bool, .date, .url, .strings]
        + EntryKind.referenceable.map(FieldType.reference) + EntryKind.referenceable.map(FieldType.references)

    /// The type called `name` (`[actor]` or `[ actor ]`), if there is one.
    public init?(name: String) {
        let compact = name.filter { $0 != " " }
        guard let type = FieldType.all.first(where: { $0.name == compact }) else { return nil }
        self = type
    }

    /// As written in `site.yml`: `integer`, `[actor]`.
    public var name: String {
        switch self {
        case .string: "string"
        case .text: "text"
        case .integer: "integer"
        case .number: "number"
        case .bool: "bool"
        case .date: "date"
        case .url: "url"
        case .strings: "[string]"
        case .reference(let kind): kind.rawValue
        case .references(let kind): "[\(kind.rawValue)]"
        }
    }

    /// The kind of entry a reference names; nil for other types.
    public var target: EntryKind? {
        switch self {
        case .reference(let kind), .references(let kind): kind
        default: nil
        }
    }

    /// Whether the value is a list.
    public var isList: Bool {
        switch self {
        case .strings, .references: true
        default: false
        }
    }
}

/// Every custom field of a site: per kind, in the order `site.yml` declares them.
public struct SiteFields: Sendable, Codable {
    public let declarations: [FieldDeclaration]
    /// Keys declared with errors, per kind: reported in `site.yml`, neither
    /// checked nor warned about in entries.
    let unusable: [EntryKind: [String]]

    public init(_ declarations: [FieldDeclaration] = [], unusable: [EntryKind: [String]] = [:]) {
        self.declarations = declarations
        self.unusable = unusable
        var order: [Relation: Int] = [:]
        for declaration in declarations where declaration.type.target != nil { order[declaration.relation] = order.count }
        relationOrder = order
    }

    public static let none = SiteFields()

    /// The fields of one kind, in declared order.
    public func of(_ kind: EntryKind) -> [FieldDeclaration] {
        declarations.isEmpty ? [] : declarations.filter { $0.kind == kind }
    }

    /// The declaration of `key` for `kind`.
    public func declaration(_ key: String, of kind: EntryKind) -> FieldDeclaration? {
        declarations.first { $0.kind == kind && $0.key == key }
    }

    /// Every key an entry of `kind` may have beside the built-in ones.
    func keys(of kind: EntryKind) -> [String] { of(kind).map(\.key) + (unusable[kind] ?? []) }

    /// Each reference field's place among them (kind by kind, in declared order).
    private let relationOrder: [Relation: Int]

    /// Where the relation's group comes among an entry's backlinks: the built-in
    /// relations, then the reference fields in declared order, then mentions.
    func rank(of relation: Relation) -> Int {
        switch relation {
        case .participant: 0
        case .pollster: 1
        case .subject: 2
        case .cites: 3
        case .field: 4 + min(relationOrder[relation] ?? 0, 1 << 12)
        case .mentions: 1 << 13
        }
    }

    /// A hash of the declarations of `kind`: an entry parsed under others is parsed again.
    /// `fingerprint(of:)` of every kind.
    var fingerprints: [EntryKind: UInt64] { Dictionary(uniqueKeysWithValues: EntryKind.allCases.map { ($0, fingerprint(of: $0)) }) }

    func fingerprint(of kind: EntryKind) -> UInt64 {
        var hasher = StableHasher()
        for declaration in of(kind) {
            hasher.combine(declaration.key)
            hasher.combine(declaration.type.name)
            hasher.combine(declaration.required ? "required" : "optional")
            hasher.combine((declaration.values ?? []).joined(separator: "\u{0}"))
            hasher.combine(UInt64(declaration.values == nil ? 0 : 1))
        }
        for key in unusable[kind] ?? [] { hasher.combine(key) }
        return hasher.value
    }

    private enum CodingKeys: CodingKey { case declarations, unusable }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(try container.decode([FieldDeclaration].self, forKey: .declarations),
                  unusable: try container.decode([EntryKind: [String]].self, forKey: .unusable))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(declarations, forKey: .declarations)
        try container.encode(unusable, forKey: .unusable)
    }
}
