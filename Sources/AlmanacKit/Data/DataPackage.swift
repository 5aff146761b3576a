/// `data/datapackage.json`: a Frictionless Data Package (tabular, version 1 of the
/// specification) that names every CSV file of `data/` with its fields and their
/// types, so that `frictionless validate` and other tools can check and load them.
struct DataPackage {
    let config: SiteConfig

    /// A field of a file that is no kind's table.
    struct Field {
        let name: String
        let type: DataColumn.ValueType
        let description: String
    }

    static let pollResultsFields = [
        Field(name: "poll", type: .reference(.poll), description: "The poll's slug"),
        Field(name: "answer", type: .text, description: "The answer as the poll reports it"),
        Field(name: "percent", type: .number, description: "Who gave that answer, in percent"),
    ]

    static let relationsFields = [
        Field(name: "from", type: .text, description: "The referring entry, as kind:slug (event:csto-deployment-2022)"),
        Field(name: "relation", type: .text, description: "The field that holds the reference, or mentions for one in the text"),
        Field(name: "to", type: .text, description: "The entry referred to, as kind:slug"),
    ]

    /// The package's name: the site's title in lower case, runs of anything but `a-z0-9` as one `-`.
    var name: String {
        var name = ""
        for scalar in config.title.lowercased().unicodeScalars {
            if ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) { name.unicodeScalars.append(scalar) }
            else if !name.isEmpty, !name.hasSuffix("-") { name += "-" }
        }
        while name.hasSuffix("-") { name.removeLast() }
        return name.isEmpty ? "site" : name
    }

    var json: String {
        var package: [(String, JSONValue)] = [
            ("profile", "tabular-data-package"), ("name", .string(name)), ("title", .string(config.title)),
            ("description", .text(config.description)), ("homepage", .text(config.baseURL)), ("resources", .array(resources)),
        ]
        if let updated = config.updated { package.append(("version", .string(updated.description))) }
        return JSONValue.members(package).json(pretty: true) + "\n"
    }

    private var resources: [JSONValue] {
        DataFile.tables.map { file in
            var schema: [(String, JSONValue)]
            switch file {
            case .table(let kind):
                let columns = DataColumn.columns(of: kind, fields: config.fields)
                let keys = columns.compactMap { column -> JSONValue? in
                    guard case .reference(let target) = column.type else { return nil }
                    return ["fields": .string(column.name), "reference": ["resource": .string(target.folder), "fields": "slug"]]
                }
                schema = [("fields", .array(columns.map { DataPackage.field($0.name, $0.type, $0.description, required: $0.required) })),
                          ("primaryKey", "slug"), ("foreignKeys", .array(keys))]
            case .pollResults:
                schema = [("fields", .array(DataPackage.pollResultsFields.map { DataPackage.field($0.name, $0.type, $0.description, required: true) })),
                          ("foreignKeys", [["fields": "poll", "reference": ["resource": "polls", "fields": "slug"]]])]
            default:
                schema = [("fields", .array(DataPackage.relationsFields.map { DataPackage.field($0.name, $0.type, $0.description, required: true) }))]
            }
            return JSONValue.members([
                ("name", .string(file.resourceName)), ("path", .string(file.name)), ("profile", "tabular-data-resource"),
                ("format", "csv"), ("mediatype", "text/csv"), ("encoding", "utf-8"),
                ("dialect", ["delimiter": ",", "lineTerminator": "\r\n", "quoteChar": "\"", "doubleQuote": .bool(true), "header": .bool(true)]),
                ("schema", JSONValue.members(schema)),
            ])
        }
    }

    /// A field descriptor of Table Schema: its type, and what constrains its values.
    static func field(_ name: String, _ type: DataColumn.ValueType, _ description: String, required: Bool) -> JSONValue {
        var constraints: [(String, JSONValue)] = required ? [("required", .bool(true))] : []
        var field: [(String, JSONValue)] = [("name", .string(name))]
        let isList = if case .list = type { true } else if case .references = type { true } else { false }
        field.append(("description", .string(isList ? description + " (separated by '; ')" : description)))
        switch type {
        case .text, .reference: field.append(("type", "string"))
        case .integer: field.append(("type", "integer"))
        case .number: field.append(("type", "number"))
        case .boolean: field += [("type", "boolean"), ("trueValues", ["true"]), ("falseValues", ["false"])]
        case .date:
            field.append(("type", "string"))
            constraints.append(("pattern", "[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?"))
        case .url: field += [("type", "string"), ("format", "uri")]
        case .list, .references: field.append(("type", "string"))
        case .oneOf(let values): field.append(("type", "string")); constraints.append(("enum", .strings(values)))
        }
        if name == "slug" { constraints.append(("unique", .bool(true))) }
        if !constraints.isEmpty { field.append(("constraints", .members(constraints))) }
        return .members(field)
    }
}
