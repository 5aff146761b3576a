/// Slugs: `^[a-z0-9]+(-[a-z0-9]+)*$`.
public enum Slug {
    /// Why `text` is not a slug, or nil when it is one.
    public static func problem(with text: String) -> String? {
        let bytes = text.utf8
        // The common case first, in one pass: lower-case letters and digits in runs joined by single hyphens.
        var previous: UInt8 = UInt8(ascii: "-")
        var wellFormed = !bytes.isEmpty
        for byte in bytes {
            let isHyphen = byte == UInt8(ascii: "-")
            if !(isHyphen || (97...122).contains(byte) || (48...57).contains(byte)) || (isHyphen && previous == UInt8(ascii: "-")) {
                wellFormed = false
                break
            }
            previous = byte
        }
        if wellFormed && previous != UInt8(ascii: "-") { return nil }
        // Otherwise say what is wrong.
        if bytes.isEmpty { return "it is empty" }
        if bytes.contains(where: { $0 >= 0x80 }) { return "only a-z, 0-9 and single hyphens are allowed, not non-ASCII letters" }
        if bytes.contains(where: { (65...90).contains($0) }) { return "only lower-case letters are allowed" }
        if bytes.contains(UInt8(ascii: " ")) { return "spaces are not allowed; use hyphens" }
        if bytes.contains(UInt8(ascii: ".")) { return "dots are not allowed" }
        if bytes.first == UInt8(ascii: "-") || bytes.last == UInt8(ascii: "-") || text.utf8.elementsEqual("--".utf8) || hasDoubleHyphen(bytes) {
            return "hyphens must stand between letters or digits, one at a time"
        }
        return "only a-z, 0-9 and single hyphens are allowed"
    }

    public static func isValid(_ text: String) -> Bool { problem(with: text) == nil }

    private static func hasDoubleHyphen(_ bytes: String.UTF8View) -> Bool {
        zip(bytes, bytes.dropFirst()).contains { $0 == UInt8(ascii: "-") && $1 == UInt8(ascii: "-") }
    }
}
