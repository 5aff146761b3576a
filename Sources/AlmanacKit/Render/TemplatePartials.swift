import Mustache

/// The partials a parsed template names (`{{>name}}`, and `{{<name}}` for a
/// parent), found with swift-mustache's own parser: its token tree is walked
/// through `Mirror`, so no second Mustache parser can disagree with it.
///
/// The tree is internal to swift-mustache; if a new version lays it out
/// differently, `ThemeTests` and the `templates` invalid fixture fail.
enum TemplatePartials {
    /// Every static partial name in `template` and its sections, in order, once each.
    static func names(in template: MustacheTemplate) -> [String] {
        var names: [String] = []
        visit(template, into: &names)
        var seen = Set<String>()
        return names.filter { seen.insert($0).inserted }
    }

    private static func visit(_ value: Any, into names: inout [String]) {
        for child in Mirror(reflecting: value).children {
            // `case partial(String, indentation: String?, inherits: [String: MustacheTemplate]?)`
            if child.label == "partial", let name = Mirror(reflecting: child.value).children.first?.value as? String {
                names.append(name)
            }
            visit(child.value, into: &names)
        }
    }

    /// Where `{{>name}}` or `{{<name}}` is written, when the default delimiters are used.
    static func position(of name: String, in text: String) -> SourcePosition? {
        var line = 1
        for row in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var rest = row[...]
            while let open = rest.range(of: "{{") {
                var tag = rest[open.upperBound...].drop { $0 == " " }
                if let sigil = tag.first, sigil == ">" || sigil == "<" {
                    tag = tag.dropFirst().drop { $0 == " " }
                    if tag.hasPrefix(name), tag.dropFirst(name.count).drop(while: { $0 == " " }).hasPrefix("}}") {
                        return SourcePosition(line: line, column: row.distance(from: row.startIndex, to: open.lowerBound) + 1)
                    }
                }
                rest = rest[open.upperBound...]
            }
            line += 1
        }
        return nil
    }
}
