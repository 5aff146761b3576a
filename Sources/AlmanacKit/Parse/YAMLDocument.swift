import Foundation
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
            // UTF-8 said outright: Yams' default reads the environment on every parse.
            // No resolver rules: Yams hashes every key of every mapping to find
            // duplicates, and with the default rules each hash ran up to seven
            // regular expressions on the key. Values' types are resolved with the
            // default rules where they are read (`Node.tagName`).
            node = try Yams.compose(yaml: yaml, .basic, .default, .utf8)
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
        case .scanner(let context, let problem, let mark, let yaml),
             .parser(let context, let problem, let mark, let yaml),
             .composer(let context, let problem, let mark, let yaml):
            if character(at: mark, in: yaml) == "\t" {
                return .error(path, at(mark), "YAML syntax: a tab cannot indent YAML or start a value; use spaces")
            }
            if problem.hasPrefix("Maximum nesting level") {
                return .error(path, at(mark), "YAML syntax: lists or mappings nested too deeply")
            }
            if problem == "mapping values are not allowed in this context", let fixed = quotedValue(at: mark, in: yaml) {
                return .error(path, at(mark), "YAML syntax: ': ' inside a value that is not quoted; put the value in quotes: \(fixed)")
            }
            var detail = context.map { " \($0.text)" } ?? ""
            if let context, context.mark.line != mark.line { detail += " that starts at line \(context.mark.line + lineOffset)" }
            return .error(path, at(mark), "YAML syntax: \(problem)\(detail)")
        case .duplicatedKeysInMapping(let duplicates, let context):
            if duplicates.count == 1, let repeated = repetition(of: duplicates[0], after: context.mark, in: context.text) {
                let position = SourcePosition(line: repeated + lineOffset, column: context.mark.column)
                return .error(path, position, "key '\(duplicates[0])' is already set at line \(context.mark.line + lineOffset); remove one of them")
            }
            let names = duplicates.map { "'\($0)'" }.joined(separator: ", ")
            return .error(path, at(context.mark), "key \(names) appears more than once")
        case .reader(let problem, _, _, _):
            return .error(path, SourcePosition(line: lineOffset + 1, column: 1), "YAML: \(problem)")
        default:
            return .error(path, SourcePosition(line: lineOffset + 1, column: 1), "YAML: \(error)")
        }
    }

    /// `key: "value"` when the line at `mark` is `key: value` whose value holds
    /// the `: ` that YAML stopped at (`title: Almaty: the January events`).
    private static func quotedValue(at mark: Mark, in yaml: String) -> String? {
        let lines = yaml.split(separator: "\n", omittingEmptySubsequences: false)
        guard mark.line >= 1, mark.line <= lines.count else { return nil }
        let line = lines[mark.line - 1]
        guard let separator = line.range(of: ": "), line.distance(from: line.startIndex, to: separator.lowerBound) < mark.column - 1 else { return nil }
        let key = line[..<separator.lowerBound].trimmingCharacters(in: .whitespaces)
        let value = line[separator.upperBound...].trimmingCharacters(in: .whitespaces)
        guard !key.isEmpty, !value.isEmpty, !value.hasPrefix("\""), !value.hasPrefix("'") else { return nil }
        let escaped = value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
        return "\(key): \"\(escaped)\""
    }

    /// The character at a 1-based mark, if the text has one there.
    private static func character(at mark: Mark, in yaml: String) -> Character? {
        let lines = yaml.split(separator: "\n", maxSplits: mark.line, omittingEmptySubsequences: false)
        guard mark.line >= 1, mark.line <= lines.count, mark.column >= 1 else { return nil }
        return lines[mark.line - 1].dropFirst(mark.column - 1).first
    }

    /// The line where `key` is written again, at the same indentation as its first use at `first`.
    private static func repetition(of key: String, after first: Mark, in yaml: String) -> Int? {
        let spellings = [key, "\"\(key)\"", "'\(key)'"]
        for (index, line) in yaml.split(separator: "\n", omittingEmptySubsequences: false).enumerated() where index + 1 > first.line {
            let indentation = line.prefix { $0 == " " }.count
            guard indentation == first.column - 1 else { continue }
            let rest = line.dropFirst(indentation)
            for spelling in spellings where rest.hasPrefix(spelling) {
                let after = rest.dropFirst(spelling.count).drop { $0 == " " }
                if after.hasPrefix(":") { return index + 1 }
            }
        }
        return nil
    }
}
