/// `almanac diff` for people: a summary line, then each page added, removed or
/// changed, with the parts that changed and a short diff of their visible text.
extension SiteDiff {
    /// At most this many lines of text diff per part; the rest are counted.
    static let linesPerPart = 8
    static let lineWidth = 160

    public func text() -> String {
        if isEmpty { return "no changes\n" }
        var out = "\(Plural.counted(added.count, "page")) added, \(removed.count) removed, \(changed.count) changed"
        let files = filesAdded.count + filesRemoved.count + filesChanged.count
        if files > 0 { out += "; \(Plural.counted(files, "other file")) changed" }
        out += "\n"
        for page in added { out += "\nadded    \(describe(page))\n" }
        for page in removed { out += "\nremoved  \(describe(page))\n" }
        for change in changed {
            out += "\nchanged  \(describe(change.page))\n"
            if change.parts.isEmpty { out += "  markup only: the visible text and links are the same\n" }
            for part in change.parts {
                var what: [String] = []
                if part.textChanged { what.append("text") }
                if part.linksChanged { what.append("links") }
                out += "  \(part.name) (\(what.joined(separator: ", ")))\n"
                let lines = SiteDiff.shortLines(part.lines)
                for line in lines.prefix(SiteDiff.linesPerPart) { out += "    \(TerminalText.escaped(line))\n" }
                if lines.count > SiteDiff.linesPerPart { out += "    … \(lines.count - SiteDiff.linesPerPart) more changed \(Plural.noun(lines.count - SiteDiff.linesPerPart, "line"))\n" }
            }
        }
        for (label, paths) in [("files added", filesAdded), ("files removed", filesRemoved), ("files changed", filesChanged)] where !paths.isEmpty {
            out += "\n\(label): \(paths.map(TerminalText.escaped).joined(separator: ", "))\n"
        }
        return out
    }

    private func describe(_ page: PageInfo) -> String {
        TerminalText.escaped("\(page.path)  \(page.what)" + (page.title.map { ": \($0)" } ?? ""))
    }

    /// `- old` and `+ new` lines; a line replaced by one other line is cut to the words around the change.
    static func shortLines(_ changes: [LineDiff.Change]) -> [String] {
        var result: [String] = []
        var index = 0
        while index < changes.count {
            var removed: [String] = [], added: [String] = []
            while index < changes.count, case .removed(let line) = changes[index] { removed.append(line); index += 1 }
            while index < changes.count, case .added(let line) = changes[index] { added.append(line); index += 1 }
            let pairs = removed.count == added.count ? zip(removed, added).map { LineDiff.excerpts(old: $0, new: $1) } : []
            if !pairs.isEmpty, pairs.allSatisfy({ $0 != nil }) {
                for case let (a, b)? in pairs { result += ["- " + clipped(a), "+ " + clipped(b)] }
            } else {
                result += removed.map { "- " + clipped($0) } + added.map { "+ " + clipped($0) }
            }
        }
        return result
    }

    private static func clipped(_ line: String) -> String {
        line.count <= lineWidth ? line : String(line.prefix(lineWidth - 2)) + " …"
    }
}
