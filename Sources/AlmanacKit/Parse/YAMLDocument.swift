import Yams

/// A YAML text composed into Yams' node tree, with syntax errors turned into
/// diagnostics at their line in the file.
enum YAMLDocument {
    /// The top-level mapping of `yaml`; nil when it is not one, with the reason in `diagnostics`.
    /// `lineOffset` is the number of lines of the file before the YAML's first line.
    static func mapping(_ yaml: String, path: String, lineOffset: Int, diagnostics: inout [Diagnostic]) -> (Node.Mapping, SourcePosition)? {
        let start = SourcePosition(line: lineOffset + 1, column: 1)
        let node: Node?
        do {
            node = try Yams.compose(yaml: yaml)
        } catch let error as YamlError {
            diagnostics.append(diagnostic(for: error, path: path, lineOffset: lineOffset))
            return nil
        } catch {
            diagnostics.append(.error(path, start, "YAML: \(error)"))
            return nil
        }
        guard let node, !node.isNull else { return (Node.Mapping([]), start) }
        guard let mapping = node.mapping else {
            let at = node.mark.map { SourcePosition(line: $0.line + lineOffset, column: $0.column) } ?? start
            diagnostics.append(.error(path, at, "front matter must be a mapping of keys to values, not \(node.typeName)"))
            return nil
        }
        return (mapping, start)
    }

    static func diagnostic(for error: YamlError, path: String, lineOffset: Int) -> Diagnostic {
        func at(_ mark: Mark) -> SourcePosition { SourcePosition(line: mark.line + lineOffset, column: mark.column) }
        switch error {
        case .scanner(let context, let problem, let mark, _),
             .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            let detail = context.map { " \($0.text)" } ?? ""
            return .error(path, at(mark), "YAML syntax: \(problem)\(detail)")
        case .duplicatedKeysInMapping(let duplicates, let context):
            let names = duplicates.map { "'\($0)'" }.joined(separator: ", ")
            return .error(path, at(context.mark), "key \(names) appears more than once")
        case .reader(let problem, _, _, _):
            return .error(path, SourcePosition(line: lineOffset + 1, column: 1), "YAML: \(problem)")
        default:
            return .error(path, SourcePosition(line: lineOffset + 1, column: 1), "YAML: \(error)")
        }
    }
}
