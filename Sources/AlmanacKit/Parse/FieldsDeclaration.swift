import Yams

/// Reads `fields:` of `site.yml`: per kind (`actors:`, `events:`, ...), each
/// custom key and its declaration, checked as strictly as entries are, every
/// problem at its line and column.
enum FieldsDeclaration {
    /// The keys a declaration may have.
    static let declarationKeys = ["type", "required", "values", "label", "reverse"]

    /// The declarations under `fields:` in the mapping `site` reads; problems go to its diagnostics.
    static func read(_ site: inout FieldReader) -> SiteFields {
        guard let node = site.value("fields", required: false) else { return .none }
        guard let kinds = node.mapping else {
            site.error(node, "'fields' must be a mapping of kinds (actors, events, polls, sources, pages) to their fields, not \(node.typeName)")
            return .none
        }
        var declarations: [FieldDeclaration] = []
        var unusable: [EntryKind: [String]] = [:]
        let folders = EntryKind.referenceable.map(\.folder)
        for (kindNode, fieldsNode) in kinds {
            let name = kindNode.scalar?.string ?? ""
            guard let kind = EntryKind.referenceable.first(where: { $0.folder == name }) else {
                var hint = Suggestions.hint(for: name, in: folders)
                if hint.isEmpty, let singular = EntryKind.referenceable.first(where: { $0.rawValue == name }) { hint = " (did you mean '\(singular.folder)'?)" }
                site.error(kindNode, "'\(name)' in 'fields' is not a kind of entry: expected \(folders.joined(separator: ", "))\(hint)")
                continue
            }
            if fieldsNode.isNull { continue }
            guard let fields = fieldsNode.mapping else {
                site.error(fieldsNode, "'fields' of \(kind.folder) must be a mapping of keys to their declarations, not \(fieldsNode.typeName)")
                continue
            }
            for (keyNode, declarationNode) in fields {
                let key = keyNode.scalar?.string ?? ""
                if let declaration = declaration(key, keyNode: keyNode, declarationNode, of: kind, &site) {
                    declarations.append(declaration)
                } else if !key.isEmpty {
                    unusable[kind, default: []].append(key)
                }
            }
        }
        return SiteFields(declarations, unusable: unusable)
    }

    /// One field's declaration, or nil (with the reasons in `site`'s diagnostics).
    private static func declaration(_ key: String, keyNode: Node, _ node: Node, of kind: EntryKind, _ site: inout FieldReader) -> FieldDeclaration? {
        var valid = true
        let builtIn = EntryParser.knownKeys(for: kind)
        if builtIn.contains(key) {
            site.error(keyNode, "'\(key)' is a built-in key of \(kind.folder); a custom field needs a name of its own")
            valid = false
        } else if DataColumn.generated.contains(key) {
            site.error(keyNode, "'\(key)' is a column the data files give every entry (data/\(kind.folder).csv, data/site.json, data/relations.csv); a custom field needs a name of its own")
            valid = false
        } else if !isFieldName(key) {
            site.error(keyNode, "'\(key)' cannot name a field: use lower-case letters a-z, digits, '_' and '-', starting with a letter")
            valid = false
        }
        // `deaths: integer` is short for `deaths: {type: integer}`; so is `members: [actor]`.
        if node.scalar != nil || node.sequence != nil {
            guard let type = type(of: node, key: key, &site) else { return nil }
            return valid ? FieldDeclaration(key: key, type: type, kind: kind) : nil
        }
        guard let mapping = node.mapping else {
            site.error(node, "the declaration of '\(key)' must be a type or a mapping such as {type: string, label: ...}, not \(node.typeName)")
            return nil
        }
        var fields = FieldReader(path: site.path, lineOffset: site.lineOffset, mapping: mapping, start: site.position(of: node) ?? site.start)
        for keyNode in mapping.keys {
            let name = keyNode.scalar?.string ?? ""
            guard !declarationKeys.contains(name) else { continue }
            var hint = Suggestions.hint(for: name, in: declarationKeys)
            if hint.isEmpty { hint = " (a declaration may have: \(declarationKeys.joined(separator: ", ")))" }
            fields.error(keyNode, "unknown key '\(name)' in the declaration of '\(key)'\(hint)")
        }
        var type: FieldType?
        if let typeNode = fields.value("type", required: true) { type = self.type(of: typeNode, key: key, &fields) }
        let required = fields.bool("required") ?? false
        let values = fields.value("values", required: false) == nil ? nil : fields.strings("values")
        let label = fields.string("label")
        let reverse = fields.string("reverse")
        if let type, values != nil, type != .string, type != .strings {
            fields.error(mapping["values"], "'values' is only for fields of type string or [string], and '\(key)' is of type \(type.name)")
        }
        if let values {
            if values.isEmpty { fields.error(mapping["values"], "'values' of '\(key)' lists no value") }
            for (index, value) in values.enumerated() where values[..<index].contains(value) {
                fields.error(mapping["values"], "'\(value)' is listed twice in 'values' of '\(key)'")
            }
        }
        if let type, reverse != nil, type.target == nil {
            fields.error(mapping["reverse"], "'reverse' is only for reference fields (\(referenceTypes)), and '\(key)' is of type \(type.name)")
        }
        site.diagnostics += fields.diagnostics
        guard valid, let type, !fields.diagnostics.contains(where: \.isError) else { return nil }
        return FieldDeclaration(key: key, type: type, required: required, values: values, label: label, reverse: reverse, kind: kind)
    }

    /// `type:`: a name (`integer`, `"[actor]"`), or a list of one name (`[actor]` unquoted, which YAML reads as a list).
    private static func type(of node: Node, key: String, _ fields: inout FieldReader) -> FieldType? {
        var name: String?
        if let scalar = node.scalar, !node.isNull {
            name = scalar.string
        } else if let items = node.sequence, items.count == 1, let item = items[0].scalar {
            name = "[\(item.string)]"
        }
        guard let name else {
            fields.error(node, "the type of '\(key)' must be one of \(typeNames), not \(node.typeName)")
            return nil
        }
        guard let type = FieldType(name: name) else {
            let hint = Suggestions.hint(for: name, in: FieldType.all.map(\.name))
            fields.error(node, "'\(name)' is not a field type\(hint); the types are \(typeNames)")
            return nil
        }
        return type
    }

    static let typeNames = "string, text, integer, number, bool, date, url, [string], actor, event, poll, source, page, or a list of entries such as [actor]"
    static let referenceTypes = "actor, event, poll, source, page, [actor], ..."

    /// Lower-case letters, digits, `_` and `-`, starting with a letter: a name templates can use.
    static func isFieldName(_ key: String) -> Bool {
        guard let first = key.utf8.first, (97...122).contains(first) else { return false }
        return key.utf8.allSatisfy { (97...122).contains($0) || (48...57).contains($0) || $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: "-") }
    }
}
