import CLibXML2
import Foundation

/// What a reader sees of one generated page, part by part: the visible text as
/// lines (one per paragraph, list item, heading, table row...) and the links.
///
/// Parts are found by the `data-part="NAME"` attribute the templates put on the
/// elements that hold them (`title`, `dates`, `facts`, `summary`, `body`,
/// `actors`, `sources`, `events`, `polls`, `results`, `backlinks`, `neighbours`,
/// `list`...). A part's text leaves out parts nested in it. Text in `<main>`
/// outside any part is the part `page`; text outside `<main>` (header, footer)
/// is `layout`. `<head>`, scripts and styles are not visible and are skipped.
///
/// The page is parsed by libxml2's HTML parser; the C tree is owned by `read`
/// alone and freed before it returns.
public struct PageText: Sendable, Equatable {
    public struct Part: Sendable, Equatable {
        public var lines: [String] = []
        public var links: [String] = []
    }

    /// Part names in the order they first appear on the page.
    public private(set) var order: [String] = []
    public private(set) var parts: [String: Part] = [:]
    /// Every line of every part but `layout`, in page order: the page as one part.
    public private(set) var lines: [String] = []

    /// Whether the page marks any part (a theme without `data-part` attributes marks none).
    public var hasMarkedParts: Bool { order.contains { $0 != "layout" && $0 != "page" } }

    /// The page's title as shown in its `title` part.
    public var title: String? { parts["title"].map { $0.lines.joined(separator: " ") } }

    public static func read(_ data: Data) -> PageText {
        var page = PageText()
        let options = Int32(HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue | HTML_PARSE_NONET.rawValue)
        let document = data.withUnsafeBytes { buffer -> htmlDocPtr? in
            guard let base = buffer.baseAddress, buffer.count > 0 else { return nil }
            return htmlReadMemory(base.assumingMemoryBound(to: CChar.self), Int32(buffer.count), nil, "utf-8", options)
        }
        guard let document else { return page }
        defer { xmlFreeDoc(document) }
        var reader = Reader()
        if let root = xmlDocGetRootElement(document) { reader.walk(root, part: "layout", preformatted: false) }
        reader.finish()
        page.order = reader.order
        page.parts = reader.parts
        page.lines = reader.all
        return page
    }

    /// Walks the tree once, filling each part's current line.
    private struct Reader {
        var order: [String] = []
        var parts: [String: Part] = [:]
        var pending: [String: String] = [:]
        var all: [String] = []
        var allPending = ""

        static let skipped: Set<String> = ["head", "script", "style", "template", "noscript"]
        static let blocks: Set<String> = [
            "address", "article", "aside", "blockquote", "br", "caption", "dd", "div", "dl", "dt", "figcaption", "figure",
            "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "nav", "ol", "p", "pre",
            "section", "table", "tbody", "thead", "tfoot", "tr", "ul", "svg", "text", "title",
        ]

        /// In a `nav`, each link is a line of its own (previous / next, menus).
        mutating func walk(_ node: xmlNodePtr, part: String, preformatted: Bool, inNav: Bool = false) {
            var child = node.pointee.children
            while let current = child {
                switch current.pointee.type {
                case XML_ELEMENT_NODE:
                    let name = String(cString: current.pointee.name).lowercased()
                    if Reader.skipped.contains(name) { break }
                    var inner = name == "main" ? "page" : part
                    if let value = attribute(current, "data-part"), !value.isEmpty { inner = value }
                    note(inner)
                    for key in ["href", "src"] { if let link = attribute(current, key) { parts[inner]!.links.append(link) } }
                    let block = Reader.blocks.contains(name) || (inNav && name == "a")
                    if block { breakLine(part); breakLine(inner) }
                    if name == "td" || name == "th" { append(" ", to: inner, preformatted: false) }  // cells of a row apart
                    walk(current, part: inner, preformatted: preformatted || name == "pre", inNav: inNav || name == "nav")
                    if block { breakLine(inner); breakLine(part) }
                case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                    guard let content = current.pointee.content else { break }
                    append(String(cString: content), to: part, preformatted: preformatted)
                default:
                    break
                }
                child = current.pointee.next
            }
        }

        private func attribute(_ node: xmlNodePtr, _ name: String) -> String? {
            guard let value = xmlGetProp(node, name) else { return nil }
            defer { almanac_xml_free(value) }
            return String(cString: value)
        }

        private mutating func note(_ part: String) {
            if parts[part] == nil { parts[part] = Part(); order.append(part) }
        }

        private mutating func append(_ text: String, to part: String, preformatted: Bool) {
            note(part)
            let visible = part != "layout"
            if preformatted {
                let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
                for (index, line) in lines.enumerated() {
                    if index > 0 { breakLine(part) }
                    pending[part, default: ""] += line + " "
                    if visible { allPending += line + " " }
                }
            } else {
                pending[part, default: ""] += text
                if visible { allPending += text }
            }
        }

        /// Ends the part's current line: whitespace collapsed, empty lines dropped.
        mutating func breakLine(_ part: String) {
            if case let line = Reader.collapsed(allPending), !line.isEmpty { all.append(line) }
            allPending = ""
            guard let text = pending.removeValue(forKey: part) else { return }
            let line = Reader.collapsed(text)
            if !line.isEmpty { parts[part, default: Part()].lines.append(line) }
        }

        static func collapsed(_ text: String) -> String {
            text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\r" || $0 == "\u{A0}" }).joined(separator: " ")
        }

        mutating func finish() {
            for part in order { breakLine(part) }
        }
    }
}
