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
