/// What `almanac new` writes for the author to replace: front matter lines that
/// end in a `# placeholder` comment (today's date, a summary to write, a guessed
/// pollster) and the body's first sentence. Each one left is a warning, so that
/// `check` and `build` say what is still to do.
enum Placeholders {
    /// The comment that marks a front matter line as a placeholder.
    static let marker = "# placeholder"
    /// The body `almanac new` writes starts with "Write about TITLE here." and then says this.
    static let bodyMarker = " here. Link other entries with " + bodyMark
    /// What is looked for in a body: it starts with a byte that bodies seldom hold.
    static let bodyMark = "`[text](actor:SLUG)` or `<event:SLUG>`."

    /// The front matter line for `key` with a placeholder value.
    static func line(_ key: String, _ value: String) -> String { "\(key): \(value)  \(marker)" }

    /// A warning for every placeholder left in `yaml` (whose first line is file line
    /// `lineOffset + 1`) and in `body` (whose first line is file line `bodyLineOffset + 1`).
    static func warnings(yaml: String, body: Substring, path: String, lineOffset: Int, bodyLineOffset: Int) -> [Diagnostic] {
        var warnings: [Diagnostic] = []
        if contains(yaml.utf8, marker) {
            // The key a list item belongs to: the last line that is not indented.
            var outerKey: String?
            for (index, rawLine) in yaml.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                let line = String(rawLine).trimmingWhitespace
                let key = line.hasPrefix("-") ? nil : line.split(separator: ":", maxSplits: 1).first.map { String($0).trimmingWhitespace }
                if rawLine.first?.isWhitespace == false, !line.hasPrefix("-") { outerKey = key }
                guard line.hasSuffix(marker) else { continue }
                let what = key.map { "'\($0)' is" } ?? outerKey.map { "this item of '\($0)' is" } ?? "this line is"
                warnings.append(.warning(path, SourcePosition(line: lineOffset + index + 1, column: 1),
                                         "\(what) still the placeholder that almanac new wrote: set it, then delete the '\(marker)' comment"))
            }
        }
        if contains(body.utf8, bodyMark) {
            let line = body.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { contains($0.utf8, bodyMark) } ?? 0
            warnings.append(.warning(path, SourcePosition(line: bodyLineOffset + line + 1, column: 1),
                                     "the text is still the placeholder that almanac new wrote: write the entry's text in its place"))
        }
        return warnings
    }

    /// Whether `bytes` hold `needle` (bytes compared, in place: bodies can be long).
    private static func contains<Bytes: Collection<UInt8>>(_ bytes: Bytes, _ needle: String) -> Bool {
        let needle = Array(needle.utf8)
        func search(_ haystack: some Collection<UInt8>) -> Bool {
            var rest = haystack[...]
            while let start = rest.firstIndex(of: needle[0]) {
                let candidate = rest[start...]
                if candidate.starts(with: needle) { return true }
                rest = candidate.dropFirst()
            }
            return false
        }
        return bytes.withContiguousStorageIfAvailable { search($0) } ?? search(bytes)
    }
}
