/// The files of `data/`: the site's entries for re-use, written by every build
/// beside the pages (`Page.data`), from the same linked site.
public enum DataFile: Sendable, Hashable {
    /// One row per entry of a kind: `data/actors.csv`, ...
    case table(EntryKind)
    /// One row per answer of a poll.
    case pollResults
    /// One row per edge of the entry graph.
    case relations
    /// Every entry, all its fields and its text, as one JSON document.
    case siteJSON
    /// The Frictionless Data Package that describes the CSV files.
    case package
    case bibTeX
    case ris

    /// Every file, in the order the home page lists them.
    static let all: [DataFile] = EntryKind.referenceable.map { .table($0) } + [.pollResults, .relations, .siteJSON, .package, .bibTeX, .ris]

    /// The CSV files, as the data package lists them.
    static let tables: [DataFile] = EntryKind.referenceable.map { .table($0) } + [.pollResults, .relations]

    /// Its name inside `data/`.
    var name: String {
        switch self {
        case .table(let kind): "\(kind.folder).csv"
        case .pollResults: "poll-results.csv"
        case .relations: "relations.csv"
        case .siteJSON: "site.json"
        case .package: "datapackage.json"
        case .bibTeX: "sources.bib"
        case .ris: "sources.ris"
        }
    }

    /// Its path inside `Output/`.
    var path: String { "data/" + name }

    /// The resource's name in the data package: the file's name without its extension.
    var resourceName: String { String(name.prefix { $0 != "." }) }

    /// The interface string that says what it holds (`Templates/i18n/en.yml`, `data_...`):
    /// the home page lists the downloads with it.
    var summaryKey: String { "data_" + String(resourceName.map { $0 == "-" ? "_" : $0 }) + (self == .bibTeX ? "_bib" : self == .ris ? "_ris" : "") }
}
