/// The words of the interface in the site's language (`language:` in
/// `site.yml`): the built-in table of that language (`Templates/i18n/*.yml`,
/// English, Russian and Kazakh), overridden string by string by the site's
/// own `Templates/i18n/LANGUAGE.yml`, every missing string in English.
/// Templates read plain strings as `{{t.KEY}}` (`InterfaceText`); texts with
/// values in them, nouns after numbers and dates are made here, from tables
/// built into the binary: nothing depends on the machine's locale.
public struct Interface: Sendable {
    /// The site's language code, as `site.yml` gives it.
    public let language: String
    let texts: [String: StringTable.Text]
    /// A hash of the language and every string: what a page reads of it (`ReadKey.interface`).
    let fingerprint: UInt64

    init(language: String, texts: [String: StringTable.Text]) {
        self.language = language
        self.texts = texts
        var hasher = StableHasher()
        hasher.combine(language)
        for key in texts.keys.sorted(by: { $0.precedesInUTF8($1) }) {
            hasher.combine(key)
            switch texts[key]! {
            case .plain(let text): hasher.combine(text)
            case .list(let list): for item in list { hasher.combine("l" + item) }
            case .forms(let forms):
                for category in forms.keys.sorted() { hasher.combine(category + "=" + forms[category]!) }
            }
        }
        fingerprint = hasher.value
    }

    /// The text of `key` (for plural forms, the form for most numbers).
    public subscript(key: String) -> String {
        switch texts[key] {
        case .plain(let text): text
        case .forms(let forms): forms["other"] ?? forms["many"] ?? ""
        case .list(let list): list.joined(separator: ", ")
        case nil: key
        }
    }

    /// The text of `key` with each `{name}` replaced by its value.
    public func format(_ key: String, _ values: [String: String]) -> String {
        Interface.fill(self[key], values)
    }

    /// The form of the noun `key` that follows `count` ("events" after 5, "событий" after 5 in Russian).
    public func noun(_ key: String, count: Int) -> String {
        formOf(key, category: Plural.category(count, language: language))
    }

    /// The form for `count` of `key`, with `{count}` in it replaced: "3 results for “x”".
    public func counted(_ key: String, count: Int, _ values: [String: String] = [:]) -> String {
        Interface.fill(noun(key, count: count), values.merging(["count": String(count)]) { given, _ in given })
    }

    /// "3 events": the number, then the noun's form for it.
    public func number(_ count: Int, _ key: String) -> String {
        "\(count) \(noun(key, count: count))"
    }

    /// The list of `key` (the twelve months).
    func list(_ key: String) -> [String] {
        if case .list(let list) = texts[key] { return list }
        return []
    }

    /// `pattern` with each `{name}` whose name is in `values` replaced by its
    /// value, in one pass: a value is never read for names itself.
    static func fill(_ pattern: String, _ values: [String: String]) -> String {
        // On the UTF-8 bytes: braces are ASCII, and dates fill patterns by the thousand.
        let utf8 = pattern.utf8
        guard var open = utf8.firstIndex(of: UInt8(ascii: "{")) else { return pattern }
        var out = ""
        var copied = utf8.startIndex
        while true {
            var afterOpen = utf8.index(after: open)
            if let close = utf8[afterOpen...].firstIndex(of: UInt8(ascii: "}")),
               let value = values[String(pattern[afterOpen..<close])] {
                out += pattern[copied..<open]
                out += value
                copied = utf8.index(after: close)
                afterOpen = copied
            }
            guard let next = utf8[afterOpen...].firstIndex(of: UInt8(ascii: "{")) else { break }
            open = next
        }
        return out + pattern[copied...]
    }
}

extension Interface {
    /// The form of `key` for a plural category, or the form that stands in for it.
    func formOf(_ key: String, category: String) -> String {
        guard case .forms(let forms) = texts[key] else { return self[key] }
        return forms[category] ?? forms["other"] ?? forms["many"] ?? ""
    }
}
