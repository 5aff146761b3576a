import Mustache

/// The interface strings a template names, `{{t.KEY}}`, written into its text
/// once the site's language is known, so that rendering a page does not look
/// them up. A lookup through swift-mustache costs as much as copying a few
/// kilobytes (it splits the name and casts each context it walks through), and
/// every page shows a dozen strings. `t` is the interface wherever a template
/// names it, so the text is what the lookup would have given; left as they are:
/// sections (`{{#t.KEY}}`), keys the table does not have, strings that hold a
/// line break or braces, and templates that change their delimiters or their
/// content type.
enum InterfaceConstants {
    static func fold(_ theme: Theme, _ interface: Interface) -> Theme {
        var library = MustacheLibrary()
        for (name, text) in theme.texts {
            let folded = fold(text, interface)
            // It parsed before; a string written in cannot break it (no braces in one), but stay safe.
            guard folded != text, let template = try? MustacheTemplate(string: FastHTMLContentType.pragma + "\n" + folded) else {
                if let template = theme.library.getTemplate(named: name) { library.register(template, named: name) }
                continue
            }
            library.register(template, named: name)
        }
        return Theme(library: library, assets: theme.assets, fingerprint: theme.fingerprint, strings: theme.strings, texts: theme.texts)
    }

    /// `text` with each `{{t.KEY}}` (escaped) and `{{{t.KEY}}}` or `{{&t.KEY}}` (as it is) replaced by the string.
    static func fold(_ text: String, _ interface: Interface) -> String {
        guard !text.contains("{{="), !text.contains("{{%") else { return text }
        return text.replacing(tag) { match in
            let (tag, open, ampersand, key, close) = match.output
            guard open.isEmpty == close.isEmpty, open.isEmpty || ampersand.isEmpty, interface.texts[String(key)] != nil else { return String(tag) }
            let value = interface[String(key)]
            guard !value.contains(where: { "{}\n\r".contains($0) }) else { return String(tag) }
            return open.isEmpty && ampersand.isEmpty ? escapeHTML(value) : value
        }
    }

    /// `{{t.KEY}}`, `{{{t.KEY}}}`, `{{& t.KEY}}`, with the spaces Mustache allows.
    private nonisolated(unsafe) static let tag = /\{\{(\{?)\s*(&?)\s*t\.([A-Za-z0-9_]+)\s*(\}?)\}\}/
}
