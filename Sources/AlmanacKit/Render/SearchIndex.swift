import Foundation

/// `search-index.js`: what `search.html` searches, as a classic script (a
/// `fetch` of JSON is blocked on `file://`). One row per entry:
/// `[url, title, kind, date, summary, aliases, words]`, where words are the
/// body's distinct lower-case words in order of first use.
enum SearchIndex {
    static func script(for site: LinkedSite) -> String {
        var rows: [[String]] = []
        for kind in EntryKind.referenceable {
            for id in site.ordered[kind] ?? [] {
                let entry = site[id]
                rows.append([
                    id.outputPath, entry.title, kind.noun, entry.date?.display ?? "", entry.summary ?? "",
                    entry.aliases.joined(separator: " | "), site.searchWords[id] ?? "",
                ])
            }
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        let json = (try? encoder.encode(rows)).map { String(decoding: $0, as: UTF8.self) } ?? "[]"
        // One row per line, so a changed entry is a one-line diff.
        let lines = json.dropFirst().dropLast()
            .replacingOccurrences(of: "\"],[\"", with: "\"],\n[\"")
        return "window.ALMANAC_SEARCH = [\n\(scriptSafe(lines))\n];\n"
    }

    /// JSON that stays inert wherever the script is put, even inline in a page:
    /// `<`, `>` and `&` (`</script>`, `<!--`) and the line separators U+2028 and
    /// U+2029 are written as `\u` escapes. They only occur inside JSON strings, so
    /// replacing them everywhere keeps the data the same.
    static func scriptSafe(_ json: String) -> String {
        var result = ""
        result.reserveCapacity(json.utf8.count)
        for scalar in json.unicodeScalars {
            switch scalar {
            case "<": result += "\\u003c"
            case ">": result += "\\u003e"
            case "&": result += "\\u0026"
            case "\u{2028}": result += "\\u2028"
            case "\u{2029}": result += "\\u2029"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// The distinct words of `text` (letters and digits, three or more), lower-cased,
    /// separated by spaces. Works on UTF-8 bytes; only non-ASCII scalars consult
    /// Unicode's tables.
    static func words(_ text: String) -> String {
        var seen = Set<[UInt8]>()
        var output: [UInt8] = []
        var word: [UInt8] = []
        var length = 0
        func flush() {
            if length > 2, seen.insert(word).inserted {
                if !output.isEmpty { output.append(0x20) }
                output += word
            }
            word.removeAll(keepingCapacity: true)
            length = 0
        }
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if value < 0x80 {
                if (0x61...0x7A).contains(value) || (0x30...0x39).contains(value) {
                    word.append(UInt8(value))
                } else if (0x41...0x5A).contains(value) {
                    word.append(UInt8(value + 0x20))
                } else {
                    flush()
                    continue
                }
            } else if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
                word += scalar.properties.lowercaseMapping.utf8
            } else {
                flush()
                continue
            }
            length += 1
        }
        flush()
        return String(decoding: output, as: UTF8.self)
    }
}
