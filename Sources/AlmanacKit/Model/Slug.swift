/// Slugs: `^[a-z0-9]+(-[a-z0-9]+)*$`.
public enum Slug {
    /// Why `text` is not a slug, or nil when it is one.
    public static func problem(with text: String) -> String? {
        if text.isEmpty { return "it is empty" }
        if text.utf8.contains(where: { $0 >= 0x80 }) { return "only a-z, 0-9 and single hyphens are allowed, not non-ASCII letters" }
        if text.utf8.contains(where: { (65...90).contains($0) }) { return "only lower-case letters are allowed" }
        if text.contains(" ") { return "spaces are not allowed; use hyphens" }
        if text.contains(".") { return "dots are not allowed" }
        if text.hasPrefix("-") || text.hasSuffix("-") || text.contains("--") {
            return "hyphens must stand between letters or digits, one at a time"
        }
        if !text.utf8.allSatisfy({ (97...122).contains($0) || (48...57).contains($0) || $0 == 45 }) {
            return "only a-z, 0-9 and single hyphens are allowed"
        }
        return nil
    }

    public static func isValid(_ text: String) -> Bool { problem(with: text) == nil }
}
