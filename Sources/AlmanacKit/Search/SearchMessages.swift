/// What `assets/search.js` shows in words, in the interface's language: a
/// JSON object that `search.html` hands it in the `data-strings` attribute of
/// the results list (the script is one file for every language).
enum SearchMessages {
    static func json(_ strings: Interface) -> String {
        var members: [(String, String)] = [
            ("plural", SearchIndex.quoted(Plural.rule(strings.language).rawValue)),
            ("too_short", SearchIndex.quoted(strings["search_too_short"])),
            ("more", SearchIndex.quoted(strings["search_more_count"])),
            ("in_year", SearchIndex.quoted(strings["search_filter_in_year"])),
            ("from_to", SearchIndex.quoted(strings["search_filter_from_to"])),
            ("from", SearchIndex.quoted(strings["search_filter_from_only"])),
            ("to", SearchIndex.quoted(strings["search_filter_to_only"])),
        ]
        let forms = ["one", "few", "many", "other"].map { category in
            SearchIndex.quoted(category) + ":" + SearchIndex.quoted(strings.formOf("search_results", category: category))
        }
        members.append(("results", "{" + forms.joined(separator: ",") + "}"))
        let kinds = EntryKind.referenceable.map { SearchIndex.quoted($0.folder) + ":" + SearchIndex.quoted(strings["search_kind_" + $0.rawValue]) }
            + Taxonomy.Kind.allCases.map { SearchIndex.quoted($0.folder) + ":" + SearchIndex.quoted(strings["search_kind_" + $0.noun]) }
        members.append(("kinds", "{" + kinds.joined(separator: ",") + "}"))
        return "{" + members.map { SearchIndex.quoted($0.0) + ":" + $0.1 }.joined(separator: ",") + "}"
    }
}
