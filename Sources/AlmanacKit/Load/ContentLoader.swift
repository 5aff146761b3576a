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
                if isFileNotFolder(url, path: path, into: &listing) { listing.files.append(ContentFile(role: .siteConfig, path: path, url: url)) }
            case "index.md":
                if isFileNotFolder(url, path: path, into: &listing) { listing.files.append(ContentFile(role: .entry(.home), path: path, url: url)) }
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
        // Folders are listed in order, so the paths nearly always are too.
        listing.files.sortInUTF8 { $0.path }
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
                guard isFileNotFolder(URL(fileURLWithPath: absolutePath), path: filePath, into: &listing) else { continue }
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
            } else if isFileNotFolder(url, path: filePath, into: &listing) {
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

    private func isFileNotFolder(_ url: URL, path: String, into listing: inout Listing) -> Bool {
        if isDirectory(url) {
            listing.diagnostics.append(.warning(path, nil, "a folder where a file was expected; ignored"))
            return false
        }
        return true
    }
}

/// Two upper-case hex digits.
func hex(_ byte: UInt8) -> String {
    let digits = Array("0123456789ABCDEF")
    return String([digits[Int(byte >> 4)], digits[Int(byte & 15)]])
}
