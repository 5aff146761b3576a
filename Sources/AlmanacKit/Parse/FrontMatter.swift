/// Splits a Markdown file into its YAML front matter and its body.
///
/// Front matter opens with a first line `---` and closes with the next line
/// that is `---` (or `...`). Without an opening line the whole file is body.
struct FrontMatter {
    /// The YAML between the fences, or nil when there is no front matter.
    let yaml: String?
    /// The Markdown after the closing fence.
    let body: Substring
    /// Lines before the body: add it to a body line to get a file line.
    let bodyLineOffset: Int

    enum SplitError: Error {
        /// The opening `---` has no closing line.
        case unclosed
    }

    /// The YAML's first line is line 2 of the file.
    static let yamlLineOffset = 1

    static func split(_ text: String) throws(SplitError) -> FrontMatter {
        // Lines are cut at LF bytes (a CRLF is one Character in Swift, so no Character split).
        let utf8 = text.utf8
        var lineStart = utf8.startIndex
        var lineNumber = 0
        var yamlStart = utf8.startIndex
        while true {
            let newline = utf8[lineStart...].firstIndex(of: UInt8(ascii: "\n"))
            let next = newline.map { utf8.index(after: $0) } ?? utf8.endIndex
            let line = text[lineStart..<(newline ?? utf8.endIndex)]
            lineNumber += 1
            if lineNumber == 1 {
                guard isFence(line, closing: false) else {
                    return FrontMatter(yaml: nil, body: text[...], bodyLineOffset: 0)
                }
                yamlStart = next
            } else if isFence(line, closing: true) {
                return FrontMatter(yaml: String(text[yamlStart..<lineStart]), body: text[next...], bodyLineOffset: lineNumber)
            }
            guard newline != nil else { throw .unclosed }
            lineStart = next
        }
    }

    private static func isFence(_ line: Substring, closing: Bool) -> Bool {
        var trimmed = line
        while let last = trimmed.last, last == " " || last == "\t" || last == "\r" { trimmed.removeLast() }
        return trimmed == "---" || (closing && trimmed == "...")
    }
}
