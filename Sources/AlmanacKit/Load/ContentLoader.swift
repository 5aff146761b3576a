import Foundation

/// Stage 1, load: finds the files of a site under `ROOT/Content`, in sorted
/// order, and reads them. Nothing outside the root is read: a symbolic link that
/// leads out of it, or in a circle, is reported and not followed.
public struct ContentLoader: Sendable {
    public let root: URL

    public init(root: URL) {
        self.root = root.standardizedFileURL
    }

    public struct Listing: Sendable {
        public var files: [ContentFile] = []
        public var diagnostics: [Diagnostic] = []
    }

    /// Every file of the site, sorted by path.
    public func list() -> Listing {
        var listing = Listing()
        let content = root.appending(path: "Content")
        if isSymbolicLink(content), let problem = linkProblem(content) {
            listing.diagnostics.append(.error("Content", nil, problem))
            return listing
        }
        guard isDirectory(content) else {
            listing.diagnostics.append(.error("Content", nil, "no Content/ folder here: the site's text belongs in ROOT/Content (see `almanac new`)"))
            return listing
        }
        let names = children(of: content, path: "Content", into: &listing).map(\.name)
        if names.isEmpty, !listing.diagnostics.contains(where: \.isError) {
            listing.diagnostics.append(.error("Content", nil, "is empty: a site needs at least Content/site.yml with a title (`almanac new page about` creates one)"))
            return listing
        }
        // A site.yml that is refused (a link out of the root) is reported as such, not as missing.
        let sawSiteConfig = exists(content.appending(path: "site.yml"))
        for name in names {
            let path = "Content/" + name
            let url = content.appending(path: name)
            switch name {
            case "site.yml":
                if readable(url, path: path, into: &listing) { listing.files.append(ContentFile(role: .siteConfig, path: path, url: url)) }
            case "index.md":
                if readable(url, path: path, into: &listing) { listing.files.append(ContentFile(role: .entry(.home), path: path, url: url)) }
            case "static":
                listStatic(url, path: path, outputPath: "", into: &listing)
            default:
                if let kind = EntryKind.referenceable.first(where: { $0.folder == name }), isDirectory(url) {
                    listEntries(of: kind, in: url, path: path, into: &listing)
                } else {
                    listing.diagnostics.append(.warning(path, nil, "not part of a site (expected site.yml, index.md, static/ or a folder of actors, events, polls, sources or pages); ignored"))
                }
            }
        }
        if !sawSiteConfig {
            listing.diagnostics.append(.error("Content/site.yml", nil, "missing: every site needs a site.yml with at least a title"))
        } else if !listing.files.contains(where: { if case .entry = $0.role { true } else { false } }), !listing.diagnostics.contains(where: \.isError) {
            listing.diagnostics.append(.warning("Content", nil, "no entries yet: add Markdown files under Content/actors, events, polls, sources or pages (see `almanac new`)"))
        }
        // Folders are listed in order, so the paths nearly always are too: a check is cheaper than a sort.
        let inOrder = zip(listing.files, listing.files.dropFirst()).allSatisfy { $0.path.precedesInUTF8($1.path) }
        if !inOrder { listing.files.sort { $0.path.precedesInUTF8($1.path) } }
        return listing
    }

    /// Reads one listed file as UTF-8 text.
    public func read(_ file: ContentFile) -> Result<String, Diagnostic> {
        guard let data = try? Data(contentsOf: file.url) else {
            return .failure(.error(file.path, nil, "cannot be read"))
        }
        switch TextDecoding.decode(data) {
        case .success(let text): return .success(text)
        case .failure(.binary): return .failure(.error(file.path, nil, "is a binary file, not UTF-8 text"))
        case .failure(.invalidUTF8(let offset)):
            let at = TextDecoding.position(ofByte: offset, in: data)
            return .failure(.error(file.path, at, "is not valid UTF-8: byte \(offset) (0x\(hex(data[data.startIndex + offset]))) starts no character; save the file as UTF-8"))
        }
    }

    private func listEntries(of kind: EntryKind, in folder: URL, path: String, into listing: inout Listing) {
        let folderPath = folder.path
        let children = children(of: folder, path: path, into: &listing)
        let names = children.map(\.name)
        for (name, type) in children {
            let filePath = path + "/" + name
            let absolutePath = folderPath + "/" + name
            guard name.hasSuffix(".md") else {
                listing.diagnostics.append(.warning(filePath, nil, "not a Markdown file (.md); ignored"))
                continue
            }
            // A regular file needs no further look; anything else is checked.
            if type != .regular {
                guard readable(URL(fileURLWithPath: absolutePath), path: filePath, into: &listing) else { continue }
            }
            let slug = String(name.dropLast(3))
            if let problem = Slug.problem(with: slug) {
                listing.diagnostics.append(.error(filePath, nil, "'\(slug)' is not a valid slug: \(problem)\(renameHint(slug, siblings: names))"))
                continue
            }
            listing.files.append(ContentFile(role: .entry(EntryID(kind, slug)), path: filePath, absolutePath: absolutePath))
        }
    }

    private func listStatic(_ folder: URL, path: String, outputPath: String, into listing: inout Listing) {
        guard isDirectory(folder) else {
            listing.diagnostics.append(.error(path, nil, "static must be a folder"))
            return
        }
        for (name, _) in children(of: folder, path: path, into: &listing) {
            let url = folder.appending(path: name)
            let filePath = path + "/" + name
            let target = outputPath + name
            if isDirectory(url) {
                listStatic(url, path: filePath, outputPath: target + "/", into: &listing)
            } else if readable(url, path: filePath, into: &listing) {
                listing.files.append(ContentFile(role: .staticFile(outputPath: target), path: filePath, url: url))
            }
        }
    }

    /// The names in a folder that belong to the site, sorted, with what the
    /// directory says each is (one `readdir`); links that lead outside the root
    /// or nowhere are reported and left out.
    private func children(of folder: URL, path: String, into listing: inout Listing) -> [(name: String, type: DirectoryEntries.FileType)] {
        guard let entries = DirectoryEntries.sorted(in: folder.path) else {
            listing.diagnostics.append(.error(path, nil, "cannot be read"))
            return []
        }
        return entries.filter { name, type in
            if name.hasPrefix(".") || name.hasPrefix("_") { return false }
            if type == .invalidName {
                listing.diagnostics.append(.error(path + "/" + name, nil, "the file's name is not valid UTF-8 (\\xHH marks each byte that is not); rename it"))
                return false
            }
            // Only what the directory itself does not say is a file or folder needs a look.
            if type != .other { return true }
            let url = folder.appending(path: name)
            let childPath = path + "/" + name
            // Reading a pipe or a device would wait forever.
            if !isDirectory(url), !isRegularFile(url), realPath(url) != nil {
                listing.diagnostics.append(.error(childPath, nil, "not a regular file (a pipe, socket or device); not read"))
                return false
            }
            guard isSymbolicLink(url) else { return true }
            if let problem = linkProblem(url) {
                listing.diagnostics.append(.error(childPath, nil, problem))
                return false
            }
            if isDirectory(url) {
                listing.diagnostics.append(.error(childPath, nil, "symbolic link to a folder; not followed (link the files instead)"))
                return false
            }
            return true
        }
    }

    /// What to do about a file name that is not a slug: rename it to the slug it
    /// most likely meant, or (when that name is taken by a file that differs only
    /// in case) merge two files that a case-insensitive file system holds as one.
    private func renameHint(_ slug: String, siblings: [String]) -> String {
        guard let fixed = Slug.made(from: slug) else { return "" }
        if let clash = siblings.first(where: { $0 != slug + ".md" && $0.lowercased() == slug.lowercased() + ".md" }) {
            return "; it differs from \(clash) only in case (on macOS and Windows the two are one file): merge them or rename one"
        }
        if siblings.contains(fixed + ".md") { return "; \(fixed).md exists already: merge the two or choose another name" }
        return "; rename it to \(fixed).md"
    }

    /// Why nothing may be written into the folder `path` (relative to the root):
    /// a symbolic link that the build would not follow (`Content` may link inside
    /// the root; a folder under it may not be a link at all).
    func writeProblem(_ path: String) -> String? {
        let url = root.appending(path: path)
        guard isSymbolicLink(url) else { return nil }
        return path == "Content" ? linkProblem(url) : "symbolic link to a folder; not followed"
    }

    /// Why the link `url` must not be followed, or nil when it stays inside the root.
    private func linkProblem(_ url: URL) -> String? {
        guard let target = realPath(url) else { return "symbolic link that leads nowhere or in a circle; not followed" }
        guard target == realRootPath || target.hasPrefix(realRootPath + "/") else {
            return "symbolic link to \(target), outside the site's root; not followed"
        }
        return nil
    }

    private var realRootPath: String { realPath(root) ?? root.path }

    private func readable(_ url: URL, path: String, into listing: inout Listing) -> Bool {
        if isDirectory(url) {
            listing.diagnostics.append(.warning(path, nil, "a folder where a file was expected; ignored"))
            return false
        }
        return true
    }
}

private func hex(_ byte: UInt8) -> String {
    let digits = Array("0123456789ABCDEF")
    return String([digits[Int(byte >> 4)], digits[Int(byte & 15)]])
}

func isDirectory(_ url: URL) -> Bool {
    var info = stat()
    return stat(url.path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
}

/// Whether anything (a file, a folder, a link, even a dangling one) has this name.
func exists(_ url: URL) -> Bool {
    var info = stat()
    return lstat(url.path, &info) == 0
}

/// Whether `url` is, or links to, a regular file.
func isRegularFile(_ url: URL) -> Bool {
    var info = stat()
    return stat(url.path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG
}

func isSymbolicLink(_ url: URL) -> Bool {
    var info = stat()
    return lstat(url.path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFLNK
}

/// The path with every link resolved, or nil for a dangling link or a loop.
func realPath(_ url: URL) -> String? {
    guard let resolved = realpath(url.path, nil) else { return nil }
    defer { free(resolved) }
    return String(cString: resolved)
}

/// What `readdir` says of the names in a folder, without a system call per name.
enum DirectoryEntries {
    enum FileType {
        case regular, directory, other
        /// A name that is not UTF-8: no path in a `String` can reach it. The
        /// name is given with `\xHH` for each byte that is not part of a character.
        case invalidName
    }

    /// Every name in the folder (without `.` and `..`) in the order of its UTF-8
    /// bytes: regular files and folders as the directory reports them; links,
    /// other kinds and names the file system does not type are `.other`. Nil
    /// when the folder cannot be read.
    static func sorted(in path: String) -> [(name: String, type: FileType)]? {
        guard let directory = opendir(path) else { return nil }
        defer { closedir(directory) }
        // The names are gathered as bytes, each ended by its NUL, and their offsets
        // sorted with `strcmp` (which orders as the bytes do): no `String` is made
        // or moved until the order is known.
        var bytes: [CChar] = []
        var found: [(offset: Int, type: FileType)] = []
        while let entry = readdir(directory) {
            let type: FileType = switch Int32(entry.pointee.d_type) {
            case Int32(DT_REG): .regular
            case Int32(DT_DIR): .directory
            default: .other
            }
            withUnsafeBytes(of: entry.pointee.d_name) { raw in
                let name = raw.bindMemory(to: CChar.self)
                let length = strnlen(name.baseAddress!, name.count)
                if (length == 1 && name[0] == 0x2E) || (length == 2 && name[0] == 0x2E && name[1] == 0x2E) { return }
                found.append((bytes.count, type))
                bytes.append(contentsOf: name[..<length])
                bytes.append(0)
            }
        }
        guard !found.isEmpty else { return [] }
        return bytes.withUnsafeBufferPointer { names in
            let base = names.baseAddress!
            found.sort { strcmp(base + $0.offset, base + $1.offset) < 0 }
            return found.map { found in
                if let name = String(validatingCString: base + found.offset) { return (name, found.type) }
                return (shown(base + found.offset), .invalidName)
            }
        }
    }

    /// A name that is not UTF-8, with `\xHH` for each byte that starts no character.
    private static func shown(_ name: UnsafePointer<CChar>) -> String {
        let bytes = UnsafeBufferPointer(start: UnsafeRawPointer(name).assumingMemoryBound(to: UInt8.self), count: strlen(name))
        var result = ""
        var rest = bytes[...]
        while !rest.isEmpty {
            var decoder = UTF8()
            var iterator = rest.makeIterator()
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                result.unicodeScalars.append(scalar)
                rest = rest.dropFirst(UTF8.width(scalar))
            case .error, .emptyInput:
                result += "\\x" + hex(rest.first!)
                rest = rest.dropFirst()
            }
        }
        return result
    }
}
