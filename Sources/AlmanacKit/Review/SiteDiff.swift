import Foundation

/// `almanac diff OLD NEW`: what changed between two generated sites, in a
/// reviewer's terms. HTML pages are compared by what a reader sees (`PageText`):
/// pages added and removed, and for each changed page the parts whose text or
/// links changed, with the lines of visible text removed and added. Other files
/// (feed, sitemap, search index, assets, static files) are compared byte for byte.
public struct SiteDiff: Sendable {
    /// A page and what it is: an entry (`event winter-meeting`) or a page of the site (`timeline`).
    public struct PageInfo: Sendable, Equatable {
        public let path: String
        public let kind: String?
        public let slug: String?
        public let what: String
        public let title: String?
    }

    public struct PartChange: Sendable, Equatable {
        public let name: String
        public let textChanged: Bool
        public let linksChanged: Bool
        /// Lines of visible text removed and added, in page order.
        public let lines: [LineDiff.Change]
    }

    public struct ChangedPage: Sendable, Equatable {
        public let page: PageInfo
        /// Empty when the page's bytes differ but neither its text nor its links do (markup only).
        public let parts: [PartChange]
    }

    public var added: [PageInfo] = []
    public var removed: [PageInfo] = []
    public var changed: [ChangedPage] = []
    public var filesAdded: [String] = []
    public var filesRemoved: [String] = []
    public var filesChanged: [String] = []
    /// Files not compared: links out of the folders, names that are not UTF-8.
    public var problems: [Diagnostic] = []

    public var isEmpty: Bool {
        added.isEmpty && removed.isEmpty && changed.isEmpty && filesAdded.isEmpty && filesRemoved.isEmpty && filesChanged.isEmpty
    }

    public enum Failure: Error, CustomStringConvertible {
        case notAFolder(String)
        public var description: String {
            switch self {
            case .notAFolder(let path): "\(path) is not a folder of a generated site"
            }
        }
    }

    public static func compare(old: URL, new: URL, jobs: Int? = nil) throws(Failure) -> SiteDiff {
        let jobs = jobs ?? Parallel.defaultJobs
        for folder in [old, new] where !isFolder(folder) { throw .notAFolder(folder.path) }
        let oldListing = FileTree.list(old), newListing = FileTree.list(new)
        let oldFiles = oldListing.files, newFiles = newListing.files
        let oldSet = Set(oldFiles), newSet = Set(newFiles)
        var diff = SiteDiff()
        for (folder, listing) in [(old, oldListing), (new, newListing)] {
            diff.problems += listing.refused.map { Diagnostic.warning(folder.appending(path: $0.path).path, nil, $0.reason) }
        }
        func isPage(_ path: String) -> Bool { path.hasSuffix(".html") }
        for path in newFiles where !oldSet.contains(path) {
            if isPage(path) { diff.added.append(info(path, PageText.read(read(new, path)))) } else { diff.filesAdded.append(path) }
        }
        for path in oldFiles where !newSet.contains(path) {
            if isPage(path) { diff.removed.append(info(path, PageText.read(read(old, path)))) } else { diff.filesRemoved.append(path) }
        }
        let common = oldFiles.filter { newSet.contains($0) }
        let results = Parallel.map(common, jobs: jobs) { path -> (String, ChangedPage?)? in
            let (a, b) = (read(old, path), read(new, path))
            if a == b { return nil }
            guard isPage(path) else { return (path, nil) }
            return (path, changedPage(path, PageText.read(a), PageText.read(b)))
        }
        for case let (path, page)? in results {
            if let page { diff.changed.append(page) } else { diff.filesChanged.append(path) }
        }
        return diff
    }

    static func changedPage(_ path: String, _ old: PageText, _ new: PageText) -> ChangedPage {
        // One side marks its parts and the other does not (a theme changed): parts cannot be
        // matched, so the page's text is compared as one part.
        if old.hasMarkedParts != new.hasMarkedParts {
            func links(_ page: PageText) -> [String] { page.order.filter { $0 != "layout" }.flatMap { page.parts[$0]!.links } }
            let part = PartChange(name: "page", textChanged: old.lines != new.lines, linksChanged: links(old) != links(new),
                                  lines: LineDiff.changes(old.lines, new.lines))
            let parts = part.textChanged || part.linksChanged ? [part] : []
            return ChangedPage(page: info(path, new, fallbackTitle: old.title), parts: parts)
        }
        var names = new.order
        for name in old.order where new.parts[name] == nil { names.append(name) }
        let parts = names.compactMap { name -> PartChange? in
            let a = old.parts[name] ?? PageText.Part(), b = new.parts[name] ?? PageText.Part()
            let textChanged = a.lines != b.lines, linksChanged = a.links != b.links
            guard textChanged || linksChanged else { return nil }
            return PartChange(name: name, textChanged: textChanged, linksChanged: linksChanged,
                              lines: LineDiff.changes(a.lines, b.lines))
        }
        return ChangedPage(page: info(path, new, fallbackTitle: old.title), parts: parts)
    }

    /// What a path in a generated site is.
    static func info(_ path: String, _ text: PageText, fallbackTitle: String? = nil) -> PageInfo {
        let title = text.title ?? fallbackTitle
        let parts = path.split(separator: "/").map(String.init)
        let named = ["index.html": "home", "timeline.html": "timeline", "search.html": "search", "404.html": "not found page"]
        if parts.count == 1, let what = named[parts[0]] { return PageInfo(path: path, kind: nil, slug: nil, what: what, title: title) }
        if parts.count == 2, parts[0] == "timeline", parts[1].hasSuffix(".html") {
            return PageInfo(path: path, kind: nil, slug: nil, what: "timeline of \(parts[1].dropLast(".html".count))", title: title)
        }
        if parts.count == 2, let kind = EntryKind.referenceable.first(where: { $0.folder == parts[0] }) {
            if parts[1] == "index.html" { return PageInfo(path: path, kind: nil, slug: nil, what: "\(kind.noun) index", title: title) }
            // A letter's page of a long index (`index_a.html`): no slug has an underscore.
            if parts[1].hasPrefix("index_") {
                return PageInfo(path: path, kind: nil, slug: nil, what: "\(kind.noun) index, \(parts[1].dropFirst("index_".count).dropLast(".html".count))", title: title)
            }
            let slug = String(parts[1].dropLast(".html".count))
            return PageInfo(path: path, kind: kind.noun, slug: slug, what: "\(kind.noun) \(slug)", title: title)
        }
        return PageInfo(path: path, kind: nil, slug: nil, what: "page", title: title)
    }

    private static func read(_ folder: URL, _ path: String) -> Data {
        (try? Data(contentsOf: folder.appending(path: path))) ?? Data()
    }

    private static func isFolder(_ url: URL) -> Bool {
        var flag: ObjCBool = false
        return FileManager.default.fileExists(atPath: url.path, isDirectory: &flag) && flag.boolValue
    }
}
