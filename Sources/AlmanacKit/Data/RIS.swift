/// RIS records for `data/sources.ris`: a tag, two spaces, a hyphen, a space and
/// the value, one per line, each line ended by CRLF as the format asks.
enum RIS {
    /// `TY  - GEN`: a source may be an article, a report or a dataset; its
    /// publication is its secondary title (`T2`) and its publisher (`PB`).
    static func record(_ entry: Entry) -> String {
        let source = entry.source
        var lines: [(String, String)] = [("TY", "GEN"), ("ID", entry.slug), ("TI", entry.title)]
        for author in source?.authors ?? [] { lines.append(("AU", author)) }
        if let publication = source?.publication { lines += [("T2", publication), ("PB", publication)] }
        if let date = entry.date {
            lines.append(("PY", zeroPadded(date.year, width: 4)))
            // YYYY/MM/DD/ with the parts not known left empty.
            lines.append(("DA", "\(zeroPadded(date.year, width: 4))/\(date.month.map { zeroPadded($0, width: 2) } ?? "")/\(date.day.map { zeroPadded($0, width: 2) } ?? "")/"))
        }
        if let url = source?.url { lines.append(("UR", url)) }
        if let summary = entry.summary { lines.append(("AB", summary)) }
        lines.append(("ER", ""))
        return lines.map { "\($0.0)  - \(oneLine($0.1))\r\n" }.joined()
    }

    /// A value on one line: line breaks become spaces.
    private static func oneLine(_ text: String) -> String {
        String(text.map { $0 == "\n" || $0 == "\r" || $0 == "\r\n" ? " " : $0 })
    }
}
