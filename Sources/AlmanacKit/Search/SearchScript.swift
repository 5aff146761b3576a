/// The search index as the scripts `search.html` loads: `search-index.js`, its
/// shards, and the JSON strings in them.
extension SearchIndex {
    /// `search-index.js`.
    var script: String {
        let kinds = SearchIndex.kinds.map { "[" + SearchIndex.quoted($0.folder) + "," + SearchIndex.quoted($0.noun) + "]" }
        var out = "window.ALMANAC_SEARCH = {\n\"kinds\": [" + kinds.joined(separator: ",") + "],\n\"docs\": [\n"
        out += docs.joined(separator: ",\n")
        out += "\n],\n\"shards\": [" + shards.map { SearchIndex.quoted($0.key) }.joined(separator: ",") + "],\n"
        out += "\"words\": {\n" + SearchIndex.lines(words) + "\n}\n};\n"
        return out
    }

    /// The script of the shard at `path`, if there is one.
    func shardScript(_ path: String) -> String? {
        guard let shard = shards.first(where: { SearchIndex.shardPath($0.key) == path }) else { return nil }
        return "ALMANAC_SEARCH_SHARD(\(SearchIndex.quoted(shard.key)), {\n\(SearchIndex.lines(shard.words))\n});\n"
    }

    private static func lines(_ words: [(word: String, postings: String)]) -> String {
        words.map { quoted($0.word) + ":\"" + $0.postings + "\"" }.joined(separator: ",\n")
    }

    static func shortened(_ text: String) -> String {
        guard text.count > summaryLength else { return text }
        let cut = text.prefix(summaryLength)
        let end = cut.lastIndex(of: " ") ?? cut.endIndex
        return String(cut[..<end]) + "…"
    }

    /// The fields as one JSON string, separated by tabs (a tab inside a field becomes a space).
    static func row(_ fields: [String]) -> String {
        var out: [UInt8] = [UInt8(ascii: "\"")]
        for (index, field) in fields.enumerated() {
            if index > 0 { out += [UInt8(ascii: "\\"), UInt8(ascii: "t")] }
            appendEscaped(field, to: &out, tab: [0x20])
        }
        out.append(UInt8(ascii: "\""))
        return String(decoding: out, as: UTF8.self)
    }

    /// A JSON string literal; `<`, `>`, `&`, U+2028 and U+2029 escaped, so that no
    /// title can close the script or open a comment, wherever the script is put.
    static func quoted(_ text: String) -> String {
        var out: [UInt8] = [UInt8(ascii: "\"")]
        appendEscaped(text, to: &out, tab: Array("\\t".utf8))
        out.append(UInt8(ascii: "\""))
        return String(decoding: out, as: UTF8.self)
    }

    /// `text`'s UTF-8, escaped for a JSON string in a script; a tab becomes `tab`.
    private static func appendEscaped(_ text: String, to out: inout [UInt8], tab: [UInt8]) {
        let hex = Array("0123456789abcdef".utf8)
        var text = text
        text.withUTF8 { bytes in
            out.reserveCapacity(out.count + bytes.count + 2)
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                index += 1
                switch byte {
                case UInt8(ascii: "\""): out += [UInt8(ascii: "\\"), byte]
                case UInt8(ascii: "\\"): out += [byte, byte]
                case UInt8(ascii: "\n"): out += Array("\\n".utf8)
                case UInt8(ascii: "\r"): out += Array("\\r".utf8)
                case UInt8(ascii: "\t"): out += tab
                case UInt8(ascii: "<"): out += Array("\\u003c".utf8)
                case UInt8(ascii: ">"): out += Array("\\u003e".utf8)
                case UInt8(ascii: "&"): out += Array("\\u0026".utf8)
                case 0xE2 where index + 1 < bytes.count && bytes[index] == 0x80 && (bytes[index + 1] == 0xA8 || bytes[index + 1] == 0xA9):
                    // U+2028 LINE SEPARATOR, U+2029 PARAGRAPH SEPARATOR
                    out += Array((bytes[index + 1] == 0xA8 ? "\\u2028" : "\\u2029").utf8)
                    index += 2
                case 0 ..< 0x20:
                    out += Array("\\u00".utf8) + [hex[Int(byte >> 4)], hex[Int(byte & 15)]]
                default:
                    out.append(byte)
                }
            }
        }
    }
}
