import Yams

/// One `i18n/LANGUAGE.yml` file of a theme: interface strings by key, each
/// with where it stands in the file (for diagnostics).
struct StringTable: Sendable {
    /// A string of the interface: one text, a noun's forms by plural category
    /// (`one`, `few`, `many`, `other`), or a list (the twelve months).
    enum Text: Sendable, Equatable {
        case plain(String)
        case forms([String: String])
        case list([String])
    }

    struct Item: Sendable {
        let text: Text
        let position: SourcePosition
    }

    let origin: String
    let items: [String: Item]

    static let categories: Set<String> = ["one", "few", "many", "other"]

    /// The table in `yaml`, with errors (line and column) in `diagnostics` for
    /// each string that is malformed (and left out); nil when the file is not YAML or not a mapping.
    static func parse(_ yaml: String, origin: String, diagnostics: inout [Diagnostic]) -> StringTable? {
        let node: Node?
        do {
            node = try Yams.compose(yaml: yaml, .basic, .default, .utf8)
        } catch let error as YamlError {
            diagnostics.append(YAMLDocument.diagnostic(for: error, path: origin, lineOffset: 0))
            return nil
        } catch {
            diagnostics.append(.error(origin, SourcePosition(line: 1, column: 1), "YAML: \(error)"))
            return nil
        }
        guard let node, !node.isNull else { return StringTable(origin: origin, items: [:]) }
        guard let mapping = node.mapping else {
            diagnostics.append(.error(origin, position(of: node), "interface strings must be a mapping of keys to texts, not \(node.typeName)"))
            return nil
        }
        var items: [String: Item] = [:]
        for (keyNode, value) in mapping {
            guard let key = keyNode.scalar?.string else {
                diagnostics.append(.error(origin, position(of: keyNode), "a key must be a name, not \(keyNode.typeName)"))
                continue
            }
            if let text = text(of: value, key: key, origin: origin, diagnostics: &diagnostics) {
                items[key] = Item(text: text, position: position(of: keyNode))
            }
        }
        return StringTable(origin: origin, items: items)
    }

    private static func text(of node: Node, key: String, origin: String, diagnostics: inout [Diagnostic]) -> Text? {
        switch node {
        case .scalar(let scalar) where !node.isNull:
            return .plain(scalar.string)
        case .sequence(let sequence):
            var list: [String] = []
            for element in sequence {
                guard let scalar = element.scalar, !element.isNull else {
                    diagnostics.append(.error(origin, position(of: element), "'\(key)': each item of the list must be a text, not \(element.typeName)"))
                    return nil
                }
                list.append(scalar.string)
            }
            return .list(list)
        case .mapping(let mapping):
            var forms: [String: String] = [:]
            for (category, form) in mapping {
                guard let name = category.scalar?.string, categories.contains(name) else {
                    diagnostics.append(.error(origin, position(of: category), "'\(key)': a plural form is one of one, few, many, other"))
                    return nil
                }
                guard let scalar = form.scalar, !form.isNull else {
                    diagnostics.append(.error(origin, position(of: form), "'\(key)': the form '\(name)' must be a text, not \(form.typeName)"))
                    return nil
                }
                forms[name] = scalar.string
            }
            guard forms["other"] != nil || forms["many"] != nil else {
                diagnostics.append(.error(origin, position(of: node), "'\(key)': plural forms need 'other' (or 'many'), the form for most numbers"))
                return nil
            }
            return .forms(forms)
        default:
            diagnostics.append(.error(origin, position(of: node), "'\(key)' must be a text, a list or plural forms, not \(node.typeName)"))
            return nil
        }
    }

    private static func position(of node: Node) -> SourcePosition {
        node.mark.map { SourcePosition(line: $0.line, column: $0.column) } ?? SourcePosition(line: 1, column: 1)
    }
}
