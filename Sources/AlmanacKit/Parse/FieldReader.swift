import Yams

/// Reads typed values out of a YAML mapping, recording a diagnostic at the
/// key's or value's line for every problem instead of stopping at the first.
struct FieldReader {
    let path: String
    /// Lines of the file before the YAML text (the opening `---`).
    let lineOffset: Int
    let mapping: Node.Mapping
    /// The mapping's values by key: `Node.Mapping`'s own subscript compares every
    /// key node in turn, resolving both tags through Yams' regular expressions.
    let values: [String: Node]
    /// Where the mapping itself starts, for "missing key" problems.
    let start: SourcePosition
    var diagnostics: [Diagnostic] = []
    var references: [FieldReference] = []

    init(path: String, lineOffset: Int, mapping: Node.Mapping, start: SourcePosition) {
        self.path = path
        self.lineOffset = lineOffset
        self.mapping = mapping
        self.start = start
        var values: [String: Node] = [:]
        for (key, value) in mapping {
            if let name = key.scalar?.string, values[name] == nil { values[name] = value }
        }
        self.values = values
    }

    func position(of node: Node) -> SourcePosition? {
        node.mark.map { SourcePosition(line: $0.line + lineOffset, column: $0.column) }
    }

    private func keyNode(_ key: String) -> Node? {
        mapping.keys.first { $0.scalar?.string == key }
    }

    mutating func error(_ node: Node?, _ message: String) {
        diagnostics.append(.error(path, node.flatMap(position(of:)) ?? start, message))
    }

    /// The value under `key`; nil (with an error when `required`) when absent or null.
    mutating func value(_ key: String, required: Bool) -> Node? {
        guard let value = values[key], !value.isNull else {
            if required {
                if let keyNode = keyNode(key) { error(keyNode, "'\(key)' must not be empty") }
                else { error(nil, "missing required key '\(key)'") }
            }
            return nil
        }
        return value
    }

    mutating func string(_ key: String, required: Bool = false) -> String? {
        guard let node = value(key, required: required) else { return nil }
        guard let scalar = node.scalar else {
            error(node, "'\(key)' must be a string, not \(node.typeName)")
            return nil
        }
        let text = withoutControlCharacters(scalar.string, node: node, key: key).trimmingWhitespace
        if text.isEmpty {
            if required { error(node, "'\(key)' must not be empty") }
            return nil
        }
        return text
    }

    mutating func strings(_ key: String) -> [String] { stringItems(key).map(\.text) }

    /// A list of strings, each with its node (for its position).
    mutating func stringItems(_ key: String) -> [(text: String, node: Node)] {
        guard let node = value(key, required: false) else { return [] }
        guard let sequence = node.sequence else {
            error(node, "'\(key)' must be a list of strings, not \(node.typeName)")
            return []
        }
        var result: [(text: String, node: Node)] = []
        for item in sequence {
            guard let scalar = item.scalar, !item.isNull else {
                error(item, "every item of '\(key)' must be a string, not \(item.typeName)")
                continue
            }
            let text = withoutControlCharacters(scalar.string, node: item, key: key).trimmingWhitespace
            if text.isEmpty { error(item, "an item of '\(key)' is empty") } else { result.append((text, item)) }
        }
        return result
    }

    /// `text` without the characters no page may hold (see `AllowedText`), with a
    /// warning when it had any: every page, the feed and the search index show it so.
    private mutating func withoutControlCharacters(_ text: String, node: Node, key: String) -> String {
        let valid = AllowedText.valid(text)
        if valid.utf8.count != text.utf8.count {
            let found = text.unicodeScalars.filter(AllowedText.isForbidden).map { "U+" + String($0.value, radix: 16, uppercase: true).leftPadded(to: 4) }
            diagnostics.append(.warning(path, position(of: node) ?? start,
                                        "'\(key)' holds control characters (\(Set(found).sorted().joined(separator: ", "))), which are left out"))
        }
        return valid
    }

    /// A string or a list of strings (a source's `author`).
    mutating func stringOrStrings(_ key: String) -> [String] {
        if let node = values[key], node.scalar != nil, !node.isNull {
            return string(key).map { [$0] } ?? []
        }
        return strings(key)
    }

    mutating func bool(_ key: String) -> Bool? {
        guard let node = value(key, required: false) else { return nil }
        guard node.tagName == .bool, let value = node.bool else {
            error(node, "'\(key)' must be true or false, not \(node.typeName)")
            return nil
        }
        return value
    }

    mutating func positiveInteger(_ key: String) -> Int? {
        guard let node = value(key, required: false) else { return nil }
        guard node.tagName == .int, let value = node.int else {
            error(node, "'\(key)' must be a whole number, not \(node.typeName)")
            return nil
        }
        guard value > 0 else {
            error(node, "'\(key)' must be positive, not \(value)")
            return nil
        }
        return value
    }

    /// A partial date, bare or quoted: `2019`, `2019-03`, `2019-03-06`.
    mutating func date(_ key: String, required: Bool = false) -> PartialDate? {
        guard let node = value(key, required: required) else { return nil }
        guard let scalar = node.scalar else {
            error(node, "'\(key)' must be a date, not \(node.typeName)")
            return nil
        }
        switch PartialDate.parse(scalar.string.trimmingWhitespace) {
        case .success(let date): return date
        case .failure(let problem):
            error(node, "'\(key)': \(problem) (found '\(scalar.string)')")
            return nil
        }
    }

    /// One slug naming an entry of `kind`; recorded as a reference with `relation`.
    mutating func slug(_ key: String, of kind: EntryKind, as relation: Relation, required: Bool = false) -> String? {
        guard let node = value(key, required: required) else { return nil }
        return reference(node, key: key, kind: kind, relation: relation)
    }

    /// A list of slugs naming entries of `kind`.
    mutating func slugs(_ key: String, of kind: EntryKind, as relation: Relation) -> [String] {
        guard let node = value(key, required: false) else { return [] }
        guard let sequence = node.sequence else {
            error(node, "'\(key)' must be a list of \(kind.rawValue) slugs, not \(node.typeName)")
            return []
        }
        var seen = Set<String>()
        var result: [String] = []
        for item in sequence {
            guard let slug = reference(item, key: key, kind: kind, relation: relation) else { continue }
            if seen.insert(slug).inserted { result.append(slug) } else { error(item, "'\(slug)' is listed twice in '\(key)'") }
        }
        return result
    }

    private mutating func reference(_ node: Node, key: String, kind: EntryKind, relation: Relation) -> String? {
        guard let scalar = node.scalar, !node.isNull else {
            error(node, "'\(key)' must name \(kind.rawValue)s by slug, not \(node.typeName)")
            return nil
        }
        let slug = scalar.string.trimmingWhitespace
        if let problem = Slug.problem(with: slug) {
            error(node, "'\(slug)' in '\(key)' is not a valid \(kind.rawValue) slug: \(problem)")
            return nil
        }
        references.append(FieldReference(target: EntryID(kind, slug), relation: relation, position: position(of: node)))
        return slug
    }

    /// Warns about keys this kind does not know, naming the nearest known one.
    mutating func warnAboutUnknownKeys(known: [String]) {
        for key in mapping.keys {
            guard let name = key.scalar?.string else {
                diagnostics.append(.warning(path, position(of: key) ?? start, "a key must be a name, not \(key.typeName); ignored"))
                continue
            }
            guard !known.contains(name) else { continue }
            var hint = Suggestions.hint(for: name, in: known)
            if hint.isEmpty { hint = " (known keys: " + known.joined(separator: ", ") + ")" }
            diagnostics.append(.warning(path, position(of: key) ?? start, "unknown key '\(name)'\(hint); ignored"))
        }
    }
}

extension Node {
    /// The node's type (`int`, `bool`, `timestamp`, ...), by YAML's core rules (the document is composed without them).
    var tagName: Tag.Name { Yams.Resolver.default.resolveTag(of: self) }

    /// Whether the value is YAML's null. Only an implicit scalar spelled like
    /// Yams' null rule (`~`, `null`, `Null`, `NULL` or nothing) or one tagged
    /// `!!null` can be: any other is known not to be without running the
    /// resolver's regular expressions, which parsing every list of slugs did.
    var isNull: Bool {
        if case .scalar(let scalar) = self, scalar.tag.rawValue.isEmpty,
           !["", "~", "null", "Null", "NULL"].contains(scalar.string) { return false }
        return tagName == .null
    }

    /// For messages: "a string", "a list", ...
    var typeName: String {
        switch self {
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .alias: return "an alias"
        case .scalar(let scalar):
            switch tagName {
            case .null: return "nothing"
            case .bool: return "true/false"
            case .int: return "the number \(scalar.string)"
            case .float: return "the number \(scalar.string)"
            case .timestamp: return "the date \(scalar.string)"
            default: return "'\(scalar.string)'"
            }
        }
    }
}

extension String {
    var trimmingWhitespace: String {
        var slice = self[...]
        while let first = slice.first, first.isWhitespace { slice.removeFirst() }
        while let last = slice.last, last.isWhitespace { slice.removeLast() }
        return String(slice)
    }
}

extension String {
    func leftPadded(to width: Int) -> String { String(repeating: "0", count: max(0, width - count)) + self }
}
