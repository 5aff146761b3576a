/// Which strings a site's interface gets, and what is wrong with the site's own tables.
extension Interface {
    /// The languages with a table built into `almanac`.
    static var builtIn: [String] { DefaultStrings.tables.keys.sorted() }

    /// The interface in `language`: English, under the built-in table of the
    /// language (`ru` for `ru-KZ` too), under the site's own
    /// `Templates/i18n/LANGUAGE.yml`; the site's `en.yml` changes the English
    /// every other language falls back to. Warnings: a language with no table
    /// (the interface is in English), one warning for all the strings a table lacks.
    static func load(language: String, own: [String: StringTable]) -> (Interface, [Diagnostic]) {
        let english = DefaultStrings.tables["en"]!
        var texts = english.items.mapValues(\.text)
        var diagnostics: [Diagnostic] = []
        if let ownEnglish = own["en"] { overlay(ownEnglish, on: &texts) }
        let code = tableCode(for: language, own: own)
        guard code != "en" else { return (Interface(language: language, texts: texts), diagnostics) }

        let base = code.flatMap { DefaultStrings.tables[$0] }
        let site = code.flatMap { own[$0] }
        if let base { overlay(base, on: &texts) }
        if let site { overlay(site, on: &texts) }
        if base == nil, site == nil {
            diagnostics.append(.warning("Content/site.yml", nil, "no interface strings for the language '\(language)' "
                + "(built in: \(builtIn.joined(separator: ", "))): the interface is in English; "
                + "add Templates/i18n/\(language).yml to translate it (see `almanac theme export`)"))
        } else {
            let given = Set((base?.items.keys).map(Array.init) ?? []).union((site?.items.keys).map(Array.init) ?? [])
            let missing = english.items.keys.filter { !given.contains($0) }.sorted(by: { $0.precedesInUTF8($1) })
            if !missing.isEmpty {
                let shown = missing.prefix(8).joined(separator: ", ") + (missing.count > 8 ? " and \(missing.count - 8) more" : "")
                diagnostics.append(.warning(site?.origin ?? "Content/site.yml", nil,
                    "\(Plural.counted(missing.count, "interface string")) missing, shown in English: \(shown)"))
            }
        }
        return (Interface(language: language, texts: texts), diagnostics)
    }

    /// The table that serves `language`: its own code, else its primary subtag (`ru` for `ru-KZ`); "en" for English.
    private static func tableCode(for language: String, own: [String: StringTable]) -> String? {
        let primary = String(language.split(separator: "-").first ?? "").lowercased()
        for code in [language, language.lowercased(), primary] where DefaultStrings.tables[code] != nil || own[code] != nil {
            return code
        }
        return primary == "en" ? "en" : nil
    }

    /// Puts `table`'s strings over `texts`, those whose key and shape English has
    /// (the others are reported by `problems(in:)` when the theme is loaded).
    private static func overlay(_ table: StringTable, on texts: inout [String: StringTable.Text]) {
        let english = DefaultStrings.tables["en"]!
        for (key, item) in table.items where english.items[key].map({ fits(item.text, $0.text) }) == true {
            texts[key] = item.text
        }
    }

    private static func fits(_ text: StringTable.Text, _ reference: StringTable.Text) -> Bool {
        switch (reference, text) {
        case (.plain, .plain), (.forms, .forms), (.forms, .plain): true
        case (.list(let expected), .list(let given)): given.count == expected.count
        default: false
        }
    }

    /// What is wrong with a site's own table, whatever the site's language: a
    /// key Almanac does not know (a warning: it would show nowhere), a string
    /// of another shape than the English one (an error).
    static func problems(in table: StringTable) -> [Diagnostic] {
        let english = DefaultStrings.tables["en"]!
        var diagnostics: [Diagnostic] = []
        for key in table.items.keys.sorted(by: { $0.precedesInUTF8($1) }) {
            let item = table.items[key]!
            guard let reference = english.items[key]?.text else {
                diagnostics.append(.warning(table.origin, item.position,
                    "no interface string '\(key)'; ignored\(Suggestions.hint(for: key, in: english.items.keys))"))
                continue
            }
            guard !fits(item.text, reference) else { continue }
            let shape = switch reference {
            case .list(let expected): "a list of \(expected.count) texts"
            case .plain: "one text"
            case .forms: "one text or plural forms (one:, few:, many:, other:)"
            }
            diagnostics.append(.error(table.origin, item.position, "'\(key)' must be \(shape)"))
        }
        return diagnostics
    }
}

extension Interface {
    /// The built-in English interface.
    public static let english = Interface(language: "en", texts: DefaultStrings.tables["en"]!.items.mapValues(\.text))
}
