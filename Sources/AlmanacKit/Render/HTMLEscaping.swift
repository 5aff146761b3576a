import Mustache

/// HTML escaping for `{{...}}`, the same five replacements as swift-mustache's
/// built-in HTML content type (`<`, `>`, `&`, `"`, `'`), done on UTF-8 bytes.
/// swift-mustache escapes Character by Character through a dictionary, which
/// was the largest single cost of a build; this gives byte-identical output.
struct FastHTMLContentType: MustacheContentType {
    /// The name templates select it by, in the pragma `{{% CONTENT_TYPE: ... }}`.
    static let name = "ALMANAC_HTML"

    /// The pragma put at the start of every template when it is loaded (a
    /// partial starts with swift-mustache's default content type again).
    static let pragma = "{{% CONTENT_TYPE: \(name) }}"

    static func register() {
        MustacheContentTypes.register(FastHTMLContentType(), named: name)
    }

    func escapeText(_ text: String) -> String { escapeHTML(text) }
}

/// `text` with `<`, `>`, `&`, `"` and `'` replaced by entities.
func escapeHTML(_ text: String) -> String {
    let utf8 = text.utf8
    func special(_ byte: UInt8) -> Bool { byte == 0x3C || byte == 0x3E || byte == 0x26 || byte == 0x22 || byte == 0x27 }
    // Most text has nothing to escape: looked for over the bytes in place (through
    // `utf8`, the search alone was 1.7% of a build).
    guard utf8.withContiguousStorageIfAvailable({ $0.contains(where: special) }) ?? utf8.contains(where: special) else { return text }
    var bytes: [UInt8] = []
    bytes.reserveCapacity(utf8.count + 16)
    for byte in utf8 {
        switch byte {
        case 0x3C: bytes += [0x26, 0x6C, 0x74, 0x3B]  // &lt;
        case 0x3E: bytes += [0x26, 0x67, 0x74, 0x3B]  // &gt;
        case 0x26: bytes += [0x26, 0x61, 0x6D, 0x70, 0x3B]  // &amp;
        case 0x22: bytes += [0x26, 0x71, 0x75, 0x6F, 0x74, 0x3B]  // &quot;
        case 0x27: bytes += [0x26, 0x23, 0x33, 0x39, 0x3B]  // &#39;
        default: bytes.append(byte)
        }
    }
    return String(decoding: bytes, as: UTF8.self)
}
