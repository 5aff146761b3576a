/// XML 1.0 forbids most control characters even when escaped; a body may hold
/// them (cmark passes them through), and one would make the whole feed unreadable.
enum XMLText {
    /// `text` without the characters XML 1.0 does not allow (C0 controls but tab,
    /// line feed and carriage return; U+FFFE and U+FFFF).
    static func valid(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isForbidden) else { return text }
        var result = String.UnicodeScalarView()
        result.append(contentsOf: text.unicodeScalars.filter { !isForbidden($0) })
        return String(result)
    }

    static func isForbidden(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A, 0x0D: false
        case 0x00..<0x20, 0xFFFE, 0xFFFF: true
        default: false
        }
    }
}
