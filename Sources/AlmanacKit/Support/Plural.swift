/// English nouns after a number, for counts shown to people: "1 poll", "2 polls",
/// "1 entry", "3 entries".
public enum Plural {
    /// `singular` when `count` is 1, else `plural` (by default `singular` with an
    /// `s`, or `ies` for a `y` after a consonant).
    public static func noun(_ count: Int, _ singular: String, _ plural: String? = nil) -> String {
        if count == 1 { return singular }
        if let plural { return plural }
        if singular.hasSuffix("y"), let before = singular.dropLast().last, !"aeiou".contains(before) {
            return singular.dropLast() + "ies"
        }
        return singular + "s"
    }

    /// "1 poll", "2 polls".
    public static func counted(_ count: Int, _ singular: String, _ plural: String? = nil) -> String {
        "\(count) \(noun(count, singular, plural))"
    }
}

extension Plural {
    /// The plural category of a whole number in a language (CLDR's rules for
    /// integers): Russian, Ukrainian and Belarusian have `one` (1, 21, 101),
    /// `few` (2–4, 22–24) and `many` (0, 5–20, 25...); every other language
    /// here `one` for 1 and `other` for the rest. (Kazakh nouns do not change
    /// after a number: its table gives one text for every count.)
    static func category(_ count: Int, language: String) -> String {
        switch rule(language) {
        case .eastSlavic:
            let (units, tens) = (abs(count) % 10, abs(count) % 100)
            if units == 1 && tens != 11 { return "one" }
            if (2...4).contains(units) && !(12...14).contains(tens) { return "few" }
            return "many"
        case .oneOther:
            return count == 1 ? "one" : "other"
        }
    }

    /// The two rules Almanac knows (the search page's script applies the same).
    enum Rule: String { case eastSlavic = "east-slavic", oneOther = "one-other" }

    static func rule(_ language: String) -> Rule {
        let primary = language.split(separator: "-").first.map { $0.lowercased() } ?? ""
        return ["ru", "uk", "be"].contains(primary) ? .eastSlavic : .oneOther
    }
}
