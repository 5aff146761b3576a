/// BibTeX records: every source of `data/sources.bib`, and the citation of a
/// page ("Cite this page"). Values are in braces, with the characters that
/// BibTeX or LaTeX read specially escaped; titles in double braces, so that
/// styles keep their capitals. Text stays UTF-8 (biber, bibtexparser and
/// reference managers read it).
enum BibTeX {
    /// `@misc{slug, ...}`: a source's publication is where it appeared (`howpublished`).
    static func record(_ entry: Entry) -> String {
        let source = entry.source
        var fields: [(String, String)] = [("title", "{" + escaped(entry.title) + "}")]
        if let authors = source?.authors, !authors.isEmpty { fields.append(("author", authors.map(escaped).joined(separator: " and "))) }
        if let publication = source?.publication { fields.append(("howpublished", escaped(publication))) }
        fields += dateFields(entry.date)
        if let url = source?.url { fields.append(("url", urlText(url))) }
        if let summary = entry.summary { fields.append(("abstract", escaped(summary))) }
        return format(type: "misc", key: entry.slug, fields)
    }

    /// The citation of one page of the site: `url` absolute (without `base_url`, none).
    static func page(key: String, title: String, site: String, url: String?, updated: PartialDate?) -> String {
        var fields: [(String, String)] = [("title", "{" + escaped(title) + "}"), ("howpublished", escaped(site))]
        fields += dateFields(updated)
        if let url { fields.append(("url", urlText(url))) }
        return format(type: "misc", key: key, fields)
    }

    private static func format(type: String, key: String, _ fields: [(String, String)]) -> String {
        "@\(type){\(key),\n" + fields.map { "  \($0.0) = {\($0.1)}" }.joined(separator: ",\n") + "\n}\n"
    }

    /// `year`, and `month` as BibTeX's three-letter macro (`mar`) when known.
    private static func dateFields(_ date: PartialDate?) -> [(String, String)] {
        guard let date else { return [] }
        var fields = [("year", String(date.year))]
        if let month = date.month { fields.append(("month", monthMacros[month - 1])) }
        if date.day != nil { fields.append(("date", date.description)) }
        return fields
    }

    private static let monthMacros = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]

    /// Text with `{ } \ & % $ # _ ~ ^` escaped as LaTeX reads them, so braces always balance.
    static func escaped(_ text: String) -> String {
        guard text.utf8.contains(where: { BibTeX.special.contains($0) }) else { return text }
        var result = ""
        for character in text {
            switch character {
            case "\\": result += "\\textbackslash{}"
            case "{", "}", "&", "%", "$", "#", "_": result += "\\" + String(character)
            case "~": result += "\\textasciitilde{}"
            case "^": result += "\\textasciicircum{}"
            case "\n", "\r", "\t": result += " "
            default: result.append(character)
            }
        }
        return result
    }

    /// The bytes `escaped` changes.
    private static let special = Set("\\{}&%$#_~^\n\r\t".utf8)

    /// An address as `url` holds it: braces (the only characters that would end it) percent-encoded.
    private static func urlText(_ url: String) -> String {
        guard url.utf8.contains(where: { $0 == UInt8(ascii: "{") || $0 == UInt8(ascii: "}") }) else { return url }
        return url.replacingOccurrences(of: "{", with: "%7B").replacingOccurrences(of: "}", with: "%7D")
    }
}
