import Yams

/// Reads the custom fields (site.yml `fields:`) of an entry's front matter,
/// each checked against its declaration as a built-in key is.
extension FieldReader {
    /// The fields the entry sets, in declared order; a reference is recorded as
    /// a reference of the field's relation (an edge of the entry graph).
    /// `yaml`: the text the mapping was composed from (for where a `|` block's lines start).
    mutating func customFields(_ declarations: [FieldDeclaration], yaml: String) -> [CustomField] {
        var result: [CustomField] = []
        for declaration in declarations {
            guard let value = customValue(declaration), let node = values[declaration.key] else { continue }
            var blockStart: SourcePosition?
            if case .text = value, case .scalar(let scalar) = node, scalar.style == .literal, let at = position(of: node) {
                // The block's text starts on the line after `|`, at its indentation.
                let indentation = FieldReader.indentation(ofLine: at.line + 1 - lineOffset, in: yaml)
                blockStart = SourcePosition(line: at.line + 1, column: indentation + 1)
            }
            result.append(CustomField(key: declaration.key, value: value, position: position(of: node), blockStart: blockStart))
        }
        return result
    }

    private mutating func customValue(_ declaration: FieldDeclaration) -> FieldValue? {
        let key = declaration.key
        switch declaration.type {
        case .string:
            guard let text = string(key, required: declaration.required) else { return nil }
            return allowed(text, key: key, declaration: declaration, node: values[key]) ? .string(text) : nil
        case .text:
            return string(key, required: declaration.required).map(FieldValue.text)
        case .integer:
            guard let node = value(key, required: declaration.required) else { return nil }
            guard node.tagName == .int, let number = node.int else {
                error(node, "'\(key)' must be a whole number, not \(node.typeName)")
                return nil
            }
            return .integer(number)
        case .number:
            guard let node = value(key, required: declaration.required) else { return nil }
            guard [.int, .float].contains(node.tagName), let number = node.float, number.isFinite else {
                error(node, "'\(key)' must be a number, not \(node.typeName)")
                return nil
            }
            return .number(number)
        case .bool:
            guard let flag = bool(key) else {
                if declaration.required { _ = value(key, required: true) }
                return nil
            }
            return .bool(flag)
        case .date:
            return date(key, required: declaration.required).map(FieldValue.date)
        case .url:
            guard let url = string(key, required: declaration.required) else { return nil }
            guard url.hasPrefix("http://") || url.hasPrefix("https://"), !url.contains(" ") else {
                error(values[key], "'\(key)' must be an address starting with http:// or https://, not '\(url)'")
                return nil
            }
            return .url(url)
        case .strings:
            let items = strings(key)
            guard !items.isEmpty else { return emptyList(declaration) }
            var checked = true
            // Each item against `values`, at its own line (items with other problems are reported already).
            for item in values[key]?.sequence ?? [] {
                guard let text = item.scalar?.string.trimmingWhitespace, !text.isEmpty else { continue }
                checked = allowed(text, key: key, declaration: declaration, node: item) && checked
            }
            return checked ? .strings(items) : nil
        case .reference(let kind):
            return slug(key, of: kind, as: declaration.relation, required: declaration.required).map { .reference(EntryID(kind, $0)) }
        case .references(let kind):
            let slugs = slugs(key, of: kind, as: declaration.relation)
            guard !slugs.isEmpty else { return emptyList(declaration) }
            return .references(slugs.map { EntryID(kind, $0) })
        }
    }

    /// How many spaces start the 1-based line `number` of `text`.
    static func indentation(ofLine number: Int, in text: String) -> Int {
        let lines = text.utf8.split(separator: UInt8(ascii: "\n"), maxSplits: number, omittingEmptySubsequences: false)
        guard number >= 1, number <= lines.count else { return 0 }
        return lines[number - 1].prefix { $0 == UInt8(ascii: " ") }.count
    }

    /// Nothing, with an error when the field is required (absent, or an empty list).
    private mutating func emptyList(_ declaration: FieldDeclaration) -> FieldValue? {
        guard declaration.required else { return nil }
        if let node = values[declaration.key], !node.isNull {
            if node.sequence?.isEmpty == true { error(node, "'\(declaration.key)' must not be empty") }
        } else {
            _ = value(declaration.key, required: true)
        }
        return nil
    }

    /// Whether `text` is one of the declaration's `values` (any when it has none).
    private mutating func allowed(_ text: String, key: String, declaration: FieldDeclaration, node: Node?) -> Bool {
        guard let values = declaration.values, !values.contains(text) else { return true }
        error(node, "'\(key)' must be one of \(values.joined(separator: ", ")), not '\(text)'\(Suggestions.hint(for: text, in: values))")
        return false
    }
}
