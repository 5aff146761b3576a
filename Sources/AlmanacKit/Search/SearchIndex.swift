import Foundation

/// What `search.html` searches: a table of entries and an inverted index of
/// their words, written as classic scripts (a `fetch` of JSON is blocked on
/// `file://`, a `<script src>` is not).
///
/// `search-index.js` sets `window.ALMANAC_SEARCH = {kinds, years, chunk, shards, docs, words, names}`:
/// - `kinds`: `[folder, noun, count]` of each kind of entry, by number;
///   entries are numbered kind by kind, each kind in its order.
/// - `years`: the year each entry is dated in (events and polls by their date,
///   sources by their publication), for the filter by years: runs of
///   `YEAR*COUNT` (`*COUNT` for entries without a date), comma-separated.
/// - `docs`: one string per entry, `KIND TAB slug TAB title TAB date TAB summary
///   TAB aliases` (aliases separated by `|`); its page is `folder/slug.html`.
/// - `words`: folded word → postings; `names`: an entry's title or alias as
///   its folded words joined by spaces → the entries so named (a query that
///   names an entry exactly ranks it first).
///
/// A large site (more than `entryLimit` entries, or words past `inlineLimit`)
/// keeps only `kinds`, `years`, `chunk` and `shards` there, so that a query
/// loads only what it needs: `docs` in files of `chunk` entries
/// (`search/d-N.js`, calling `ALMANAC_SEARCH_DOCS(N, docs)`) and the words and
/// names in shards by prefix (`search/w-KEY.js`, calling
/// `ALMANAC_SEARCH_SHARD(key, words, names)`), each holding every word and name
/// that starts with its key and with no longer key, at most about
/// `shardLimit` bytes unless one word alone is longer (see `SearchShards`).
///
/// Postings are comma-separated base-36 gaps between successive values of
/// `doc * 4 + field`, field being where in the entry the word stands at best:
/// 3 title, 2 alias, 1 summary, 0 body (names' postings: gaps between entry
/// numbers). Words are folded as the script folds a query: canonical
/// decomposition, marks dropped, lower case, split at anything that is not a
/// letter or a digit, at least two characters.
struct SearchIndex: Sendable {
    /// Where a word stands in an entry; a higher field ranks higher.
    enum Field: Int { case body = 0, summary, alias, title }

    /// Inline words and names larger than this go into shards.
    static let inlineLimit = 256 * 1024
    /// A site of more entries than this gets a sharded index whatever its size.
    static let entryLimit = SiteSlices.limit
    /// Summaries are cut to this many characters in result rows.
    static let summaryLength = 200

    let docs: [String]
    /// How many entries of each referenceable kind, in `EntryKind.referenceable`'s order.
    let kindCounts: [Int]
    /// Each entry's year, for the filter by years.
    let years: [Int?]
    /// Names (folded words joined by spaces) → postings text, sorted.
    let names: [(word: String, postings: String)]
    /// How the index is cut into files; nil when it is all in `search-index.js`.
    let shards: SearchShards?

    /// One entry's part of the index, which depends on its front matter alone:
    /// its row, its folded words by field, its year and names. The build cache keeps it.
    struct Document: Sendable, Codable {
        let row: String
        let title: String
        let aliases: String
        let summary: String
        let year: Int?
        let names: [String]
    }

    /// Each entry's document, by id.
    let documents: [EntryID: Document]

    /// Every word with its postings, sorted by word: what the inline part and the
    /// shards are cut from. The build cache keeps it, for `Previous`.
    let table: [(word: String, postings: String)]

    /// The index of the last build, and the entries parsed again since, as they
    /// were then: a rebuild patches the postings of the words that changed instead
    /// of numbering every word of every entry again. Only valid when every entry
    /// keeps its number: no entry added, none moved in its kind's order.
    struct Previous {
        let table: [(word: String, postings: String)]
        /// Each entry parsed again: its document and its body's words before.
        let entries: [EntryID: (document: Document, words: String)]
    }

    /// `known` holds documents of entries that have not changed since they were made.
    init(site: LinkedSite, interface: Interface = .english, known: (EntryID) -> Document? = { _ in nil }, previous: Previous? = nil,
         inlineLimit: Int = SearchIndex.inlineLimit, shardLimit: Int = SearchShards.limit, jobs: Int = 1) {
        // Each entry's row and folded words are prepared in parallel; only the
        // numbering of words, which must follow the documents' order, runs on one thread.
        let ids = EntryKind.referenceable.enumerated().flatMap { number, kind in (site.ordered[kind] ?? []).map { (number, $0) } }
        let documents = Parallel.map(ids, jobs: jobs) { number, id in known(id) ?? SearchIndex.document(site[id], number: number, interface) }
        // Tags and places after the entries, numbered as kinds after theirs.
        let terms = SearchIndex.termDocuments(site, interface)
        // Each document's words, best field first; the body's were folded in the (parallel) link stage.
        let fields = { (doc: Int) in
            doc < ids.count ? SearchIndex.fields(documents[doc], body: site.searchWords(ids[doc].1)) : SearchIndex.fields(terms[doc - ids.count], body: "")
        }
        self.documents = Dictionary(uniqueKeysWithValues: zip(ids.map(\.1), documents))
        self.docs = documents.map(\.row) + terms.map(\.row)
        self.kindCounts = EntryKind.referenceable.map { site.ordered[$0]?.count ?? 0 } + Taxonomy.Kind.allCases.map { site.taxonomy($0).terms.count }
        self.years = documents.map(\.year) + terms.map(\.year)
        // A patch brings the entries' words up to date; the terms' are as they were when the numbering is.
        let table = previous.map { SearchIndex.patched($0, ids: ids.map(\.1), fields: fields) }
            ?? SearchIndex.table((0 ..< ids.count + terms.count).map(fields), jobs: jobs)
        self.table = table
        let names = SearchIndex.names(documents + terms)
        self.names = names
        let inlineSize = (table + names).reduce(0) { $0 + SearchShards.size($1) }
        shards = inlineSize <= inlineLimit && docs.count <= SearchIndex.entryLimit
            ? nil : SearchShards(words: table, names: names, docs: docs.count, limit: shardLimit)
    }

    /// Each name → the entries it names, as postings, sorted by name.
    private static func names(_ documents: [Document]) -> [(word: String, postings: String)] {
        var named: [String: [Int]] = [:]
        for (doc, document) in documents.enumerated() {
            for name in document.names where named[name]?.last != doc { named[name, default: []].append(doc) }
        }
        return named.keys.sortedInUTF8().map { name in
            var bytes: [UInt8] = []
            var last = -1
            for doc in named[name]! {
                if last >= 0 { bytes.append(UInt8(ascii: ",")) }
                bytes.appendDigits(of: UInt64(doc - max(0, last)), radix: 36)
                last = doc
            }
            return (name, String(decoding: bytes, as: UTF8.self))
        }
    }

    /// A document's words with the field of each, best field first.
    private static func fields(_ document: Document, body: String) -> [(String, Field)] {
        [(document.title, .title), (document.aliases, .alias), (document.summary, .summary), (body, .body)]
    }

    /// Words by number, each with its postings text (see `appendPosting`), written as
    /// the docs are read in order, and the last value written: fields are read
    /// best first, so a word's first sighting in a doc is its best field, and no
    /// per-doc set is needed. Words are split among the threads by their first
    /// byte, so that each thread numbers its own words in document order;
    /// together they sort as one.
    private static func table(_ fields: [[(String, Field)]], jobs: Int) -> [(word: String, postings: String)] {
        let workers = max(1, min(jobs, 8))
        let partial = Parallel.map(Array(0..<workers), jobs: workers) { worker -> [(word: String, postings: String)] in
            var table = WordTable(capacity: 1 << 14)
            // Text, not a list of numbers: a value takes two or three bytes, not eight.
            var postings: [[UInt8]] = []
            var last: [Int] = []
            for (doc, fields) in fields.enumerated() {
                for (words, field) in fields {
                    var words = words
                    words.withUTF8 { bytes in
                        var start = 0
                        while start < bytes.count {
                            var end = start
                            while end < bytes.count, bytes[end] != 0x20 { end += 1 }
                            defer { start = end + 1 }
                            guard end > start, Int(bytes[start]) % workers == worker else { continue }
                            let (number, inserted) = table.insert(bytes[start ..< end])
                            if inserted {
                                postings.append([])
                                last.append(-1)
                            }
                            guard last[number] < doc * 4 else { continue }
                            let value = doc * 4 + field.rawValue
                            SearchIndex.appendPosting(value, after: last[number], to: &postings[number])
                            last[number] = value
                        }
                    }
                }
            }
            return (0 ..< table.count).map { (word: table.string($0), postings: String(decoding: postings[$0], as: UTF8.self)) }
        }
        return partial.flatMap { $0 }.sorted { $0.word.precedesInUTF8($1.word) }
    }

    /// `previous.table` with the postings of the entries parsed again brought up
    /// to date: only words whose best field in an entry changed are decoded.
    private static func patched(_ previous: Previous, ids: [EntryID], fields: (Int) -> [(String, Field)]) -> [(word: String, postings: String)] {
        func best(_ fields: [(String, Field)]) -> [Substring: Field] {
            var best: [Substring: Field] = [:]
            for (words, field) in fields {
                for word in words.split(separator: " ") where best[word] == nil { best[word] = field }
            }
            return best
        }
        // Word -> (doc, its new field or nil), for each doc where the word changed.
        var changes: [Substring: [(doc: Int, field: Field?)]] = [:]
        for (doc, id) in ids.enumerated() {
            guard let old = previous.entries[id] else { continue }
            let before = best(SearchIndex.fields(old.document, body: old.words))
            let after = best(fields(doc))
            guard before != after else { continue }
            for (word, field) in after where before[word] != field { changes[word, default: []].append((doc, field)) }
            for word in before.keys where after[word] == nil { changes[word, default: []].append((doc, nil)) }
        }
        var table = previous.table
        for (word, edits) in changes {
            let word = String(word)
            let low = table.firstPlace(notBefore: word) { $0.word }
            let found = low < table.count && table[low].word == word
            var values = found ? SearchIndex.decode(table[low].postings) : []
            for (doc, field) in edits {
                values.removeAll { $0 / 4 == doc }
                if let field {
                    let value = doc * 4 + field.rawValue
                    values.insert(value, at: values.firstIndex { $0 > value } ?? values.count)
                }
            }
            if values.isEmpty {
                if found { table.remove(at: low) }
            } else if found {
                table[low].postings = SearchIndex.encode(values)
            } else {
                table.insert((word, SearchIndex.encode(values)), at: low)
            }
        }
        return table
    }

    static func document(_ entry: Entry, number: Int, _ interface: Interface) -> Document {
        Document(
            row: row([
                String(number), entry.id.slug, entry.title, entry.date.map { DateText.date($0, interface) } ?? "", shortened(entry.summary ?? ""),
                entry.aliases.map { $0.replacingOccurrences(of: "|", with: " ") }.joined(separator: "|"),
            ]),
            title: words(entry.title),
            aliases: words(entry.aliases.joined(separator: " ")),
            summary: words((entry.summary ?? "") + " " + facts(of: entry)),
            year: entry.date?.year,
            names: ([entry.title] + entry.aliases).map { terms($0).joined(separator: " ") }.filter { !$0.isEmpty })
    }

    /// Front matter a reader may search for, ranked with the summary: tags, places,
    /// roles and countries, publications and authors, poll questions and methods.
    static func facts(of entry: Entry) -> String {
        let facts: [String?] = switch entry.details {
        case .actor(let actor): [actor.role, actor.country]
        case .event(let event): event.places
        case .poll(let poll): [poll.question, poll.method, poll.population]
        case .source(let source): [source.publication] + source.authors
        case .page: []
        }
        return (facts.compactMap { $0 } + entry.tags).joined(separator: " ")
    }

    /// The values of postings written by `encode`.
    private static func decode(_ postings: String) -> [Int] {
        var values: [Int] = []
        var value = 0, gap = 0
        for byte in postings.utf8 {
            if byte == UInt8(ascii: ",") {
                value += gap
                values.append(value)
                gap = 0
            } else {
                gap = gap * 36 + Int(byte < 58 ? byte - 48 : byte - 87)
            }
        }
        if !postings.isEmpty { values.append(value + gap) }
        return values
    }

    /// Gaps between successive values, in base 36, separated by commas.
    private static func encode(_ values: [Int]) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(values.count * 4)
        var last = -1
        for value in values {
            appendPosting(value, after: last, to: &bytes)
            last = value
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends `value` to postings text whose last value is `last` (-1: none yet):
    /// its gap from the last value (from 0 for the first), after a comma.
    private static func appendPosting(_ value: Int, after last: Int, to bytes: inout [UInt8]) {
        if last >= 0 { bytes.append(UInt8(ascii: ",")) }
        bytes.appendDigits(of: UInt64(value - max(0, last)), radix: 36)
    }
}
