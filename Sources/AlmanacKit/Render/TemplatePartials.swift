import Mustache

/// The partials a parsed template names (`{{>name}}`, and `{{<name}}` for a
/// parent), found with swift-mustache's own parser: its token tree is walked
/// through `Mirror`, so no second Mustache parser can disagree with it.
///
/// The tree is internal to swift-mustache; if a new version lays it out
/// differently, `ThemeTests` and the `templates` invalid fixture fail.
enum TemplatePartials {
    /// A partial named in a template, and how many sections, blocks and
    /// partials it stands in there.
    struct Reference: Equatable {
        let name: String
        let depth: Int
        /// `{{>*name}}`: the name is read from the data when the page is rendered.
        var isDynamic = false
    }

    /// What a template's token tree holds: its partials, and the deepest it nests.
    struct Structure {
        var references: [Reference] = []
        var depth = 0
    }

    /// Every static partial name in `template` and its sections, in order, once each.
    static func names(in template: MustacheTemplate) -> [String] {
        var seen = Set<String>()
        return structure(of: template).references.filter { !$0.isDynamic && seen.insert($0.name).inserted }.map(\.name)
    }

    static func structure(of template: MustacheTemplate) -> Structure {
        var structure = Structure()
        visit(template, depth: 0, into: &structure)
        return structure
    }

    /// The token cases whose payload is rendered one level further down.
    private static let nesting: Set<String> = ["section", "invertedSection", "blockDefinition", "blockExpansion", "partial", "dynamicNamePartial"]

    private static func visit(_ value: Any, depth: Int, into structure: inout Structure) {
        structure.depth = max(structure.depth, depth)
        for child in Mirror(reflecting: value).children {
            // `case partial(String, indentation: String?, inherits: [String: MustacheTemplate]?)`
            if child.label == "partial" || child.label == "dynamicNamePartial",
               let name = Mirror(reflecting: child.value).children.first?.value as? String {
                structure.references.append(Reference(name: name, depth: depth, isDynamic: child.label == "dynamicNamePartial"))
            }
            let nests = child.label.map(nesting.contains) ?? false
            visit(child.value, depth: nests ? depth + 1 : depth, into: &structure)
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
                    if tag.first == "*" { tag = tag.dropFirst() }
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
