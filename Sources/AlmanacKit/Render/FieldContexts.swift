import Mustache

/// What templates see of custom fields (site.yml `fields:`) and typed relations:
/// `fields.KEY` for each field an entry sets, `custom_fields.items` for all of
/// them in declared order, and `relations` for the entries that name this one
/// in a reference field, grouped under each field's `reverse` label.
extension ContextBuilder {
    /// `fields` (by key) and `custom_fields` (`{items: [...]}` in declared order, absent when none).
    func customFields(of id: EntryID, from page: Page) -> (byKey: TemplateContext, list: Any) {
        let fields = site.customFields(id)
        guard !fields.isEmpty else { return ([:], absent) }
        var byKey: TemplateContext = [:]
        var items: [FieldContext] = []
        for (declaration, value) in fields {
            let field = fieldContext(declaration, value, of: id, from: page)
            byKey[declaration.key] = field
            items.append(field)
        }
        return (byKey, ["items": items] as TemplateContext)
    }

    private func fieldContext(_ declaration: FieldDeclaration, _ value: FieldValue, of id: EntryID, from page: Page) -> FieldContext {
        var context: TemplateContext = [
            "key": declaration.key, "label": declaration.label, "type": declaration.type.name, "value": value.written,
        ]
        var text = value.written
        let html: String
        switch value {
        case .string, .integer, .number:
            html = escapeHTML(text)
        case .text:
            html = site.fieldHTML(id, key: declaration.key)
        case .bool(let flag):
            text = site.strings[flag ? "field_yes" : "field_no"]
            html = escapeHTML(text)
        case .date(let date):
            text = DateText.date(date, site.strings)
            context["datetime"] = date.description
            html = "<time datetime=\"\(date.description)\">\(escapeHTML(text))</time>"
        case .url(let url):
            context["url"] = url
            html = "<a href=\"\(escapeHTML(url))\">\(escapeHTML(url))</a>"
        case .strings(let values):
            text = values.joined(separator: ", ")
            context["items"] = values.map { ["text": $0] as TemplateContext }
            html = escapeHTML(text)
        case .reference, .references:
            let entries = value.targets.map { item($0, from: page) }
            let titles = entries.map { $0["title"] as? String ?? "" }
            text = titles.joined(separator: ", ")
            context["items"] = entries
            if let first = entries.first, entries.count == 1, case .reference = value {
                context["url"] = first["url"]
                context["title"] = first["title"]
            }
            html = zip(entries, titles).map { "<a href=\"\(escapeHTML($0["url"] as? String ?? ""))\">\(escapeHTML($1))</a>" }.joined(separator: ", ")
        }
        context["text"] = text
        context["html"] = html
        return FieldContext(context: context, text: text)
    }

    /// The entries that name a page in a reference field (`edges`, its incoming field edges), a group per `reverse`
    /// label (fields with the same label share one), in declared order; absent when none.
    func relations(_ edges: [Edge], from page: Page) -> Any {
        guard !edges.isEmpty else { return absent }
        let fields = site.config.fields
        var labels: [String] = []
        var members: [String: [EntryID]] = [:]
        var listed: [String: Set<EntryID>] = [:]
        for edge in edges {
            guard case .field(let kind, let key) = edge.relation, let declaration = fields.declaration(key, of: kind) else { continue }
            let label = declaration.reverse ?? site.strings.format("relation_default_\(kind.rawValue)", ["label": declaration.label])
            if members[label] == nil { labels.append(label) }
            if listed[label, default: []].insert(edge.from).inserted { members[label, default: []].append(edge.from) }
        }
        return labels.map { label -> TemplateContext in ["label": label, "html": itemsHTML(members[label]!, from: page)] }
    }
}

/// One custom field as templates see it: `{{fields.deaths}}` shows its text,
/// and its keys (`label`, `html`, `value`, `items`, ...) are there to read.
struct FieldContext: MustacheParent, MustacheCustomRenderable {
    let context: TemplateContext
    let text: String

    func child(named name: String) -> Any? { context.child(named: name) }
    var renderText: String { text }
    var isNull: Bool { false }
}
