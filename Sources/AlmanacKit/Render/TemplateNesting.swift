/// How deep a template's sections nest, read from its text before
/// swift-mustache parses it: its parser, and its renderer, descend once a
/// section, so a template nested thousands deep would overflow the stack.
enum TemplateNesting {
    /// The most sections, blocks and partials a page may stand in, one inside
    /// another, counted through partials too (see `TemplateGraph`). Themes need
    /// a handful.
    static let limit = 100

    /// Where `text` opens a section deeper than `limit`, if it does. Tags are
    /// read as swift-mustache reads them: the sigil right after the opening
    /// delimiter, `{{=<% %>=}}` changing the delimiters.
    static func tooDeep(_ text: String) -> SourcePosition? {
        let bytes = Array(text.utf8)
        var (open, close) = (Array("{{".utf8), Array("}}".utf8))
        var depth = 0
        var (line, lineStart) = (1, 0)
        var index = 0
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "\n") {
                (line, lineStart) = (line + 1, index + 1)
                index += 1
                continue
            }
            guard bytes[index...].starts(with: open) else { index += 1; continue }
            let tagStart = index
            let contentStart = index + open.count
            guard let end = find(close, in: bytes, from: contentStart) else { return nil }
            let content = bytes[contentStart..<end]
            index = end + close.count
            switch content.first {
            case UInt8(ascii: "#"), UInt8(ascii: "^"), UInt8(ascii: "$"), UInt8(ascii: "<"):
                depth += 1
                if depth > limit {
                    let column = String(decoding: bytes[lineStart..<tagStart], as: UTF8.self).unicodeScalars.count + 1
                    return SourcePosition(line: line, column: column)
                }
            case UInt8(ascii: "/"):
                depth = max(0, depth - 1)
            case UInt8(ascii: "="):
                let parts = content.dropFirst().split(whereSeparator: { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") })
                if parts.count == 2, parts[1].last == UInt8(ascii: "=") {
                    (open, close) = (Array(parts[0]), Array(parts[1].dropLast()))
                    if open.isEmpty || close.isEmpty { return nil }
                }
            default:
                break
            }
            // Lines inside a tag (a comment, say) still count.
            for offset in contentStart..<end where bytes[offset] == UInt8(ascii: "\n") { (line, lineStart) = (line + 1, offset + 1) }
        }
        return nil
    }

    private static func find(_ needle: [UInt8], in bytes: [UInt8], from start: Int) -> Int? {
        var index = start
        while index + needle.count <= bytes.count {
            if bytes[index] == needle[0], bytes[index..<index + needle.count].elementsEqual(needle) { return index }
            index += 1
        }
        return nil
    }
}
