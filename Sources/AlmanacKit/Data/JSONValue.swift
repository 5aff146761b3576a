import Foundation

/// A value of the data files: one cell of a CSV file, one value of `site.json`
/// or of a JSON-LD node.
enum JSONValue: Encodable, Sendable, Equatable, ExpressibleByStringLiteral, ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral {
    case null
    case bool(Bool)
    case integer(Int)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    init(stringLiteral value: String) { self = .string(value) }
    init(arrayLiteral elements: JSONValue...) { self = .array(elements) }
    init(dictionaryLiteral elements: (String, JSONValue)...) { self = .object(Dictionary(elements) { first, _ in first }) }

    /// A custom field's value: a date as written, an entry by its slug, a text field as its Markdown.
    init(_ value: FieldValue) {
        switch value {
        case .string(let text), .text(let text), .url(let text): self = .string(text)
        case .integer(let number): self = .integer(number)
        case .number(let number): self = .number(number)
        case .bool(let flag): self = .bool(flag)
        case .date(let date): self = .string(date.description)
        case .strings(let items): self = .strings(items)
        case .reference(let id): self = .string(id.slug)
        case .references(let ids): self = .strings(ids.map(\.slug))
        }
    }

    /// A string, or null when there is none.
    static func text(_ value: String?) -> JSONValue { value.map { .string($0) } ?? .null }

    /// A partial date as written (`2022-03`), or null.
    static func date(_ value: PartialDate?) -> JSONValue { text(value?.description) }

    static func strings(_ values: [String]) -> JSONValue { .array(values.map { .string($0) }) }

    /// An object without its null members.
    static func members(_ pairs: [(String, JSONValue)]) -> JSONValue {
        .object(Dictionary(pairs.filter { $0.1 != .null && $0.1 != .array([]) }) { first, _ in first })
    }

    /// As a CSV field: lists joined with `; `, numbers as written, null as nothing.
    var cell: String {
        switch self {
        case .null: ""
        case .bool(let value): value ? "true" : "false"
        case .integer(let value): String(value)
        case .number(let value): JSONValue.decimal(value)
        case .string(let value): value
        case .array(let values): values.map(\.cell).joined(separator: "; ")
        case .object: ""
        }
    }

    /// `52`, `52.5`: the shortest decimal that reads back as the same number.
    static func decimal(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }

    func encode(to encoder: any Encoder) throws {
        switch self {
        case .null:
            var container = encoder.singleValueContainer()
            try container.encodeNil()
        case .bool(let value):
            var container = encoder.singleValueContainer()
            try container.encode(value)
        case .integer(let value):
            var container = encoder.singleValueContainer()
            try container.encode(value)
        case .number(let value):
            var container = encoder.singleValueContainer()
            if value == value.rounded() && abs(value) < 1e15 { try container.encode(Int(value)) } else { try container.encode(value) }
        case .string(let value):
            var container = encoder.singleValueContainer()
            try container.encode(value)
        case .array(let values):
            var container = encoder.unkeyedContainer()
            for value in values { try container.encode(value) }
        case .object(let members):
            var container = encoder.container(keyedBy: MemberName.self)
            for (key, value) in members { try container.encode(value, forKey: MemberName(stringValue: key)) }
        }
    }

    private struct MemberName: CodingKey {
        let stringValue: String
        init(stringValue: String) { self.stringValue = stringValue }
        var intValue: Int? { nil }
        init?(intValue: Int) { nil }
    }

    /// As JSON text: keys sorted, so the same value always gives the same bytes;
    /// `pretty`: one member per line, so a one-word change is a one-line diff.
    func json(pretty: Bool) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = pretty ? [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes] : [.sortedKeys, .withoutEscapingSlashes]
        // Every value is a string, number, bool, null, list or object: encoding cannot fail.
        return String(decoding: (try? encoder.encode(self)) ?? Data("null".utf8), as: UTF8.self)
    }
}
