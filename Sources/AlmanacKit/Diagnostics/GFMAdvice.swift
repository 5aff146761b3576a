extension Markdown.GFMLookalike {
    /// What the warning about a table or footnote says: what the reader sees, and what to write instead.
    var advice: String {
        switch construct {
        case .table:
            "this paragraph looks like a table, but CommonMark has no tables: readers see its lines of pipes as text; "
                + "write the rows as a list, or as an HTML <table> (raw HTML needs unsafe_html: true in site.yml)"
        case .footnote:
            "this paragraph looks like it has a footnote ('[^...]'), but CommonMark has no footnotes: readers see the brackets as text; "
                + "put the note in parentheses, or cite a source with [text](source:SLUG)"
        }
    }
}
