import Foundation

/// `almanac diff --format json` for tools: every page and part, with every changed
/// line in full (no excerpts, no limits), keys sorted, so the output is stable.
extension SiteDiff {
    private struct Document: Encodable {
        struct Page: Encodable {
            let path: String, what: String, kind: String?, slug: String?, title: String?
            init(_ info: PageInfo) { (path, what, kind, slug, title) = (info.path, info.what, info.kind, info.slug, info.title) }
        }
        struct Line: Encodable { let op: String, text: String }
        struct Part: Encodable {
            let name: String, text_changed: Bool, links_changed: Bool, lines: [Line]
        }
        struct Changed: Encodable {
            let page: Page, markup_only: Bool, parts: [Part]
        }
        struct Files: Encodable { let added: [String], removed: [String], changed: [String] }
        let added: [Page], removed: [Page], changed: [Changed], files: Files
    }

    public func json() -> String {
        let document = Document(
            added: added.map(Document.Page.init), removed: removed.map(Document.Page.init),
            changed: changed.map { change in
                Document.Changed(page: Document.Page(change.page), markup_only: change.parts.isEmpty, parts: change.parts.map { part in
                    Document.Part(name: part.name, text_changed: part.textChanged, links_changed: part.linksChanged,
                                  lines: part.lines.map { line in
                                      switch line {
                                      case .removed(let text): Document.Line(op: "-", text: text)
                                      case .added(let text): Document.Line(op: "+", text: text)
                                      }
                                  })
                })
            },
            files: Document.Files(added: filesAdded, removed: filesRemoved, changed: filesChanged))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(document)) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
