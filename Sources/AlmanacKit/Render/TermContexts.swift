/// Contexts of the pages of tags and places (see `Taxonomy`), and of the links
/// to them on entry pages.
extension ContextBuilder {
    /// `tags/index.html`, `places/index.html`: every term with its number of entries.
    func termIndexPage(_ kind: Taxonomy.Kind) -> TemplateContext {
        let page = Page.terms(kind)
        let strings = site.strings
        var context = base(page, title: strings[kind.navKey], description: strings[kind.folder + "_description"], section: kind.navKey,
                           crumbs: [(strings["nav_home"], Page.home.path)])
        let places = site.config.places
        context["terms"] = site.terms(kind).map { term -> TemplateContext in
            [
                "title": term.title, "url": page.pathToRoot + Taxonomy.path(kind, term.slug),
                "count": strings.number(term.entries.count, kind.countKey),
                "country": (kind == .places ? places[term.slug]?.country : nil) ?? absent,
            ]
        }
        return context
    }

    /// `tags/<slug>.html`: its entries kind by kind; `places/<slug>.html`: its
    /// events in timeline order, and what `site.yml` says of the place.
    func termPage(_ kind: Taxonomy.Kind, _ slug: String) -> TemplateContext {
        let page = Page.term(kind, slug)
        let term = site.term(kind, slug)!  // a page is planned for each term there is
        let strings = site.strings
        var context = base(page, title: term.title, description: strings.format(kind.noun + "_description", ["title": term.title]), section: kind.navKey,
                           crumbs: [(strings["nav_home"], Page.home.path), (strings[kind.navKey], Taxonomy.indexPath(kind))])
        var details: TemplateContext = [
            "title": term.title, "slug": slug,
            "count": strings.number(term.entries.count, kind.countKey),
            "other_spellings": term.otherSpellings.isEmpty ? absent : term.otherSpellings.joined(separator: ", "),
            "country": absent, "coordinates": absent,
        ]
        switch kind {
        case .tags:
            context["groups"] = EntryKind.referenceable.compactMap { entryKind -> TemplateContext? in
                let ids = term.entries.filter { $0.kind == entryKind }
                return ids.isEmpty ? nil : ["label": strings["tag_group_" + entryKind.rawValue], "id": entryKind.folder, "html": itemsHTML(ids, from: page)]
            }
        case .places:
            if let place = site.config.places[slug] {
                if let country = place.country { details["country"] = country }
                if let at = place.coordinates { details["coordinates"] = coordinates(at) }
            }
            context["events"] = list(term.entries, from: page)
        }
        context["term"] = details
        return context
    }

    /// `{text: "43.238° N, 76.945° E", map: URL}`: the same on every machine and in every locale.
    private func coordinates(_ at: SiteConfig.Coordinates) -> TemplateContext {
        // To a thousandth of a degree (about 100 m), without trailing zeros.
        func magnitude(_ value: Double) -> String {
            let thousandths = Int((abs(value) * 1000).rounded())
            var fraction = zeroPadded(thousandths % 1000, width: 3)
            while fraction.hasSuffix("0") { fraction.removeLast() }
            return String(thousandths / 1000) + (fraction.isEmpty ? "" : "." + fraction)
        }
        func signed(_ value: Double) -> String { (value < 0 ? "-" : "") + magnitude(value) }
        let (latitude, longitude) = (signed(at.latitude), signed(at.longitude))
        let strings = site.strings
        let north = strings.format(at.latitude < 0 ? "coordinates_south" : "coordinates_north", ["degrees": magnitude(at.latitude)])
        let east = strings.format(at.longitude < 0 ? "coordinates_west" : "coordinates_east", ["degrees": magnitude(at.longitude)])
        return [
            "text": north + ", " + east,
            "map": "https://www.openstreetmap.org/?mlat=\(latitude)&mlon=\(longitude)#map=10/\(latitude)/\(longitude)",
        ]
    }

    /// An entry's tags as links to their pages, each as the entry writes it;
    /// nothing when it has none.
    func tagLinks(_ entry: Entry, from page: Page) -> Any {
        let items = entry.tags.compactMap { tag -> TemplateContext? in
            Slug.made(from: tag).map { ["title": tag, "url": page.pathToRoot + Taxonomy.path(.tags, $0)] }
        }
        return items.isEmpty ? absent : ["items": items] as TemplateContext
    }

    /// An event's places as links to their pages, each by the title `site.yml`
    /// gives it, or as the event writes it.
    func placeLinks(_ places: [String], from page: Page) -> [TemplateContext] {
        let config = site.config
        return places.compactMap { place in
            config.placeSlug(of: place).map { ["title": config.placeTitle(place, slug: $0), "url": page.pathToRoot + Taxonomy.path(.places, $0)] }
        }
    }
}
