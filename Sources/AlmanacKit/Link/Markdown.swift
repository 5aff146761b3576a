import CCmark
import CMarkArena
import Foundation

/// A link or image destination met in a Markdown body.
public struct MarkdownLink: Sendable {
    public let url: String
    /// 1-based line within the Markdown text.
    public let line: Int
    /// 1-based column, counted in UTF-8 bytes as cmark counts.
    public let byteColumn: Int
    /// `<scheme:target>`: the link's text is its destination.
    public let isAutolink: Bool
    public let isImage: Bool
}

/// What to do with a link: keep it, or point it elsewhere (and, for an
/// autolink, show other text).
public enum LinkRewrite: Sendable {
    case keep
    case replace(url: String, text: String?)
}

/// The only place that touches cmark. The C tree is created, walked, changed
/// and freed inside one call; only Swift values leave it.
public enum Markdown {
    public struct Rendered: Sendable {
        public let html: String
        /// The visible words, blocks separated by newlines (for search and feeds).
        public let text: String
        /// The first paragraph written as GitHub's Markdown writes a table or a
        /// footnote, which CommonMark renders as plain text (found when text is collected).
        public var lookalike: GFMLookalike? = nil
        /// The ids given to the headings, in order (none unless asked for).
        public var headingIDs: [String] = []
        /// Where `text` holds the destination of each autolink that the rewrite gave
        /// other text, in order (UTF-8 offsets): the reader sees that text there.
        public var retitled: [Range<Int>] = []
    }

    /// A GitHub Flavored Markdown construct that CommonMark does not have.
    public struct GFMLookalike: Sendable, Equatable {
        public enum Construct: Sendable { case table, footnote }
        public let construct: Construct
        /// 1-based line and byte column of the paragraph that holds it.
        public let line: Int
        public let byteColumn: Int
    }

    /// Texts up to this many bytes are parsed in an arena.
    static let arenaLimit = 1 << 20

    /// Renders CommonMark exactly as `cmark` (or `cmark --unsafe`) does.
    public static func html(_ markdown: String, unsafe: Bool) -> String {
        render(markdown, unsafe: unsafe, collectText: false) { _ in .keep }.html
    }

    /// Renders bytes exactly as the `cmark` program does, whatever they hold:
    /// bytes that are not UTF-8 are handed to cmark as they are, not repaired first.
    public static func html(bytes markdown: Data, unsafe: Bool) -> Data {
        let options = unsafe ? CMARK_OPT_UNSAFE : CMARK_OPT_DEFAULT
        // A NUL after the bytes: never read, but a buffer to point at when there are none.
        let bytes = [CChar](unsafeUninitializedCapacity: markdown.count + 1) { buffer, count in
            count = markdown.copyBytes(to: UnsafeMutableRawBufferPointer(buffer)) + 1
            buffer[markdown.count] = 0
        }
        let html = bytes.withUnsafeBufferPointer { cmark_markdown_to_html($0.baseAddress, markdown.count, options)! }
        defer { free(html) }
        return Data(bytes: html, count: strlen(html))
    }

    /// Parses `markdown`, lets `rewrite` decide every link and image destination,
    /// and renders HTML with cmark's own renderer. With `headingIDs`, every
    /// heading gets an `id` from it (see `identify`).
    static func render(_ markdown: String, unsafe: Bool, collectText: Bool, headingIDs: HeadingIDs? = nil,
                       rewrite: (MarkdownLink) -> LinkRewrite) -> Rendered {
        let options = unsafe ? CMARK_OPT_UNSAFE : CMARK_OPT_DEFAULT
        var markdown = markdown
        // A body's nodes come from this thread's arena (see CMarkArena), taken back
        // when its next body starts: nothing of this tree outlives this call. A very
        // long text, which would hold every buffer cmark frees while it parses,
        // uses cmark's own allocator.
        let memory = markdown.utf8.count < Markdown.arenaLimit ? almanac_cmark_arena()! : cmark_get_default_mem_allocator()!
        let parser = cmark_parser_new_with_mem(options, memory)!
        markdown.withUTF8 { bytes in
            bytes.withMemoryRebound(to: CChar.self) { cmark_parser_feed(parser, $0.baseAddress, $0.count) }
        }
        let document = cmark_parser_finish(parser)!
        cmark_parser_free(parser)
        defer { cmark_node_free(document) }

        var text: [UInt8] = []
        var links: [(node: OpaquePointer, link: MarkdownLink)] = []
        // Where each autolink's text is in `text` (by the link's place in `links`): a rewrite may show other text.
        var autolinkText: [Int: Range<Int>] = [:]
        var lookalike: GFMLookalike?
        var headings: [OpaquePointer] = []
        let iterator = cmark_iter_new(document)!
        defer { cmark_iter_free(iterator) }
        while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
            let node = cmark_iter_get_node(iterator)!
            let type = cmark_node_get_type(node)
            if event == CMARK_EVENT_ENTER, type == CMARK_NODE_LINK || type == CMARK_NODE_IMAGE {
                let url = cmark_node_get_url(node).map { String(cString: $0) } ?? ""
                links.append((node, MarkdownLink(
                    url: url, line: Int(cmark_node_get_start_line(node)), byteColumn: Int(cmark_node_get_start_column(node)),
                    isAutolink: type == CMARK_NODE_LINK && isAutolink(node, url: url), isImage: type == CMARK_NODE_IMAGE)))
            }
            if collectText {
                if type == CMARK_NODE_LINK, let last = links.last, last.node == node, last.link.isAutolink {
                    if event == CMARK_EVENT_ENTER { autolinkText[links.count - 1] = text.count..<text.count }
                    else { autolinkText[links.count - 1] = autolinkText[links.count - 1]!.lowerBound..<text.count }
                }
                collect(node, type: type, event: event, into: &text)
                if lookalike == nil, type == CMARK_NODE_TEXT { lookalike = gfmLookalike(node) }
            }
            if headingIDs != nil, type == CMARK_NODE_HEADING, event == CMARK_EVENT_ENTER { headings.append(node) }
        }
        // The walk is over: changing nodes now cannot upset the iterator.
        var titled: [Range<Int>] = []
        for (index, (node, link)) in links.enumerated() {
            switch rewrite(link) {
            case .keep:
                break
            case .replace(let url, let newText):
                cmark_node_set_url(node, url)
                if let newText, let child = cmark_node_first_child(node) { cmark_node_set_literal(child, newText) }
                if newText != nil, let range = autolinkText[index] { titled.append(range) }
            }
        }
        // After the rewrites, so that an autolink's id is made of the title it shows.
        var ids = headingIDs
        for heading in headings { identify(heading, id: ids!.claim(visibleText(of: heading)), options: options, memory: memory) }
        let visible = String(decoding: text, as: UTF8.self)
        guard let rendered = cmark_render_html(document, options) else { return Rendered(html: "", text: visible, lookalike: lookalike) }
        defer { memory.pointee.free(rendered) }
        return Rendered(html: String(cString: rendered), text: visible, lookalike: lookalike, headingIDs: ids?.ids ?? [], retitled: titled)
    }

    /// Gives a heading an `id`: cmark renders the heading (`<h2>...</h2>`, its
    /// inlines as always), and a custom block that writes the same element with
    /// the id takes the heading's place in the tree.
    private static func identify(_ heading: OpaquePointer, id: String, options: Int32, memory: UnsafeMutablePointer<cmark_mem>) {
        guard let rendered = cmark_render_html(heading, options) else { return }
        defer { memory.pointee.free(rendered) }
        let html = String(cString: rendered)
        let level = cmark_node_get_heading_level(heading)
        let open = "<h\(level)>", close = "</h\(level)>\n"
        guard html.hasPrefix(open), html.hasSuffix(close), let block = cmark_node_new_with_mem(CMARK_NODE_CUSTOM_BLOCK, memory) else { return }
        let inner = html.utf8.dropFirst(open.utf8.count).dropLast(close.utf8.count)
        cmark_node_set_on_enter(block, "<h\(level) id=\"\(id)\">\(String(Substring(inner)))</h\(level)>")
        cmark_node_replace(heading, block)
        cmark_node_free(heading)
    }

    /// The words a reader sees in `node` (a heading).
    private static func visibleText(of node: OpaquePointer) -> String {
        var text: [UInt8] = []
        let iterator = cmark_iter_new(node)!
        defer { cmark_iter_free(iterator) }
        while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
            let child = cmark_iter_get_node(iterator)!
            if child != node { collect(child, type: cmark_node_get_type(child), event: event, into: &text) }
        }
        return String(decoding: text, as: UTF8.self)
    }

    /// Whether the text `node` is a table's delimiter row (`|---|:--:|`, a line of
    /// its own in a paragraph) or holds a footnote mark (`[^1]`).
    private static func gfmLookalike(_ node: OpaquePointer) -> GFMLookalike? {
        guard let literal = cmark_node_get_literal(node), let parent = cmark_node_parent(node),
              cmark_node_get_type(parent) == CMARK_NODE_PARAGRAPH else { return nil }
        let bytes = UnsafeBufferPointer(start: UnsafeRawPointer(literal).assumingMemoryBound(to: UInt8.self), count: strlen(literal))
        var construct: GFMLookalike.Construct?
        if hasFootnoteMark(bytes) {
            construct = .footnote
        } else if bytes.contains(UInt8(ascii: "|")), bytes.contains(UInt8(ascii: "-")),
                  bytes.allSatisfy({ [UInt8(ascii: "|"), UInt8(ascii: "-"), UInt8(ascii: ":"), 0x20, 0x09].contains($0) }),
                  isLineOfItsOwn(node) {
            construct = .table
        }
        return construct.map {
            GFMLookalike(construct: $0, line: Int(cmark_node_get_start_line(parent)), byteColumn: Int(cmark_node_get_start_column(parent)))
        }
    }

    /// Whether `bytes` hold `[^label]`, a label without spaces.
    private static func hasFootnoteMark(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        while index + 3 < bytes.count {
            if bytes[index] == UInt8(ascii: "["), bytes[index + 1] == UInt8(ascii: "^") {
                var end = index + 2
                while end < bytes.count, ![UInt8(ascii: "]"), UInt8(ascii: "["), 0x20, 0x09].contains(bytes[end]) { end += 1 }
                if end > index + 2, end < bytes.count, bytes[end] == UInt8(ascii: "]") { return true }
            }
            index += 1
        }
        return false
    }

    /// Whether a text node stands alone on its line of the paragraph.
    private static func isLineOfItsOwn(_ node: OpaquePointer) -> Bool {
        let isBreak = { (other: OpaquePointer?) in
            guard let other else { return true }
            let type = cmark_node_get_type(other)
            return type == CMARK_NODE_SOFTBREAK || type == CMARK_NODE_LINEBREAK
        }
        return isBreak(cmark_node_previous(node)) && isBreak(cmark_node_next(node))
    }

    /// An autolink's only child is a text node that spells out its destination.
    private static func isAutolink(_ node: OpaquePointer, url: String) -> Bool {
        guard let child = cmark_node_first_child(node), cmark_node_next(child) == nil,
              cmark_node_get_type(child) == CMARK_NODE_TEXT,
              let literal = cmark_node_get_literal(child) else { return false }
        return String(cString: literal) == url
    }

    /// Appends the visible text of `node` to `text`, as UTF-8 (cmark's literals are).
    private static func collect(_ node: OpaquePointer, type: cmark_node_type, event: cmark_event_type, into text: inout [UInt8]) {
        func append(_ literal: UnsafePointer<CChar>?) {
            guard let literal else { return }
            text.append(contentsOf: UnsafeRawBufferPointer(start: literal, count: strlen(literal)))
        }
        switch type {
        case CMARK_NODE_TEXT, CMARK_NODE_CODE:
            append(cmark_node_get_literal(node))
        case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
            text.append(0x20)
        case CMARK_NODE_PARAGRAPH, CMARK_NODE_HEADING, CMARK_NODE_ITEM, CMARK_NODE_CODE_BLOCK:
            if type == CMARK_NODE_CODE_BLOCK { append(cmark_node_get_literal(node)) }
            if event == CMARK_EVENT_EXIT || type == CMARK_NODE_CODE_BLOCK, !text.isEmpty, text.last != 0x0A { text.append(0x0A) }
        default:
            break
        }
    }

    /// As cmark's safe mode judges: script-running schemes, and `data:` except common image types in images.
    /// Compares ASCII letters without case, as cmark's scanner does.
    static func isDangerous(_ url: String, isImage: Bool) -> Bool {
        let bytes = url.utf8.drop { $0 == 0x20 || $0 == 0x09 }
        let starts = { (prefix: String) in hasPrefixIgnoringASCIICase(bytes, prefix) }
        if starts("javascript:") || starts("vbscript:") || starts("file:") { return true }
        if starts("data:") {
            let safeImage = ["data:image/png", "data:image/gif", "data:image/jpeg", "data:image/webp"].contains(where: starts)
            return !(isImage && safeImage)
        }
        return false
    }

    /// Whether `bytes` start with `prefix` (lower-case ASCII), ASCII letters compared without case.
    static func hasPrefixIgnoringASCIICase(_ bytes: some Collection<UInt8>, _ prefix: String) -> Bool {
        var index = bytes.startIndex
        for expected in prefix.utf8 {
            guard index != bytes.endIndex else { return false }
            let byte = bytes[index]
            guard byte == expected || ((0x41...0x5A).contains(byte) && byte | 0x20 == expected) else { return false }
            index = bytes.index(after: index)
        }
        return true
    }
}
