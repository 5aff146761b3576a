import Foundation
import Testing
@testable import AlmanacKit

/// `JSONValue.json` writes its own bytes: they must be what Foundation's
/// JSONEncoder wrote before (keys sorted by UTF-8, its pretty layout, slashes
/// unescaped), so that switching writers changed no data file, and valid JSON
/// whatever the strings hold.
@Suite struct JSONTextTests {
    /// The old writer, as a reference: JSONEncoder over the same value.
    struct Reference: Encodable {
        let value: JSONValue
        func encode(to encoder: any Encoder) throws {
            switch value {
            case .null: var one = encoder.singleValueContainer(); try one.encodeNil()
            case .bool(let flag): var one = encoder.singleValueContainer(); try one.encode(flag)
            case .integer(let number): var one = encoder.singleValueContainer(); try one.encode(number)
            case .number(let number):
                var one = encoder.singleValueContainer()
                if number == number.rounded() && abs(number) < 1e15 { try one.encode(Int(number)) } else { try one.encode(number) }
            case .string(let text): var one = encoder.singleValueContainer(); try one.encode(text)
            case .array(let values):
                var list = encoder.unkeyedContainer()
                for value in values { try list.encode(Reference(value: value)) }
            case .object(let members):
                var object = encoder.container(keyedBy: Name.self)
                for (key, value) in members { try object.encode(Reference(value: value), forKey: Name(stringValue: key)) }
            }
        }
        struct Name: CodingKey {
            let stringValue: String
            init(stringValue: String) { self.stringValue = stringValue }
            var intValue: Int? { nil }
            init?(intValue: Int) { nil }
        }
    }

    static let awkward: JSONValue = [
        "b": ["x/y", "quote \" back \\ tab \t nl \n cr \r bell \u{7} nul \u{0} us \u{1F} ff \u{0C} bs \u{08}", "Ünïcødé ✓ 𝄞"],
        "a": ["empty list": .array([]), "empty object": .object([:]), "null": .null, "yes": .bool(true), "no": .bool(false)],
        "A": .integer(-42), "a10": .number(52.5), "a2": .number(3.0), "ä": .number(0.1), "Z": .number(1e-7),
        "script": "</script><!-- -->",
    ]

    @Test(arguments: [false, true])
    func sameBytesAsJSONEncoder(pretty: Bool) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = pretty ? [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes] : [.sortedKeys, .withoutEscapingSlashes]
        let expected = String(decoding: try encoder.encode(Reference(value: JSONTextTests.awkward)), as: UTF8.self)
        #expect(JSONTextTests.awkward.json(pretty: pretty) == expected)
    }

    @Test func lessThanEscapedForAScriptElementAndReadsBackTheSame() throws {
        let text = JSONTextTests.awkward.json(pretty: false, escapingLessThan: true)
        #expect(!text.contains("<"))
        #expect(text.contains(#"\u003c/script>"#))
        let plain = try JSONSerialization.jsonObject(with: Data(JSONTextTests.awkward.json(pretty: false).utf8)) as? NSDictionary
        let escaped = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? NSDictionary
        #expect(plain != nil && plain == escaped)
    }
}
