/// Text as RFC 4180 CSV: fields separated by commas, records ended by CRLF (as
/// the RFC requires, and as Python's `csv` module writes), and a field quoted
/// when it holds a comma, a quote, a CR or an LF, its quotes doubled. Values
/// are written exactly as they are: nothing is prefixed to a field that starts
/// with `=`, `+`, `-` or `@` (see docs/guide.md, "Data for re-use").
enum CSVText {
    static func record(_ fields: [String]) -> String {
        var line = ""
        for (index, field) in fields.enumerated() {
            if index > 0 { line += "," }
            line += quoted(field)
        }
        return line + "\r\n"
    }

    static func quoted(_ field: String) -> String {
        guard field.utf8.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0D || $0 == 0x0A }) else { return field }
        let doubled = field.utf8.contains(0x22) ? field.replacingOccurrences(of: "\"", with: "\"\"") : field
        return "\"" + doubled + "\""
    }
}
