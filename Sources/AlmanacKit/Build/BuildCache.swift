import Foundation

/// What a successful build leaves in `ROOT/.almanac-cache/` for the next one:
/// the stamp of every input and output file, each entry as parsed and linked,
/// and each page's trace (what it read, see `ReadKey`). It is only ever an
/// optimisation: safe to delete, and a cache that cannot be read, is from
/// another version of it, another almanac binary or other options, or does not
/// match the output folder, is ignored (the build is then a full one).
///
/// Its format is its types' `Codable` conformances, written by `BinaryCoder`.
struct BuildCache {
    /// Bumped whenever what is stored, or what it means, changes.
    static let version = 20
    static let folderName = ".almanac-cache"

    /// Enough of a file's metadata to tell that it changed (as git's index and make do).
    struct Stamp: Codable, Equatable, Sendable {
        let size: Int64
        let modified: Int64
        let inode: UInt64

        init(size: Int64, modified: Int64, inode: UInt64) {
            self.size = size
            self.modified = modified
            self.inode = inode
        }

        init?(path: String) {
            var info = stat()
            guard stat(path, &info) == 0 else { return nil }
            size = Int64(info.st_size)
            modified = Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec)
            inode = UInt64(info.st_ino)
        }
    }

    struct Stamped: Equatable, Sendable {
        let path: String
        let stamp: Stamp

        /// Three numbers a stamp.
        static func numbers(_ rows: [Stamped]) -> [UInt64] {
            rows.flatMap { [UInt64(bitPattern: $0.stamp.size), UInt64(bitPattern: $0.stamp.modified), $0.stamp.inode] }
        }

        static func rows(_ paths: [String], _ numbers: [UInt64]) throws -> [Stamped] {
            guard numbers.count == 3 * paths.count else { throw BinaryCoder.Malformed() }
            return paths.indices.map { index in
                Stamped(path: paths[index], stamp: Stamp(size: Int64(bitPattern: numbers[3 * index]), modified: Int64(bitPattern: numbers[3 * index + 1]),
                                                         inode: numbers[3 * index + 2]))
            }
        }
    }

    /// The small part, read by every build (`state.bin`): is anything different?
    /// (Its stamps are kept as columns: tens of thousands of them decode at once.)
    struct State: Codable {
        var version = BuildCache.version
        var tool = BuildCache.toolIdentity
        var includeDrafts: Bool
        var output: String
        /// Everything the build reported.
        var diagnostics: [Diagnostic]
        /// Every file under `Content/` and `Templates/`, by path relative to the root,
        /// stamped before it was read: an edit made during the build differs from it.
        var inputs: [Stamped]
        /// Every file of the output folder, by path inside it.
        var outputs: [Stamped]

        init(includeDrafts: Bool, output: String, diagnostics: [Diagnostic], inputs: [Stamped], outputs: [Stamped]) {
            self.includeDrafts = includeDrafts
            self.output = output
            self.diagnostics = diagnostics
            self.inputs = inputs
            self.outputs = outputs
        }

        /// The stamp of the input at `path`, found by halves (`inputs` are sorted by path).
        func stamp(of path: String) -> Stamp? {
            let low = inputs.firstPlace(notBefore: path) { $0.path }
            return low < inputs.count && inputs[low].path == path ? inputs[low].stamp : nil
        }

        private enum CodingKeys: CodingKey { case version, tool, includeDrafts, output, diagnostics, inputPaths, inputStamps, outputPaths, outputStamps }

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            version = try container.decode(Int.self, forKey: .version)
            tool = try container.decode(String.self, forKey: .tool)
            includeDrafts = try container.decode(Bool.self, forKey: .includeDrafts)
            output = try container.decode(String.self, forKey: .output)
            diagnostics = try container.decode([Diagnostic].self, forKey: .diagnostics)
            inputs = try Stamped.rows(try container.decode([String].self, forKey: .inputPaths), try container.decode([UInt64].self, forKey: .inputStamps))
            outputs = try Stamped.rows(try container.decode([String].self, forKey: .outputPaths), try container.decode([UInt64].self, forKey: .outputStamps))
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(version, forKey: .version)
            try container.encode(tool, forKey: .tool)
            try container.encode(includeDrafts, forKey: .includeDrafts)
            try container.encode(output, forKey: .output)
            try container.encode(diagnostics, forKey: .diagnostics)
            try container.encode(inputs.map(\.path), forKey: .inputPaths)
            try container.encode(Stamped.numbers(inputs), forKey: .inputStamps)
            try container.encode(outputs.map(\.path), forKey: .outputPaths)
            try container.encode(Stamped.numbers(outputs), forKey: .outputStamps)
        }
    }

    /// One entry file as the build parsed and linked it (`entries.bin`). A class:
    /// a rebuild looks records up by path several times, and a copy of a struct
    /// of a dozen references raised and lowered each of their counts.
    final class EntryRecord: Codable, Sendable {
        let path: String
        let stamp: Stamp
        let entry: Entry
        /// The custom fields of its kind it was parsed with (`SiteFields.fingerprint`).
        let fields: UInt64
        let hashes: ContentHashes
        /// Warnings about its file (errors never reach the cache).
        let warnings: [Diagnostic]
        let facts: Linker.BodyFacts
        let rendered: SiteRenderer.Reusable?

        init(path: String, stamp: Stamp, entry: Entry, fields: UInt64, hashes: ContentHashes, warnings: [Diagnostic], facts: Linker.BodyFacts,
             rendered: SiteRenderer.Reusable?) {
            self.path = path
            self.stamp = stamp
            self.entry = entry
            self.fields = fields
            self.hashes = hashes
            self.warnings = warnings
            self.facts = facts
            self.rendered = rendered
        }
    }

    /// What each page read, and what each read gave (`traces.bin`).
    struct Traces: Codable {
        struct Page {
            let path: String
            /// Places in `keys`: everything it read, its parts' reads too.
            let reads: [Int32]
            /// For a page made of parts, where they are and what each read.
            var parts: Parts?
        }

        /// Where the parts of a page's file are, and what each read (see `PartedText`),
        /// kept as columns: `site.json` has a part per entry.
        struct Parts: Codable {
            /// What the page read outside its parts.
            var outside: [Int32] = []
            var names: [String] = []
            /// The start and end of each part in the file, in bytes.
            var bounds: [UInt64] = []
            /// How many reads each part has, and the reads, one part after another.
            var readCounts: [Int32] = []
            var reads: [Int32] = []

            mutating func append(_ name: String, _ range: Range<Int>, reads: some Collection<Int32>) {
                names.append(name)
                bounds += [UInt64(range.lowerBound), UInt64(range.upperBound)]
                readCounts.append(Int32(reads.count))
                self.reads += reads
            }

            /// Each part: its name, place and reads.
            var all: [(name: String, range: Range<Int>, reads: ArraySlice<Int32>)] {
                var start = 0
                return names.indices.map { index in
                    let count = Int(readCounts[index])
                    defer { start += count }
                    return (names[index], Int(bounds[2 * index]) ..< Int(bounds[2 * index + 1]), reads[start ..< start + count])
                }
            }

            /// Whether the columns agree with one another (a damaged cache is not used).
            var isWhole: Bool {
                bounds.count == 2 * names.count && readCounts.count == names.count && readCounts.reduce(0) { $0 + Int($1) } == reads.count
                    && names.indices.allSatisfy { bounds[2 * $0] <= bounds[2 * $0 + 1] && bounds[2 * $0 + 1] < UInt64(Int.max) }
            }
        }
        var keys: [ReadKey] = []
        /// The code of each of the first keys, as the file read held them: kept to be
        /// written again as they are (making a hundred thousand was a tenth of saving).
        var keyCodes: [String] = []
        var fingerprints: [UInt64] = []
        var pages: [Page] = []
        /// What the search index's numbers of entries depend on (see `SearchIndex.Previous`).
        var numbering: UInt64 = 0
        /// The search index's words, and the postings of each.
        var searchWords: [String] = []
        var searchPostings: [String] = []

        var searchTable: [(word: String, postings: String)] { zip(searchWords, searchPostings).map { ($0, $1) } }

        /// `keyCodes`: the codes of the first of `keys`, if known.
        init(keys: [ReadKey], keyCodes: [String] = [], fingerprints: [UInt64], pages: [Page], numbering: UInt64, searchWords: [String], searchPostings: [String]) {
            self.keys = keys
            self.keyCodes = keyCodes.count <= keys.count ? keyCodes : []
            self.fingerprints = fingerprints
            self.pages = pages
            self.numbering = numbering
            self.searchWords = searchWords
            self.searchPostings = searchPostings
        }

        // Kept as columns (keys as their codes, each page's reads one after another):
        // a page or a key a container of its own took most of the time to save and load.
        private enum CodingKeys: CodingKey {
            case keys, fingerprints, paths, readCounts, reads, partedPages, parts, numbering, searchWords, searchPostings
        }

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            keyCodes = try container.decode([String].self, forKey: .keys)
            keys = try keyCodes.map(ReadKey.init(code:))
            fingerprints = try container.decode([UInt64].self, forKey: .fingerprints)
            let paths = try container.decode([String].self, forKey: .paths)
            let readCounts = try container.decode([Int32].self, forKey: .readCounts)
            let reads = try container.decode([Int32].self, forKey: .reads)
            let partedPages = try container.decode([Int32].self, forKey: .partedPages)
            let parts = try container.decode([Parts].self, forKey: .parts)
            numbering = try container.decode(UInt64.self, forKey: .numbering)
            searchWords = try container.decode([String].self, forKey: .searchWords)
            searchPostings = try container.decode([String].self, forKey: .searchPostings)
            // Every number must name a key: a damaged cache is not used.
            let keyCount = keys.count
            let isKey = { (read: Int32) in read >= 0 && Int(read) < keyCount }
            guard fingerprints.count == keys.count, readCounts.count == paths.count, readCounts.allSatisfy({ $0 >= 0 }),
                  readCounts.reduce(0, { $0 + Int($1) }) == reads.count, reads.allSatisfy(isKey), partedPages.count == parts.count,
                  partedPages.allSatisfy({ $0 >= 0 && Int($0) < paths.count }),
                  parts.allSatisfy({ $0.isWhole && $0.outside.allSatisfy(isKey) && $0.reads.allSatisfy(isKey) }),
                  searchWords.count == searchPostings.count
            else { throw BinaryCoder.Malformed() }
            var start = 0
            pages = paths.indices.map { index in
                defer { start += Int(readCounts[index]) }
                return Page(path: paths[index], reads: Array(reads[start ..< start + Int(readCounts[index])]))
            }
            for (page, table) in zip(partedPages, parts) { pages[Int(page)].parts = table }
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(keyCodes + keys[keyCodes.count...].map(\.code), forKey: .keys)
            try container.encode(fingerprints, forKey: .fingerprints)
            try container.encode(pages.map(\.path), forKey: .paths)
            try container.encode(pages.map { Int32($0.reads.count) }, forKey: .readCounts)
            try container.encode(pages.flatMap(\.reads), forKey: .reads)
            let parted = pages.indices.filter { pages[$0].parts != nil }
            try container.encode(parted.map { Int32($0) }, forKey: .partedPages)
            try container.encode(parted.compactMap { pages[$0].parts }, forKey: .parts)
            try container.encode(numbering, forKey: .numbering)
            try container.encode(searchWords, forKey: .searchWords)
            try container.encode(searchPostings, forKey: .searchPostings)
        }
    }

    static func folder(_ root: URL) -> URL { root.appending(path: folderName) }

    /// The state of the last build, if there is a readable one that fits these options.
    static func loadState(_ options: Almanac.Options) -> State? {
        guard let state = read(State.self, "state.bin", options), state.version == version, state.tool == toolIdentity,
              state.includeDrafts == options.includeDrafts, state.output == options.output.path
        else { return nil }
        return state
    }

    /// The records, the last for each path (a rebuild appends the entries it parsed
    /// again), and the traces. Each record is decoded on its own, and the traces
    /// with them, on every core: the traces are one long task among the records'
    /// many short ones (on a core of their own, they left it idle for most of the time).
    static func loadRecordsAndTraces(_ options: Almanac.Options) -> (records: [String: EntryRecord], recordCount: Int, traces: Traces)? {
        let folder = folder(options.root)
        guard let data = try? Data(contentsOf: folder.appending(path: "entries.bin"), options: .alwaysMapped),
              let traceData = try? Data(contentsOf: folder.appending(path: "traces.bin"), options: .alwaysMapped)
        else { return nil }
        enum Task {
            case traces
            case record(Range<Int>)
        }
        enum Decoded {
            case traces(Traces?)
            case record(EntryRecord?)
        }
        return data.withUnsafeBytes { bytes in
            traceData.withUnsafeBytes { traceBytes -> (records: [String: EntryRecord], recordCount: Int, traces: Traces)? in
                var tasks: [Task] = [.traces]
                var index = 0
                while index < bytes.count {
                    guard let (length, start) = BinaryCoder.length(in: bytes, at: index), start + length <= bytes.count else { return nil }
                    tasks.append(.record(start ..< start + length))
                    index = start + length
                }
                let shared = UnsafeSendable(traceBytes)
                let decoded = Parallel.map(tasks, jobs: options.jobs) { task -> Decoded in
                    switch task {
                    case .traces: .traces(try? BinaryCoder.decode(Traces.self, from: shared.value))
                    case .record(let range): .record(try? BinaryCoder.decode(EntryRecord.self, from: data, in: range))
                    }
                }
                var records: [String: EntryRecord] = [:]
                records.reserveCapacity(decoded.count)
                var traces: Traces?
                for result in decoded {
                    switch result {
                    case .traces(let decoded): traces = decoded
                    case .record(let record):
                        guard let record else { return nil }
                        records[record.path] = record
                    }
                }
                return traces.map { (records, tasks.count - 1, $0) }
            }
        }
    }

    static func loadTraces(_ options: Almanac.Options) -> Traces? { read(Traces.self, "traces.bin", options) }

    private static func read<T: Decodable>(_ type: T.Type, _ name: String, _ options: Almanac.Options) -> T? {
        guard let data = try? Data(contentsOf: folder(options.root).appending(path: name), options: .alwaysMapped) else { return nil }
        return data.withUnsafeBytes { try? BinaryCoder.decode(type, from: $0) }
    }

    /// Makes the cache unusable until it is saved again: the next build is a full
    /// one. Saving starts here (the state names the records and traces it belongs
    /// to by being written last).
    static func dropState(_ options: Almanac.Options) {
        unlink(folder(options.root).appending(path: "state.bin").path)
    }

    // A cache that cannot be written only makes the next build slower: failures are
    // not reported, but without its records and traces the state is not written.

    /// `appending`: the records are added to those saved before (a later one of a path wins).
    /// They go to the file a MiB at a time as they are encoded, never all in memory
    /// (40 MB at 5,000 events: encoded whole, they were the first build's peak of
    /// memory); all of them go into a new file renamed over the old one, whose
    /// mapping the records read from the last build still use.
    static func save(_ records: [EntryRecord], appending: Bool, options: Almanac.Options) -> Bool {
        let folder = folder(options.root)
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let path = folder.appending(path: "entries.bin").path
        let target = appending ? path : path + ".new-\(getpid())"
        let descriptor = open(target, O_WRONLY | O_CLOEXEC | O_NOFOLLOW | (appending ? O_APPEND : O_CREAT | O_TRUNC), 0o644)
        guard descriptor >= 0 else { return false }
        let piece = 1 << 20
        var bytes: [UInt8] = []
        bytes.reserveCapacity(piece + piece / 4)
        var written = true
        for record in records where written {
            let encoded = BinaryCoder.encode(record)
            BinaryCoder.appendLength(encoded.count, to: &bytes)
            bytes += encoded
            if bytes.count >= piece {
                written = bytes.withUnsafeBytes { writeAll($0, to: descriptor) } == nil
                bytes.removeAll(keepingCapacity: true)
            }
        }
        written = written && bytes.withUnsafeBytes { writeAll($0, to: descriptor) } == nil
        close(descriptor)
        if appending { return written }
        guard written, rename(target, path) == 0 else {
            unlink(target)
            return false
        }
        return true
    }

    /// The traces, made about as long as the last build's (room for them at once:
    /// 26 MB at 20,000 events), written over the last build's file: the state that
    /// would name it is gone until the next is saved (`dropState`), so a build
    /// stopped halfway leaves a file no build reads, and the kernel reuses the
    /// file's pages instead of freeing them and taking new ones (a third of saving).
    static func save(_ traces: Traces, options: Almanac.Options) -> Bool {
        try? FileManager.default.createDirectory(at: folder(options.root), withIntermediateDirectories: true)
        let path = folder(options.root).appending(path: "traces.bin").path
        let last = Stamp(path: path).map { Int($0.size) } ?? 0
        return overwrite(BinaryCoder.encode(traces, capacity: last + last / 16), path)
    }

    /// Writes `bytes` over the file at `path` (made if missing), cut to their length.
    private static func overwrite(_ bytes: [UInt8], _ path: String) -> Bool {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        // Opened at its start: written from there on.
        return bytes.withUnsafeBytes { writeAll($0, to: descriptor) } == nil && ftruncate(descriptor, off_t(bytes.count)) == 0
    }

    /// Last, once the records and traces it names are written: the state, encoded.
    static func saveState(_ bytes: [UInt8], options: Almanac.Options) { _ = write(bytes, "state.bin", options) }

    private static func write(_ bytes: [UInt8], _ name: String, _ options: Almanac.Options) -> Bool {
        let folder = folder(options.root)
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        // Written from where they are, not from a copy.
        return bytes.withUnsafeBytes { buffer in
            let data = buffer.baseAddress.map { Data(bytesNoCopy: UnsafeMutableRawPointer(mutating: $0), count: buffer.count, deallocator: .none) } ?? Data()
            return (try? data.write(to: folder.appending(path: name), options: .atomic)) != nil
        }
    }

    /// The almanac binary: a cache written by another build of it is not trusted.
    static let toolIdentity: String = {
        let executable = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().path
        guard let stamp = Stamp(path: executable) else { return "unknown" }
        return "\(executable) \(stamp.size) \(stamp.modified)"
    }()

    /// Stamps of the site's own templates, by path from the root.
    static func templateStamps(root: URL) -> [Stamped] {
        let templates = root.appending(path: "Templates")
        return OutputComparison.files(in: templates).compactMap { path in
            Stamp(path: templates.appending(path: path).path).map { Stamped(path: "Templates/" + path, stamp: $0) }
        }
    }

    /// Stamps of the files at `paths` inside `folder` (absolute when `folder` is empty), taken on `jobs` threads.
    static func stamps(_ paths: [String], in folder: String, jobs: Int) -> [Stamped] {
        let prefix = folder.isEmpty || folder.hasSuffix("/") ? folder : folder + "/"
        // Joined as text: `URL.appending(path:)` cost more than the stat itself.
        return Parallel.map(paths, jobs: jobs) { path in Stamp(path: prefix + path).map { Stamped(path: path, stamp: $0) } }.compactMap { $0 }
    }
}

/// Hashes of an entry file's two parts: what other pages show of an entry is
/// its front matter; its body shows on its own page (and the feed).
struct ContentHashes: Codable, Sendable, Equatable {
    let frontMatter: UInt64
    let body: UInt64

    /// For a build without a cache.
    static let none = ContentHashes(frontMatter: 0, body: 0)

    private init(frontMatter: UInt64, body: UInt64) {
        self.frontMatter = frontMatter
        self.body = body
    }

    /// `body` is the end of `text` (the parser's body is the text after the front matter).
    init(text: String, body: String) {
        var text = text
        let bodyCount = body.utf8.count
        frontMatter = text.withUTF8 { bytes in
            var hasher = StableHasher()
            hasher.combine(UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: bytes[..<max(0, bytes.count - bodyCount)])))
            return hasher.value
        }
        self.body = StableHasher.hash(body)
    }
}
