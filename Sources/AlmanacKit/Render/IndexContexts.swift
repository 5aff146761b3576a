/// Contexts of the pages that list entries: home, timeline, indexes, search, 404.
extension ContextBuilder {
    func homePage() -> TemplateContext {
        var context = base(.home, title: title(of: .home), description: site.entry(.home)?.summary, section: nil)
        context["body"] = site.body(.home)
        let strings = site.strings
        context["counts"] = [(EntryKind.event, Page.timeline), (.actor, .index(.actor)), (.poll, .index(.poll)), (.source, .index(.source))].map { kind, page in
            let count = site.ordered(kind).count
            return ["label": strings.noun("count_" + kind.folder, count: count), "count": count, "url": page.path] as [String: Any]
        }
        context["pages"] = list(site.ordered(.page), from: .home)
        context["json_ld"] = LinkedData.script(LinkedData(site: site, page: .home).home)
        context["downloads"] = ["files": dataLinks(DataFile.all, from: .home)] as TemplateContext
        return context
    }

    /// Every event and poll by year and month; past `SiteSlices.limit` of them,
    /// the overview and a link to each year's page (`yearPage`) instead.
    func timelinePage() -> TemplateContext {
        let strings = site.strings
        var context = base(.timeline, title: strings["nav_timeline"], description: strings["timeline_description"], section: "nav_timeline")
        let cut = site.yearSizes
        if cut.isEmpty {
            let sections = yearSections(site.timeline, from: .timeline)
            context["sections"] = sections.map(\.context)
            context["years"] = sections.map { ["year": String($0.year), "url": "#y\($0.year)-heading", "current": false, "count": absent] as TemplateContext }
        } else {
            context["sections"] = absent
            context["years"] = cut.map { year, count -> TemplateContext in
                ["year": String(year), "url": Page.timelineYear(year).path, "current": false, "count": strings.number(count, "overview_entries")]
            }
        }
        context["pager"] = absent
        context["overview"] = TimelineOverview(site: site, dateText: dateText).context(from: .timeline, id: "overview", caption: strings["overview_caption_site"])
        context["downloads"] = ["files": dataLinks([.table(.event), .table(.poll)], from: .timeline)] as TemplateContext
        return context
    }

    /// One year of a cut timeline: its events and polls by month, every year's link, the years before and after.
    func yearPage(_ year: Int) -> TemplateContext {
        let page = Page.timelineYear(year)
        let strings = site.strings
        var context = base(page, title: strings.format("timeline_year_title", ["year": String(year)]),
                           description: strings.format("timeline_year_description", ["year": String(year)]), section: "nav_timeline",
                           crumbs: [(strings["nav_home"], Page.home.path), (strings["nav_timeline"], Page.timeline.path)])
        let years = site.years
        func link(_ other: Int) -> TemplateContext { ["year": String(other), "url": page.pathToRoot + Page.timelineYear(other).path] }
        context["years"] = years.map { other -> TemplateContext in
            ["year": String(other), "url": page.pathToRoot + Page.timelineYear(other).path, "current": other == year, "count": absent]
        }
        context["sections"] = yearSections(site.year(year), from: page).map(\.context)
        let place = years.firstIndex(of: year)
        let previous = place.flatMap { $0 > 0 ? years[$0 - 1] : nil }, next = place.flatMap { $0 + 1 < years.count ? years[$0 + 1] : nil }
        context["pager"] = ["previous": previous.map(link) ?? absent, "next": next.map(link) ?? absent] as TemplateContext
        context["overview"] = absent
        return context
    }

    /// Events and polls (in timeline order) as sections by year, each with
    /// groups by month. Within a year, entries dated only to the year come
    /// first, under their own heading.
    private func yearSections(_ ids: [EntryID], from page: Page) -> [(year: Int, context: TemplateContext)] {
        let strings = site.strings
        var years: [(year: Int, context: TemplateContext)] = []
        var currentYear: Int?
        var groups: [TemplateContext] = []
        var groupItems: [EntryID] = []
        var groupKey: (Int, Int?)?

        func closeGroup() {
            guard let (year, month) = groupKey else { return }
            // A heading starts with a capital letter ("Март 2022"; Unicode's case mapping, not the machine's locale).
            let text = month.map { DateText.date(PartialDate(year: year, month: $0), strings) }
                ?? strings.format("timeline_month_not_known", ["year": String(year)])
            let label = text.prefix(1).uppercased() + text.dropFirst()
            let anchor = month.map { "y\(year)-\(zeroPadded($0, width: 2))" } ?? "y\(year)"
            groups.append(["label": label, "anchor": anchor, "html": itemsHTML(groupItems, from: page)])
            groupItems = []
        }
        func closeYear() {
            closeGroup()
            if let year = currentYear { years.append((year, ["year": String(year), "groups": groups])) }
            groups = []
        }
        // Year-only dates sort after January's dates; the page shows them first in their year.
        let ordered = ids.enumerated().sorted { a, b in
            let (da, db) = (site[a.element].date!, site[b.element].date!)
            if da.year != db.year { return da.year < db.year }
            if (da.precision == .year) != (db.precision == .year) { return da.precision == .year }
            return a.offset < b.offset
        }.map(\.element)
        for id in ordered {
            let date = site[id].date!
            if date.year != currentYear {
                closeYear()
                currentYear = date.year
                groupKey = nil
            }
            let key = (date.year, date.month)
            if groupKey == nil || groupKey! != key {
                closeGroup()
                groupKey = key
            }
            groupItems.append(id)
        }
        closeYear()
        return years
    }

    /// An index of entries of a kind; past `SiteSlices.limit` of them (actors
    /// and sources), a link to each letter's page (`letterPage`) instead.
    func indexPage(_ kind: EntryKind) -> TemplateContext {
        let page = Page.index(kind)
        let strings = site.strings
        let section = ContextBuilder.sectionKey[kind]!
        var context = base(page, title: strings[section], description: nil, section: section)
        context["downloads"] = ["files": dataLinks(ContextBuilder.dataFiles(of: kind), from: page)] as TemplateContext
        let letters = SiteSlices.lettered.contains(kind) ? site.letterSizes(kind) : []
        context["cut"] = false
        if letters.isEmpty {
            context["letters"] = absent
            listed(site.ordered(kind), kind: kind, from: page, into: &context)
        } else {
            context["letters"] = ["items": letters.map { key, label, count -> TemplateContext in
                ["label": letterLabel(key, label), "url": page.pathToRoot + Page.indexLetter(kind, key).path, "current": false,
                 "count": strings.number(count, "count_" + kind.folder)]
            }] as TemplateContext
            context["groups"] = [TemplateContext]()
            context["cut"] = true
        }
        return context
    }

    /// The entries of a cut index under one letter, with every letter's link.
    func letterPage(_ kind: EntryKind, _ key: String) -> TemplateContext {
        let page = Page.indexLetter(kind, key)
        let strings = site.strings
        let section = ContextBuilder.sectionKey[kind]!
        let letters = site.letters(kind)
        let label = letterLabel(key, letters.first { $0.key == key }?.label ?? key)
        var context = base(page, title: strings.format("index_letter_title", ["index": strings[section], "letter": label]), description: nil,
                           section: section, crumbs: [(strings["nav_home"], Page.home.path), (strings[section], Page.index(kind).path)])
        context["cut"] = false
        context["letters"] = ["items": letters.map { other, label -> TemplateContext in
            ["label": letterLabel(other, label), "url": page.pathToRoot + Page.indexLetter(kind, other).path, "current": other == key, "count": absent]
        }] as TemplateContext
        listed(site.letter(kind, key), kind: kind, from: page, into: &context)
        return context
    }

    /// A letter's label as shown: the page of titles with no letter or digit is named in the interface's language.
    private func letterLabel(_ key: String, _ label: String) -> String { key == SiteSlices.other ? site.strings["index_letter_other"] : label }

    /// The entries of an index page: `html`, or `groups` (actors by kind, polls by question).
    private func listed(_ ids: [EntryID], kind: EntryKind, from page: Page, into context: inout TemplateContext) {
        let strings = site.strings
        switch kind {
        case .actor:
            context["groups"] = Entry.Actor.Kind.allCases.compactMap { actorKind -> TemplateContext? in
                let members = ids.filter { if case .actor(let a) = site[$0].details { a.kind == actorKind } else { false } }
                // The anchor stays the same in every language: links to a group survive a translation.
                return members.isEmpty ? nil : ["label": strings["actor_group_" + actorKind.rawValue], "anchor": ActorKindLabel.plural[actorKind]!,
                                                "html": itemsHTML(members, from: page)]
            }
        case .poll:
            // Polls that asked the same question stand together, the groups in order of their first poll.
            var order: [String] = []
            var byQuestion: [String: [EntryID]] = [:]
            for id in ids {
                guard case .poll(let poll) = site[id].details else { continue }
                let question = poll.question ?? ""
                if byQuestion[question] == nil { order.append(question) }
                byQuestion[question, default: []].append(id)
            }
            context["groups"] = order.map { question -> TemplateContext in
                let polls = byQuestion[question]!
                var group: TemplateContext = ["html": itemsHTML(polls, from: page), "comparison": absent]
                if !question.isEmpty {
                    group["question"] = question
                    if polls.count > 1 { group["comparison"] = comparison(polls, from: page) }
                }
                return group
            }
        default:
            context["html"] = itemsHTML(ids, from: page)
        }
    }

    /// Polls that asked the same question side by side: a column per poll, a
    /// row per answer (in the order answers first appear), "–" where a poll
    /// did not report that answer.
    func comparison(_ polls: [EntryID], from page: Page) -> TemplateContext {
        var answers: [String] = []
        var percent: [EntryID: [String: Double]] = [:]
        for id in polls {
            guard case .poll(let poll) = site[id].details else { continue }
            for result in poll.results {
                if !answers.contains(result.answer) { answers.append(result.answer) }
                percent[id, default: [:]][result.answer] = result.percent
            }
        }
        let decimal = site.strings["decimal_separator"]
        let rows = answers.map { answer -> TemplateContext in
            ["answer": answer, "cells": polls.map { id in ["percent": percent[id]?[answer].map { formatPercent($0, decimal: decimal) + "%" } ?? "–"] }]
        }
        return ["polls": polls.map { item($0, from: page) }, "rows": rows]
    }

    func searchPage() -> TemplateContext {
        let strings = site.strings
        var context = base(.search, title: strings["search_title"], description: strings["search_description"], section: "nav_search")
        context["noscript"] = linkedText(strings, "search_noscript", ["timeline": ("search_noscript_timeline", Page.timeline.path),
                                                                     "actors": ("search_noscript_actors", Page.index(.actor).path)], root: "")
        context["script_strings"] = SearchMessages.json(strings)
        return context
    }

    func notFoundPage() -> TemplateContext {
        let strings = site.strings
        var context = base(.notFound, title: strings["not_found_title"], description: nil, section: nil)
        let root = (context["page"] as? TemplateContext)?["root"] as? String ?? ""
        context["text"] = linkedText(strings, "not_found_text", ["timeline": ("not_found_timeline", Page.timeline.path),
                                                                "actors": ("not_found_actors", Page.index(.actor).path),
                                                                "search": ("not_found_search", Page.search.path)], root: root)
        return context
    }

    /// The text of `key` as HTML, escaped, with each `{name}` a link: its words
    /// are the string `links[name].key`, its address `root` + `links[name].path`.
    private func linkedText(_ strings: Interface, _ key: String, _ links: [String: (key: String, path: String)], root: String) -> String {
        let values = links.mapValues { link in
            ("<a href=\"\(escapeHTML(root + link.path))\">\(escapeHTML(strings[link.key]))</a>")
        }
        return Interface.fill(escapeHTML(strings[key]), values)
    }
}

/// The English names of the actors' groups: the anchors of the actors' index.
enum ActorKindLabel {
    static let plural: [Entry.Actor.Kind: String] = [
        .person: "People", .organization: "Organizations", .state: "States", .media: "Media", .group: "Groups",
    ]
}
