import Foundation

extension Almanac {
    /// `almanac render`: one Markdown text to HTML. Outside a site this is exactly
    /// cmark's output. Inside one (ROOT/Content/site.yml exists), front matter is
    /// left out and cross-references become links, relative to where the page
    /// of `file` would be (the site's root for a file that is not an entry).
    public static func render(_ markdown: Data, file: URL?, unsafe: Bool, options: Options) -> (html: Data?, diagnostics: [Diagnostic]) {
        let siteConfig = options.root.appending(path: "Content/site.yml")
        guard FileManager.default.fileExists(atPath: siteConfig.path) else {
            return (Markdown.html(bytes: markdown, unsafe: unsafe), [])
        }
        let text = String(decoding: markdown, as: UTF8.self)
        let loaded = loadParseAndLink(options)
        guard let site = loaded.site else { return (nil, loaded.diagnostics) }
        let path = file.map { relative($0, to: options.root) } ?? "<stdin>"
        let id = file.flatMap { entryID(of: $0, root: options.root) } ?? .home
        var body = text[...]
        var offset = 0
        if let frontMatter = try? FrontMatter.split(text), frontMatter.yaml != nil {
            body = frontMatter.body
            offset = frontMatter.bodyLineOffset
        }
        let entry = Entry(id: id, path: path, title: "", summary: nil, aliases: [], draft: false, details: .page,
                          bodyLineOffset: offset, fieldReferences: [])
        let resolver = Resolver(entries: site.entries, drafts: [], broken: [], unsafeHTML: unsafe || site.config.unsafeHTML)
        let linked = resolver.renderBody(of: entry, markdown: String(body))
        let diagnostics = (loaded.diagnostics + linked.diagnostics).sorted()
        return (diagnostics.contains(where: \.isError) ? nil : Data(linked.html.utf8), diagnostics)
    }

    /// The entry a file under `Content/` is, if it is one.
    static func entryID(of file: URL, root: URL) -> EntryID? {
        let parts = relative(file, to: root).split(separator: "/")
        if parts == ["Content", "index.md"] { return .home }
        guard parts.count == 3, parts[0] == "Content", parts[2].hasSuffix(".md"),
              let kind = EntryKind.referenceable.first(where: { $0.folder == parts[1] }) else { return nil }
        return EntryID(kind, String(parts[2].dropLast(3)))
    }
}
