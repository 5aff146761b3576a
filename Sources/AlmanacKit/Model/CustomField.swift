/// The value of one custom field in one entry, checked against its declaration
/// (`FieldDeclaration`) and typed.
public enum FieldValue: Sendable, Hashable, Codable {
    case string(String)
    /// Markdown, as written (its HTML, cross-references resolved: `LinkedSite.fieldHTML`).
    case text(String)
    case integer(Int)
    case number(Double)
    case bool(Bool)
    case date(PartialDate)
    /// An http or https address.
    case url(String)
    case strings([String])
    case reference(EntryID)
    case references([EntryID])

    /// The value as plain text, as it is written in front matter: a date as
    /// `2022-03`, an entry by its slug, a list's items joined with `; `.
    public var written: String {
        switch self {
        case .string(let text), .text(let text), .url(let text): text
        case .integer(let number): String(number)
        case .number(let number): FieldValue.format(number)
        case .bool(let value): value ? "true" : "false"
        case .date(let date): date.description
        case .strings(let items): items.joined(separator: "; ")
        case .reference(let id): id.slug
        case .references(let ids): ids.map(\.slug).joined(separator: "; ")
        }
    }

    /// The entries a reference names, in the order written (none for other types).
    public var targets: [EntryID] {
        switch self {
        case .reference(let id): [id]
        case .references(let ids): ids
        default: []
        }
    }

    /// A number without a needless `.0`: `3`, `3.5`, `1e-07`.
    static func format(_ number: Double) -> String {
        if number == number.rounded(), abs(number) < 1e15 { return String(Int(number)) }
        return String(number)
    }
}

/// One custom field an entry sets: its key, its value, and where it is written.
public struct CustomField: Sendable, Hashable, Codable {
    public let key: String
    public let value: FieldValue
    /// Where the value starts in the entry's file.
    public let position: SourcePosition?
    /// For a `text` written as a literal block (`|`), where its first line
    /// starts: its lines are then the file's, and problems are reported at theirs.
    let blockStart: SourcePosition?

    init(key: String, value: FieldValue, position: SourcePosition?, blockStart: SourcePosition? = nil) {
        self.key = key
        self.value = value
        self.position = position
        self.blockStart = blockStart
    }

    /// Where a place in the field's Markdown (line, column) is in the file.
    func filePosition(_ inText: SourcePosition) -> SourcePosition? {
        guard let blockStart else { return position }
        return SourcePosition(line: blockStart.line + inText.line - 1, column: blockStart.column + inText.column - 1)
    }
}
