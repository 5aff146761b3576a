/// The search index as the scripts `search.html` loads: `search-index.js`, its
/// shards, and the JSON strings in them.
extension SearchIndex {
    /// `search-index.js`.
    var script: String {
        let kinds = zip(SearchIndex.kinds, kindCounts).map { kind, count in
            "[" + SearchIndex.quoted(kind.folder) + "," + SearchIndex.quoted(kind.noun) + "," + String(count) + "]"
        }
        var out = "window.ALMANAC_SEARCH = {\n\"kinds\": [" + kinds.joined(separator: ",") + "],\n"
        out += "\"years\": \"" + yearRuns + "\",\n"
        guard let shards else {
            out += "\"chunk\": 0,\n\"shards\": [],\n\"docs\": [\n" + docs.joined(separator: ",\n") + "\n],\n"
            out += "\"words\": {\n" + SearchIndex.lines(table[...]) + "\n},\n\"names\": {\n" + SearchIndex.lines(names[...]) + "\n}\n};\n"
            return out
        }
        out += "\"chunk\": \(SearchShards.chunk),\n\"shards\": [" + shards.shards.map { SearchIndex.quoted($0.key) }.joined(separator: ",") + "],\n"
        return out + "\"docs\": [],\n\"words\": {},\n\"names\": {}\n};\n"
    }

    /// Each entry's year as runs: `YEAR*COUNT`, `*COUNT` for no year.
    private var yearRuns: String {
        var runs: [String] = []
        var start = 0
        while start < years.count {
            var end = start + 1
            while end < years.count, years[end] == years[start] { end += 1 }
            runs.append((years[start].map(String.init) ?? "") + "*" + String(end - start))
            start = end
        }
        return runs.joined(separator: ",")
    }

    /// The names of the files the index takes besides `search-index.js`.
    var partNames: [String] { shards?.names ?? [] }

    /// The text of one file of the index: `index` for `search-index.js`, else a shard's or rows' file name.
    func part(_ name: String) -> String? {
        if name == "index" { return script }
        guard let shards else { return nil }
        if let shard = shards.shard(named: name) {
            return "ALMANAC_SEARCH_SHARD(" + SearchIndex.quoted(shard.key) + ", {\n" + SearchIndex.lines(table[shard.words])
                + "\n}, {\n" + SearchIndex.lines(names[shard.names]) + "\n});\n"
        }
        guard name.hasPrefix("d-"), let chunk = Int(name.dropFirst(2)), (0 ..< shards.chunks).contains(chunk) else { return nil }
        let rows = docs[chunk * SearchShards.chunk ..< min(docs.count, (chunk + 1) * SearchShards.chunk)]
        return "ALMANAC_SEARCH_DOCS(\(chunk), [\n" + rows.joined(separator: ",\n") + "\n]);\n"
    }

    /// A hash of the text `part(name)` gives, made from what that text is written
    /// from, without writing it: the build cache fingerprints every part of the
    /// index at each rebuild, and writing each out to hash it was a twentieth
    /// of a one-event rebuild. Nil when the index has no such part.
    func fingerprint(ofPart name: String) -> UInt64? {
        var hasher = StableHasher()
        if name == "index" {
            hasher.combine(script)
            return hasher.value
        }
        guard let shards else { return nil }
        if let shard = shards.shard(named: name) {
            hasher.combine(shard.key)
            for (word, postings) in table[shard.words] {
                hasher.combine(word)
                hasher.combine(postings)
            }
            // Where the words end and the names begin.
            hasher.combine(UInt64(shard.words.count))
            for (name, postings) in names[shard.names] {
                hasher.combine(name)
                hasher.combine(postings)
            }
            return hasher.value
        }
        guard name.hasPrefix("d-"), let chunk = Int(name.dropFirst(2)), (0 ..< shards.chunks).contains(chunk) else { return nil }
        hasher.combine(UInt64(chunk))
        for row in docs[chunk * SearchShards.chunk ..< min(docs.count, (chunk + 1) * SearchShards.chunk)] { hasher.combine(row) }
        return hasher.value
    }

    /// The folder of the parts inside `Output/`.
    static let shardFolder = "search/"

    static func shardPath(_ name: String) -> String { shardFolder + name + ".js" }

    private static func lines(_ words: ArraySlice<(word: String, postings: String)>) -> String {
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
