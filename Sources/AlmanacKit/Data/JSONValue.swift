import Foundation

/// A value of the data files: one cell of a CSV file, one value of `site.json`
/// or of a JSON-LD node.
enum JSONValue: Sendable, Equatable, ExpressibleByStringLiteral, ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral {
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

    /// As JSON text: keys sorted by their UTF-8 bytes, so the same value always
    /// gives the same bytes; `pretty`: one member per line, two spaces per level,
    /// so a one-word change is a one-line diff. `/` is not escaped; with
    /// `escapingLessThan`, `<` is written `\u003c` (for a `<script>` element).
    /// The layout is JSONEncoder's (`.sortedKeys`, `.prettyPrinted`,
    /// `.withoutEscapingSlashes`), written straight into one buffer: the data
    /// files of a large site are tens of megabytes. `level`: how deep the value
    /// stands in a larger document (its lines after the first are indented for it).
    func json(pretty: Bool, escapingLessThan: Bool = false, level: Int = 0) -> String {
        var writer = JSONText(pretty: pretty, escapingLessThan: escapingLessThan)
        writer.write(self, level: level)
        return String(decoding: writer.bytes, as: UTF8.self)
    }
}

/// The writer behind `JSONValue.json`.
private struct JSONText {
    let pretty: Bool
    let escapingLessThan: Bool
    var bytes: [UInt8] = []

    init(pretty: Bool, escapingLessThan: Bool) {
        self.pretty = pretty
        self.escapingLessThan = escapingLessThan
        bytes.reserveCapacity(4096)
    }

    mutating func write(_ value: JSONValue, level: Int) {
        switch value {
        case .null: bytes += "null".utf8
        case .bool(let flag): bytes += (flag ? "true" : "false").utf8
        case .integer(let number): bytes += String(number).utf8
        case .number(let number): bytes += JSONValue.decimal(number).utf8
        case .string(let text): write(text)
        case .array(let values):
            open(UInt8(ascii: "["))
            for (index, value) in values.enumerated() {
                separate(first: index == 0, level: level + 1)
                write(value, level: level + 1)
            }
            close(UInt8(ascii: "]"), level: level)
        case .object(let members):
            open(UInt8(ascii: "{"))
            let sorted = members.sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }
            for (index, (key, value)) in sorted.enumerated() {
                separate(first: index == 0, level: level + 1)
                write(key)
                bytes += (pretty ? " : " : ":").utf8
                write(value, level: level + 1)
            }
            close(UInt8(ascii: "}"), level: level)
        }
    }

    private mutating func open(_ bracket: UInt8) {
        bytes.append(bracket)
        if pretty { bytes.append(UInt8(ascii: "\n")) }
    }

    /// Before a member: a comma after the one before, and its indentation.
    private mutating func separate(first: Bool, level: Int) {
        if !first { bytes.append(UInt8(ascii: ",")) }
        if pretty {
            if !first { bytes.append(UInt8(ascii: "\n")) }
            indent(level)
        }
    }

    /// An empty container keeps a blank line, as JSONEncoder does.
    private mutating func close(_ bracket: UInt8, level: Int) {
        if pretty {
            bytes.append(UInt8(ascii: "\n"))
            indent(level)
        }
        bytes.append(bracket)
    }

    private mutating func indent(_ level: Int) {
        for _ in 0..<level { bytes += "  ".utf8 }
    }

    /// A JSON string: quotes, backslashes and control characters escaped. The
    /// bytes between two escapes are copied as one run.
    private mutating func write(_ text: String) {
        bytes.append(UInt8(ascii: "\""))
        var text = text
        text.withUTF8 { utf8 in
            var run = 0
            for index in utf8.indices where needsEscape(utf8[index]) {
                bytes += UnsafeBufferPointer(rebasing: utf8[run..<index])
                escape(utf8[index])
                run = index + 1
            }
            bytes += UnsafeBufferPointer(rebasing: utf8[run...])
        }
        bytes.append(UInt8(ascii: "\""))
    }

    private func needsEscape(_ byte: UInt8) -> Bool {
        byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || (escapingLessThan && byte == UInt8(ascii: "<"))
    }

    /// The escape of a byte `needsEscape` picked.
    private mutating func escape(_ byte: UInt8) {
        switch byte {
        case UInt8(ascii: "\""): bytes += #"\""#.utf8
        case UInt8(ascii: "\\"): bytes += #"\\"#.utf8
        case 0x08: bytes += #"\b"#.utf8
        case 0x0C: bytes += #"\f"#.utf8
        case 0x0A: bytes += #"\n"#.utf8
        case 0x0D: bytes += #"\r"#.utf8
        case 0x09: bytes += #"\t"#.utf8
        case 0x00..<0x20: bytes += "\\u00".utf8; bytes.append(JSONText.hex[Int(byte >> 4)]); bytes.append(JSONText.hex[Int(byte & 0xF)])
        case UInt8(ascii: "<"): bytes += #"\u003c"#.utf8
        default: bytes.append(byte)
        }
    }

    private static let hex = Array("0123456789abcdef".utf8)
}
