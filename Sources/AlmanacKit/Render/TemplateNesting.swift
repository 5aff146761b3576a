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
                if let (start, end) = delimiters(String(decoding: content.dropFirst(), as: UTF8.self)) { (open, close) = (start, end) }
            default:
                break
            }
            // Lines inside a tag (a comment, say) still count.
            for offset in contentStart..<end where bytes[offset] == UInt8(ascii: "\n") { (line, lineStart) = (line + 1, offset + 1) }
        }
        return nil
    }

    /// The delimiters `{{=START END=}}` sets, read as swift-mustache reads them
    /// (`parserSetDelimiter`): white space is a `Character`'s, Unicode's too.
    private static func delimiters(_ text: String) -> ([UInt8], [UInt8])? {
        var rest = text.drop(while: \.isWhitespace)
        let start = rest.prefix { !$0.isWhitespace }
        rest = rest.dropFirst(start.count).drop(while: \.isWhitespace)
        let end = rest.prefix { $0 != "=" && !$0.isWhitespace }
        rest = rest.dropFirst(end.count).drop(while: \.isWhitespace)
        guard !start.isEmpty, !end.isEmpty, rest == "=" else { return nil }
        return (Array(start.utf8), Array(end.utf8))
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
