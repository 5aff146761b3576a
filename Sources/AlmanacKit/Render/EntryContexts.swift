import Foundation

/// Contexts of the pages of single entries.
extension ContextBuilder {
    func entryPage(_ id: EntryID) -> TemplateContext {
        let entry = site[id]
        let page = Page.entry(id)
        let section = id.kind == .event ? "nav_timeline" : ContextBuilder.sectionKey[id.kind]
        let strings = site.strings
        var context = base(page, title: entry.title, description: entry.summary, section: section, crumbs: breadcrumbs(for: id))
        var entryContext: TemplateContext = [
            "title": entry.title, "kind": id.kind.noun, "slug": id.slug,
            "body": site.body(id),
        ]
        entryContext["summary"] = entry.summary ?? absent
        entryContext["aliases"] = entry.aliases.isEmpty ? absent : entry.aliases.joined(separator: ", ")
        context["entry"] = entryContext
        context["json_ld"] = LinkedData.script(LinkedData(site: site, page: page).entry(id))
        context["cite"] = citation(id, page: page)
        let (fields, customFields) = self.customFields(of: id, from: page)
        context["fields"] = fields
        context["custom_fields"] = customFields
        let fieldEdges = site.incomingFields(id)
        let relations = relations(fieldEdges, from: page)
        // An entry listed under a relation is not listed again for mentioning this one.
        let related = Set(fieldEdges.map(\.from))
        let mentions = site.incoming(id, .mentions).filter { !related.contains($0) }
        context["relations"] = relations
        // Beside the relations, the plain mentions get a heading of their own.
        context["mentioned_in"] = mentions.isEmpty ? absent
            : ["html": itemsHTML(mentions, from: page), "heading": relations is NSNull ? absent : true] as TemplateContext
        context["referenced_by"] = relations is NSNull && mentions.isEmpty ? absent : true
        context["tags"] = tagLinks(entry, from: page)
        // A free page has a facts list only for its custom fields and tags.
        context["page_facts"] = customFields is NSNull && entry.tags.isEmpty ? absent : true

        switch entry.details {
        case .actor(let actor):
            var details: TemplateContext = ["kind": strings["actor_kind_" + actor.kind.rawValue]]
            if let role = actor.role { details["role"] = role }
            if let country = actor.country { details["country"] = country }
            context["actor"] = details
            context["events"] = list(site.incoming(id, .participant), from: page)
            context["polls_run"] = list(site.incoming(id, .pollster), from: page)
            context["polls_named"] = list(site.incoming(id, .subject), from: page)
            let dated = Set(site.incoming(id, .participant) + site.incoming(id, .pollster) + site.incoming(id, .subject))
            let ordered = Linker.timelineOrdered(dated.map { site[$0] })
            context["timeline"] = ordered.isEmpty ? nil : TimelineOverview(site: site, ids: ordered, dateText: dateText)
                .context(from: page, id: "actor-timeline", caption: strings["overview_caption_actor"])
        case .event(let event):
            var details: TemplateContext = [
                "date": DateText.span(event.date, event.end, circa: event.circa, strings),
                "datetime": event.date.description,
            ]
            if event.circa { details["circa"] = true }
            if !event.places.isEmpty {
                details["places"] = event.places
                details["places_label"] = strings[event.places.count == 1 ? "fact_place" : "fact_places"]
                details["places_text"] = event.places.joined(separator: ", ")
                details["place_links"] = placeLinks(event.places, from: page)
            }
            context["event"] = details
            context["actors"] = list(event.actors.map { EntryID(.actor, $0) }, from: page)
            context["sources"] = list(event.sources.map { EntryID(.source, $0) }, from: page)
            let (previous, next) = site.neighbours(of: id)
            context["previous"] = previous.map { item($0, from: page) } ?? absent
            context["next"] = next.map { item($0, from: page) } ?? absent
        case .poll(let poll):
            context["poll"] = pollDetails(poll, title: entry.title, page: page)
            context["actors"] = list(poll.actors.map { EntryID(.actor, $0) }, from: page)
            context["sources"] = list(poll.sources.map { EntryID(.source, $0) }, from: page)
        case .source(let source):
            var details: TemplateContext = ["publication": source.publication]
            if !source.authors.isEmpty { details["authors"] = source.authors.joined(separator: ", ") }
            if let published = source.published {
                details["published"] = DateText.date(published, strings)
                details["datetime"] = published.description
            }
            if let url = source.url { details["url"] = url }
            context["source"] = details
            context["cited_by"] = list(site.incoming(id, .cites), from: page)
        case .page:
            break
        }
        return context
    }

    /// Home, then the index the entry is listed in.
    private func breadcrumbs(for id: EntryID) -> [(title: String, path: String)] {
        let strings = site.strings
        let home = (strings["nav_home"], Page.home.path)
        return switch id.kind {
        case .event: [home, (strings["nav_timeline"], Page.timeline.path)]
        case .actor, .poll, .source: [home, (strings[ContextBuilder.sectionKey[id.kind]!], Page.index(id.kind).path)]
        default: [home]
        }
    }

    func pollDetails(_ poll: Entry.Poll, title: String, page: Page) -> TemplateContext {
        let decimal = site.strings["decimal_separator"]
        var details: TemplateContext = [
            "date": DateText.span(poll.date, poll.end, site.strings),
            "datetime": poll.date.description,
            "pollster": item(EntryID(.actor, poll.pollster), from: page),
            "results": poll.results.map { ["answer": $0.answer, "percent": formatPercent($0.percent, decimal: decimal)] },
            "chart": PollChart(results: poll.results, decimal: decimal).context,
        ]
        details["caption"] = site.strings.format("results_caption", ["title": title])
        details["chart_title"] = site.strings.format("results_chart_title", ["title": title])
        if let method = poll.method { details["method"] = method }
        if let size = poll.sampleSize { details["sample_size"] = String(size) }
        if let population = poll.population { details["population"] = population }
        if let question = poll.question { details["question"] = question }
        let total = poll.results.reduce(0) { $0 + $1.percent }
        details["total"] = formatPercent(total, decimal: decimal)
        return details
    }
}
