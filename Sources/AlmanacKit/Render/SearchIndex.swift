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
                    entry.aliases.joined(separator: " | "), words(site.bodies[id]?.text ?? ""),
                ])
            }
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        let json = (try? encoder.encode(rows)).map { String(decoding: $0, as: UTF8.self) } ?? "[]"
        // One row per line, so a changed entry is a one-line diff.
        let lines = json.dropFirst().dropLast()
            .replacingOccurrences(of: "\"],[\"", with: "\"],\n[\"")
        return "window.ALMANAC_SEARCH = [\n\(lines)\n];\n"
    }

    /// The distinct words of `text` (letters and digits, three or more), lower-cased.
    static func words(_ text: String) -> String {
        var seen = Set<String>()
        var result: [String] = []
        var word: [Unicode.Scalar] = []
        func flush() {
            if word.count > 2 {
                let text = String(String.UnicodeScalarView(word)).lowercased()
                if seen.insert(text).inserted { result.append(text) }
            }
            word.removeAll(keepingCapacity: true)
        }
        for scalar in text.unicodeScalars {
            // ASCII is decided by value; only other scalars ask Unicode's tables.
            let isWordScalar = scalar.isASCII
                ? (0x30...0x39).contains(scalar.value) || (0x41...0x5A).contains(scalar.value) || (0x61...0x7A).contains(scalar.value)
                : scalar.properties.isAlphabetic || scalar.properties.numericType != nil
            if isWordScalar { word.append(scalar) } else { flush() }
        }
        flush()
        return result.joined(separator: " ")
    }
}
