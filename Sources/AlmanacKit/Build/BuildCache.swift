import Foundation

/// What a successful build leaves in `ROOT/.almanac-cache/` so that the next one
/// can skip what has not changed: the stamp of every input and output file and
/// each entry as parsed and linked. It is only ever an optimisation: safe to
/// delete, and a cache that cannot be read, is from another almanac binary or
/// other options, or does not match the output folder, is ignored.
struct BuildCache {
    /// Bumped whenever what is stored, or what it means, changes.
    static let format = 7
    static let folderName = ".almanac-cache"

    /// Enough of a file's metadata to tell that it changed (as git's index and make do).
    struct Stamp: Codable, Equatable {
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

    /// Everything known about one entry after a build.
    struct CachedEntry {
        /// Its front matter, without the Markdown.
        let entry: Entry
        let body: Linker.BodyFacts
        /// What rendering made of its front matter alone (nil: render it again).
        let rendered: SiteRenderer.Reusable?
        /// Warnings about its file (errors never reach the cache).
        let warnings: [Diagnostic]
    }

    /// The small part, read on every build: is anything different?
    struct State: Codable {
        var format = BuildCache.format
        var tool: String
        var includeDrafts: Bool
        var output: String
        /// Everything the build printed.
        var diagnostics: [Diagnostic]
        /// Every file under `Content/` and `Templates/`, by path relative to the root
        /// (kept in `inputs.tsv`: tens of thousands of stamps decode far faster as lines than as JSON).
        var inputs: [String: Stamp] = [:]
        /// Every file of the output folder, by path inside it (in `outputs.tsv`).
        var outputs: [String: Stamp] = [:]

        enum CodingKeys: String, CodingKey { case format, tool, includeDrafts, output, diagnostics }
    }

    var state: State
    /// Read only when something changed.
    var entries: [CachedEntry]
    /// The search index's words and postings (`SearchIndex.table`), in `search.bin`.
    var searchTable: [(word: String, postings: String)]
    /// Add `entries` to those saved before instead of replacing them.
    var appending = false

    static func folder(_ root: URL) -> URL { root.appending(path: folderName) }

    /// The state of the last build, if there is a readable one that fits these options.
    static func loadState(_ options: Almanac.Options) -> State? {
        let folder = folder(options.root)
        guard let data = try? Data(contentsOf: folder.appending(path: "state.json")),
              var state = try? JSONDecoder().decode(State.self, from: data),
              state.format == format, state.tool == toolIdentity, state.includeDrafts == options.includeDrafts,
              state.output == options.output.path
        else { return nil }
        let (inputs, outputs) = Parallel.both(jobs: options.jobs, { readStamps(folder.appending(path: "inputs.tsv")) }) {
            readStamps(folder.appending(path: "outputs.tsv"))
        }
        guard let inputs, let outputs else { return nil }
        state.inputs = inputs
        state.outputs = outputs
        return state
    }

    /// Lines of `SIZE TAB MODIFIED TAB INODE TAB PATH`, numbers as unsigned decimals.
    static func writeStamps(_ stamps: [String: Stamp], to url: URL) throws {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(stamps.count * 96)
        for (path, stamp) in stamps {
            for number in [UInt64(bitPattern: stamp.size), UInt64(bitPattern: stamp.modified), stamp.inode] {
                bytes.appendDigits(of: number, radix: 10)
                bytes.append(9)
            }
            bytes += path.utf8
            bytes.append(10)
        }
        try Data(bytes).write(to: url, options: .atomic)
    }

    static func readStamps(_ url: URL) -> [String: Stamp]? {
        guard let data = try? Data(contentsOf: url) else { return nil }
        return data.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) -> [String: Stamp]? in
            var stamps: [String: Stamp] = [:]
            stamps.reserveCapacity(bytes.count / 64)
            var index = 0
            /// The decimal number up to the next tab.
            func number() -> UInt64? {
                var value: UInt64 = 0
                let start = index
                while index < bytes.count, bytes[index] != 9 {
                    let digit = bytes[index] &- 48
                    guard digit < 10 else { return nil }
                    value = value &* 10 &+ UInt64(digit)
                    index += 1
                }
                guard index > start, index < bytes.count else { return nil }
                index += 1
                return value
            }
            while index < bytes.count {
                guard let size = number(), let modified = number(), let inode = number() else { return nil }
                let start = index
                while index < bytes.count, bytes[index] != 10 { index += 1 }
                let path = String(decoding: UnsafeRawBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
                index += 1
                stamps[path] = Stamp(size: Int64(bitPattern: size), modified: Int64(bitPattern: modified), inode: inode)
            }
            return stamps
        }
    }

    /// The records and the search table are mapped, not read: decoding copies what
    /// it keeps, and tens of megabytes need not be copied first. A build never
    /// truncates these files (it appends, or replaces them by renaming), so a
    /// mapping another build holds stays whole.
    static func loadEntries(_ options: Almanac.Options, jobs: Int = 1) -> [CachedEntry]? {
        guard let data = try? Data(contentsOf: folder(options.root).appending(path: "entries.bin"), options: .alwaysMapped) else { return nil }
        return CacheCodec.decode(data, jobs: jobs)
    }

    static func loadSearchTable(_ options: Almanac.Options) -> [(word: String, postings: String)]? {
        guard let data = try? Data(contentsOf: folder(options.root).appending(path: "search.bin"), options: .alwaysMapped) else { return nil }
        return CacheCodec.decodeTable(data)
    }

    /// Makes the cache unusable until it is saved again: the next build is a full one.
    static func dropState(_ options: Almanac.Options) {
        unlink(folder(options.root).appending(path: "state.json").path)
    }

    /// Writes the cache; a cache that cannot be written only makes the next build slower.
    func save(_ options: Almanac.Options) {
        let folder = BuildCache.folder(options.root)
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let encoder = JSONEncoder()
        // The state names the entries it belongs to by being written last.
        BuildCache.dropState(options)
        guard let stateData = try? encoder.encode(state) else { return }
        do {
            let records = CacheCodec.encode(entries)
            let file = folder.appending(path: "entries.bin")
            if appending {
                let handle = try FileHandle(forWritingTo: file)
                defer { try? handle.close() }
                try handle.seekToEnd()
                try handle.write(contentsOf: records)
            } else {
                try records.write(to: file, options: .atomic)
            }
            try CacheCodec.encodeTable(searchTable).write(to: folder.appending(path: "search.bin"), options: .atomic)
            try BuildCache.writeStamps(state.inputs, to: folder.appending(path: "inputs.tsv"))
            try BuildCache.writeStamps(state.outputs, to: folder.appending(path: "outputs.tsv"))
            try stateData.write(to: folder.appending(path: "state.json"), options: .atomic)
        } catch {
            return
        }
    }

    /// The almanac binary: a cache written by another build of it is not trusted.
    static let toolIdentity: String = {
        let executable = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().path
        guard let stamp = Stamp(path: executable) else { return "unknown" }
        return "\(executable) \(stamp.size) \(stamp.modified)"
    }()

    /// Stamps of every input file: the listed Content files and the site's own Templates.
    static func inputStamps(_ files: [ContentFile], root: URL, jobs: Int = 1) -> [String: Stamp] {
        var stamps: [String: Stamp] = [:]
        stamps.reserveCapacity(files.count)
        for (file, stamp) in zip(files, Parallel.map(files, jobs: jobs) { Stamp(path: $0.absolutePath) }) { stamps[file.path] = stamp }
        let templates = root.appending(path: "Templates")
        for path in OutputComparison.files(in: templates) {
            stamps["Templates/" + path] = Stamp(path: templates.appending(path: path).path)
        }
        return stamps
    }

    /// Stamps of the files at `paths` inside `output`, taken on `jobs` threads.
    static func outputStamps(_ paths: some Sequence<String>, in output: URL, jobs: Int = 1) -> [String: Stamp] {
        let paths = Array(paths)
        // Joined as text: `URL.appending(path:)` cost more than the stat itself.
        let folder = output.path.hasSuffix("/") ? output.path : output.path + "/"
        let found = Parallel.map(paths, jobs: jobs) { Stamp(path: folder + $0) }
        var stamps: [String: Stamp] = [:]
        stamps.reserveCapacity(paths.count)
        for (path, stamp) in zip(paths, found) { stamps[path] = stamp }
        return stamps
    }
}
