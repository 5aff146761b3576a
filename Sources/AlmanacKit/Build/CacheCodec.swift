import Foundation

/// The cache's entries as compact bytes. JSON of a 20,000-event site's entries
/// took seconds to write and read back; this takes a small part of that. Only
/// the build cache uses it, and a cache it cannot read is ignored (`nil`).
///
/// Entries are records one after the other, each after its length and with no
/// count in front: a rebuild can append the entries it changed (a later record
/// of an entry replaces an earlier one), and records are decoded on every core.
enum CacheCodec {
    static func encode(_ entries: [BuildCache.CachedEntry]) -> Data {
        var out = Writer()
        var writer = Writer()
        for cached in entries {
            writer.bytes.removeAll(keepingCapacity: true)
            writer.entry(cached.entry)
            writer.ids(cached.body.mentions)
            writer.string(cached.body.words)
            writer.bool(cached.rendered != nil)
            if let rendered = cached.rendered {
                writer.optional(rendered.item)
                for text in [rendered.search.row, rendered.search.title, rendered.search.aliases, rendered.search.summary] {
                    writer.string(text)
                }
            }
            writer.int(cached.warnings.count)
            for warning in cached.warnings { writer.diagnostic(warning) }
            out.int(writer.bytes.count)
            out.bytes += writer.bytes
        }
        return Data(out.bytes)
    }

    /// Every record, in the order written (an entry appended again appears twice).
    static func decode(_ data: Data, jobs: Int = 1) -> [BuildCache.CachedEntry]? {
        data.withUnsafeBytes { bytes -> [BuildCache.CachedEntry]? in
            // Where each record lies, found by its length alone.
            var records: [Range<Int>] = []
            var reader = Reader(bytes: bytes)
            while !reader.atEnd {
                guard let length = try? reader.count(), reader.index + length <= bytes.count else { return nil }
                records.append(reader.index ..< reader.index + length)
                reader.index += length
            }
            let shared = UnsafeSendable(bytes)
            let decoded = Parallel.map(records, jobs: jobs) { range in CacheCodec.record(UnsafeRawBufferPointer(rebasing: shared.value[range])) }
            var entries: [BuildCache.CachedEntry] = []
            entries.reserveCapacity(decoded.count)
            for entry in decoded {
                guard let entry else { return nil }
                entries.append(entry)
            }
            return entries
        }
    }

    /// One record, all of it and nothing more; nil if it is not a record.
    private static func record(_ bytes: UnsafeRawBufferPointer) -> BuildCache.CachedEntry? {
        var reader = Reader(bytes: bytes)
        do throws(Reader.Malformed) {
            let entry = try reader.entry()
            let mentions = try reader.ids()
            let words = try reader.string()
            var rendered: SiteRenderer.Reusable?
            if try reader.bool() {
                let item = try reader.optional()
                let row = try reader.string(), title = try reader.string(), aliases = try reader.string()
                let document = SearchIndex.Document(row: row, title: title, aliases: aliases, summary: try reader.string())
                rendered = SiteRenderer.Reusable(item: item, search: document)
            }
            var warnings: [Diagnostic] = []
            for _ in 0..<(try reader.count()) { warnings.append(try reader.diagnostic()) }
            guard reader.atEnd else { return nil }
            return BuildCache.CachedEntry(entry: entry, body: Linker.BodyFacts(mentions: mentions, words: words), rendered: rendered,
                                          warnings: warnings)
        } catch {
            return nil
        }
    }

    /// The search index's table: word and postings, one pair after another.
    static func encodeTable(_ table: [(word: String, postings: String)]) -> Data {
        var writer = Writer()
        writer.bytes.reserveCapacity(table.reduce(0) { $0 + $1.word.utf8.count + $1.postings.utf8.count + 6 })
        for (word, postings) in table {
            writer.string(word)
            writer.string(postings)
        }
        return Data(writer.bytes)
    }

    static func decodeTable(_ data: Data) -> [(word: String, postings: String)]? {
        data.withUnsafeBytes { bytes -> [(word: String, postings: String)]? in
            var reader = Reader(bytes: bytes)
            var table: [(word: String, postings: String)] = []
            do throws(Reader.Malformed) {
                while !reader.atEnd { table.append((try reader.string(), try reader.string())) }
            } catch {
                return nil
            }
            return table
        }
    }

    struct Writer {
        var bytes: [UInt8] = []

        mutating func int(_ value: Int) {
            var rest = UInt64(bitPattern: Int64(value))
            while rest >= 0x80 {
                bytes.append(UInt8(rest & 0x7F) | 0x80)
                rest >>= 7
            }
            bytes.append(UInt8(rest))
        }
        mutating func bool(_ value: Bool) { bytes.append(value ? 1 : 0) }
        mutating func string(_ value: String) {
            int(value.utf8.count)
            bytes += value.utf8
        }
        mutating func optional(_ value: String?) {
            bool(value != nil)
            if let value { string(value) }
        }
        mutating func strings(_ values: [String]) {
            int(values.count)
            for value in values { string(value) }
        }
        mutating func id(_ id: EntryID) {
            string(id.kind.rawValue)
            string(id.slug)
        }
        mutating func ids(_ ids: [EntryID]) {
            int(ids.count)
            for id in ids { self.id(id) }
        }
        mutating func date(_ date: PartialDate?) {
            bool(date != nil)
            guard let date else { return }
            int(date.year)
            int(date.month ?? 0)
            int(date.day ?? 0)
        }
        mutating func position(_ position: SourcePosition?) {
            bool(position != nil)
            if let position {
                int(position.line)
                int(position.column)
            }
        }
        mutating func diagnostic(_ diagnostic: Diagnostic) {
            string(diagnostic.severity.rawValue)
            string(diagnostic.path)
            int(diagnostic.line ?? -1)
            int(diagnostic.column ?? -1)
            string(diagnostic.message)
        }

        mutating func entry(_ entry: Entry) {
            id(entry.id)
            string(entry.path)
            string(entry.title)
            optional(entry.summary)
            strings(entry.aliases)
            bool(entry.draft)
            int(entry.bodyLineOffset)
            int(entry.fieldReferences.count)
            for reference in entry.fieldReferences {
                id(reference.target)
                string(reference.relation.rawValue)
                position(reference.position)
            }
            switch entry.details {
            case .actor(let actor):
                string("actor"); string(actor.kind.rawValue); optional(actor.role); optional(actor.country)
            case .event(let event):
                string("event"); date(event.date); date(event.end); bool(event.circa)
                strings(event.actors); strings(event.places); strings(event.sources)
            case .poll(let poll):
                string("poll"); string(poll.pollster); date(poll.date); date(poll.end); optional(poll.method)
                int(poll.sampleSize ?? -1); optional(poll.population); optional(poll.question)
                int(poll.results.count)
                for result in poll.results {
                    string(result.answer)
                    int(Int(truncatingIfNeeded: result.percent.bitPattern))
                }
                strings(poll.actors); strings(poll.sources)
            case .source(let source):
                string("source"); string(source.publication); strings(source.authors); date(source.published); optional(source.url)
            case .page:
                string("page")
            }
        }
    }

    struct Reader {
        struct Malformed: Error {}

        let bytes: UnsafeRawBufferPointer
        var index = 0

        var atEnd: Bool { index == bytes.count }

        mutating func int() throws(Malformed) -> Int {
            var value: UInt64 = 0
            var shift: UInt64 = 0
            while index < bytes.count, shift < 64 {
                let byte = bytes[index]
                index += 1
                value |= UInt64(byte & 0x7F) << shift
                if byte < 0x80 { return Int(Int64(bitPattern: value)) }
                shift += 7
            }
            throw Malformed()
        }
        mutating func count() throws(Malformed) -> Int {
            let value = try int()
            guard value >= 0, value <= bytes.count else { throw Malformed() }
            return value
        }
        mutating func bool() throws(Malformed) -> Bool {
            guard index < bytes.count, bytes[index] <= 1 else { throw Malformed() }
            index += 1
            return bytes[index - 1] == 1
        }
        mutating func string() throws(Malformed) -> String {
            let count = try count()
            guard index + count <= bytes.count else { throw Malformed() }
            defer { index += count }
            return String(decoding: UnsafeRawBufferPointer(rebasing: bytes[index..<index + count]), as: UTF8.self)
        }
        mutating func optional() throws(Malformed) -> String? {
            try bool() ? try string() : nil
        }
        mutating func strings() throws(Malformed) -> [String] {
            var values: [String] = []
            for _ in 0..<(try count()) { values.append(try string()) }
            return values
        }
        mutating func readEnum<T: RawRepresentable>(_ type: T.Type) throws(Malformed) -> T where T.RawValue == String {
            guard let value = T(rawValue: try string()) else { throw Malformed() }
            return value
        }
        mutating func entryID() throws(Malformed) -> EntryID {
            let kind = try readEnum(EntryKind.self)
            return EntryID(kind, try string())
        }
        mutating func ids() throws(Malformed) -> [EntryID] {
            var values: [EntryID] = []
            for _ in 0..<(try count()) { values.append(try entryID()) }
            return values
        }
        mutating func partialDate() throws(Malformed) -> PartialDate? {
            guard try bool() else { return nil }
            let year = try int(), month = try int(), day = try int()
            return PartialDate(year: year, month: month == 0 ? nil : month, day: day == 0 ? nil : day)
        }
        mutating func requiredDate() throws(Malformed) -> PartialDate {
            guard let date = try partialDate() else { throw Malformed() }
            return date
        }
        mutating func position() throws(Malformed) -> SourcePosition? {
            guard try bool() else { return nil }
            let line = try int()
            return SourcePosition(line: line, column: try int())
        }
        mutating func diagnostic() throws(Malformed) -> Diagnostic {
            let severity = try readEnum(Diagnostic.Severity.self)
            let path = try string(), line = try int(), column = try int(), message = try string()
            return Diagnostic(severity, path, line < 0 ? nil : SourcePosition(line: line, column: column), message)
        }

        mutating func entry() throws(Malformed) -> Entry {
            let id = try entryID()
            let path = try string(), title = try string(), summary = try optional()
            let aliases = try strings(), draft = try bool(), bodyLineOffset = try int()
            var references: [FieldReference] = []
            for _ in 0..<(try count()) {
                let target = try entryID()
                let relation = try readEnum(Relation.self)
                references.append(FieldReference(target: target, relation: relation, position: try position()))
            }
            return Entry(id: id, path: path, title: title, summary: summary, aliases: aliases, draft: draft, details: try details(),
                         bodyLineOffset: bodyLineOffset, fieldReferences: references)
        }

        private mutating func details() throws(Malformed) -> Entry.Details {
            switch try string() {
            case "actor":
                let kind = try readEnum(Entry.Actor.Kind.self)
                let role = try optional()
                return .actor(Entry.Actor(kind: kind, role: role, country: try optional()))
            case "event":
                let date = try requiredDate(), end = try partialDate(), circa = try bool()
                let actors = try strings(), places = try strings()
                return .event(Entry.Event(date: date, end: end, circa: circa, actors: actors, places: places, sources: try strings()))
            case "poll":
                let pollster = try string(), date = try requiredDate(), end = try partialDate(), method = try optional()
                let sampleSize = try int(), population = try optional(), question = try optional()
                var results: [Entry.Poll.Result] = []
                for _ in 0..<(try count()) {
                    let answer = try string()
                    let bits = try int()
                    results.append(Entry.Poll.Result(answer: answer, percent: Double(bitPattern: UInt64(bitPattern: Int64(bits)))))
                }
                let actors = try strings()
                return .poll(Entry.Poll(pollster: pollster, date: date, end: end, method: method, sampleSize: sampleSize < 0 ? nil : sampleSize,
                                        population: population, question: question, results: results, actors: actors, sources: try strings()))
            case "source":
                let publication = try string(), authors = try strings(), published = try partialDate()
                return .source(Entry.Source(publication: publication, authors: authors, published: published, url: try optional()))
            case "page":
                return .page
            default:
                throw Malformed()
            }
        }
    }
}
