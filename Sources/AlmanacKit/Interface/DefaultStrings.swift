import Foundation

/// The string tables built into `almanac`: the default theme's `i18n/*.yml`
/// (English, Russian, Kazakh), read once.
enum DefaultStrings {
    static let folder = "i18n/"

    static let tables: [String: StringTable] = {
        var tables: [String: StringTable] = [:]
        for (path, base64) in DefaultTheme.base64Files {
            guard let language = language(of: path), let text = String(data: Data(base64Encoded: base64)!, encoding: .utf8) else { continue }
            var diagnostics: [Diagnostic] = []
            // Tests check that every built-in table parses without a diagnostic.
            tables[language] = StringTable.parse(text, origin: "(default theme) Templates/" + path, diagnostics: &diagnostics)
        }
        return tables
    }()

    /// `ru` for `i18n/ru.yml`; nil for any other path.
    static func language(of path: String) -> String? {
        guard path.hasPrefix(folder), path.hasSuffix(".yml") else { return nil }
        let name = path.dropFirst(folder.count).dropLast(".yml".count)
        return name.isEmpty || name.contains("/") ? nil : String(name)
    }
}
