/// A timeline drawn as an SVG at build time, one row per year and the months
/// across, so that it reads the same on a phone and a wide screen and needs no
/// script. Each event or poll is one link to its page: a bar for its date or
/// span (a span that crosses years has a bar in each year's row, all inside the
/// one link), a bar across the year in the faint style for a date known only
/// to the year. Marks that would overlap go to the next lane down, and a row
/// has as many lanes as it needs, so no mark ever lies under another.
/// With more marks than `detailLimit`, or more lanes than `laneLimit` in all,
/// each month is one bar instead, as tall as the month is busy, linked to that
/// month on the timeline page.
/// Runs of years with nothing in them are one gap row ("1899–2013"), so one
/// early date does not push the rest out of view.
///
/// Context keys (template variables): `id`, `caption`, `summary` ("68 events
/// and 2 polls from 2014 to 2023"), `detailed` (false: month bars), `key`
/// [`event`, `poll`, `vague`] (which kinds of mark are drawn), `width`, `height`,
/// `months` [`label`, `x`], `rows` [`label`, `gap`, `text` (the label, or "1899–2013: no entries"), `label_x`, `label_y`, `line_y`],
/// `marks` [`url`, `title`, `date`, `label` (both: "title (date)"), `class`, `bars` [`x`, `y`, `width`, `height`, `rect` (all four as attributes)]].
struct TimelineOverview {
    let site: SiteReads
    /// The entries to draw, in timeline order.
    let ids: [EntryID]
    /// How an entry's date reads (a page's lists share what they made: `ContextBuilder.dateText`).
    let dateText: (EntryID) -> String

    static let width = 400.0
    static let left = 44.0
    static let right = 4.0
    static let top = 22.0
    static let laneHeight = 13.0
    static let markHeight = 10.0
    /// The narrowest mark, so that a single day can still be hit.
    static let markWidth = 10.0
    /// The space kept between two marks in one lane.
    static let markGap = 2.0
    static let rowGap = 8.0
    static let gapHeight = 16.0
    static let busyHeight = 40.0
    static let detailLimit = 600
    /// The most lanes drawn mark by mark, all rows together (about 1,800 px tall on a phone).
    static let laneLimit = 150

    init(site: SiteReads, ids: [EntryID]? = nil, dateText: ((EntryID) -> String)? = nil) {
        self.site = site
        self.ids = ids ?? site.timeline
        self.dateText = dateText ?? { DateText.span(of: site[$0], site.strings) }
    }

    /// `id` prefixes the SVG's element ids; `caption` names what it shows.
    func context(from page: Page, id: String, caption: String) -> TemplateContext? {
        let segments = yearSegments()
        let placed = segments.values.reduce(0) { $0 + $1.count } <= TimelineOverview.detailLimit
            ? segments.mapValues(TimelineOverview.lanes) : [:]
        let detailed = !placed.isEmpty && placed.values.reduce(0) { $0 + $1.lanes.max()! + 1 } <= TimelineOverview.laneLimit
        let counts = detailed ? [:] : monthCounts()
        // A month's bar links to its heading: on the timeline, or on its year's page when the timeline is cut.
        let yearPages = detailed ? [] : Set(site.years)
        let years = detailed ? Set(segments.keys) : Set(counts.keys)
        guard let firstYear = years.min(), let lastYear = years.max() else { return nil }

        let busiest = counts.values.flatMap { $0.dropFirst() }.max() ?? 1
        var rows: [TemplateContext] = []
        var bars = [[Bar]](repeating: [], count: ids.count)
        var monthMarks: [TemplateContext] = []
        var y = TimelineOverview.top
        var year = firstYear
        while year <= lastYear {
            guard years.contains(year) else {
                var end = year
                while !years.contains(end + 1) { end += 1 }
                rows.append(row(label: end == year ? String(year) : "\(year)–\(end)", gap: true, top: y, height: TimelineOverview.gapHeight))
                y += TimelineOverview.gapHeight + TimelineOverview.rowGap
                year = end + 1
                continue
            }
            let height: Double
            if detailed {
                let row = placed[year]!
                for (segment, lane) in zip(row.segments, row.lanes) {
                    bars[segment.mark].append(TimelineOverview.bar(segment, top: y + Double(lane) * TimelineOverview.laneHeight))
                }
                height = Double(row.lanes.max()! + 1) * TimelineOverview.laneHeight
            } else {
                height = TimelineOverview.busyHeight
                let target = yearPages.contains(year) ? Page.timelineYear(year) : .timeline
                monthMarks += busyMonths(year: year, counts: counts[year]!, busiest: busiest, top: y, from: page, to: target)
            }
            rows.append(row(label: String(year), gap: false, top: y, height: height))
            y += height + TimelineOverview.rowGap
            year += 1
        }

        let marks = detailed ? ids.indices.map { mark(ids[$0], bars: bars[$0], from: page) } : monthMarks
        let classes = Set(marks.map { $0["class"] as! String })
        let plot = TimelineOverview.width - TimelineOverview.left - TimelineOverview.right
        let strings = site.strings
        let months = strings.list("months_short").enumerated().map { index, name -> TemplateContext in
            ["label": name, "x": oneDecimal(TimelineOverview.left + plot * (Double(index) + 0.5) / 12)]
        }
        let events = ids.filter { $0.kind == .event }.count, polls = ids.count - events
        var tally: [String] = []
        if events > 0 { tally.append(strings.number(events, "overview_events")) }
        if polls > 0 { tally.append(strings.number(polls, "overview_polls")) }
        let both = tally.count == 2 ? strings.format("overview_and", ["first": tally[0], "second": tally[1]]) : tally.joined()
        let summary = firstYear == lastYear
            ? strings.format("overview_in_year", ["tally": both, "year": String(firstYear)])
            : strings.format("overview_from_to", ["tally": both, "first": String(firstYear), "last": String(lastYear)])
        return [
            "width": oneDecimal(TimelineOverview.width),
            "height": oneDecimal(y),
            "months": months,
            "rows": rows,
            "marks": marks,
            "detailed": detailed,
            "key": detailed ? ["event": classes.contains("mark"), "poll": classes.contains("mark poll"), "vague": classes.contains("mark vague")] : [:],
            "id": id,
            "caption": caption,
            "summary": summary,
        ]
    }

    private func row(label: String, gap: Bool, top: Double, height: Double) -> TemplateContext {
        [
            "label": label, "gap": gap, "text": gap ? site.strings.format("overview_no_entries", ["years": label]) : label,
            "label_x": oneDecimal(gap ? TimelineOverview.left : 0), "label_y": oneDecimal(top + (gap ? height - 4 : 11)),
            "line_y": oneDecimal(top + height + TimelineOverview.rowGap / 2),
        ]
    }

    private func markClass(_ id: EntryID) -> String {
        let entry = site[id]
        if entry.date!.precision == .year && entry.end == nil { return "mark vague" }
        return id.kind == .poll ? "mark poll" : "mark"
    }

    /// `rect` is the four as a `<rect>`'s attributes: one lookup for the
    /// template instead of four, for a chart that draws hundreds of bars.
    private func barContext(_ bar: Bar) -> TemplateContext {
        let (x, y, width, height) = (oneDecimal(bar.x), oneDecimal(bar.y), oneDecimal(bar.width), oneDecimal(bar.height))
        return ["x": x, "y": y, "width": width, "height": height,
                "rect": "x=\"\(x)\" y=\"\(y)\" width=\"\(width)\" height=\"\(height)\""]
    }

    /// How many entries begin in each month of each year; index 0 counts
    /// those known only to the year. Counted where they begin: the timeline
    /// page has an anchor there.
    private func monthCounts() -> [Int: [Int]] {
        var counts: [Int: [Int]] = [:]
        for id in ids {
            let date = site[id].date!
            counts[date.year, default: [Int](repeating: 0, count: 13)][date.month ?? 0] += 1
        }
        return counts
    }

    /// One bar per month with anything in it, as tall as the month is busy
    /// next to the site's busiest month, below a band across the year for
    /// entries known only to the year.
    private func busyMonths(year: Int, counts: [Int], busiest: Int, top: Double, from page: Page, to target: Page) -> [TemplateContext] {
        let plot = TimelineOverview.width - TimelineOverview.left - TimelineOverview.right
        func x(_ fraction: Double) -> Double { TimelineOverview.left + plot * fraction }
        let band = 8.0, full = TimelineOverview.busyHeight - band - 2
        return counts.enumerated().compactMap { month, count -> TemplateContext? in
            guard count > 0 else { return nil }
            let (from, to) = month == 0 ? (0.0, 1.0) : (Double(month - 1) / 12, Double(month) / 12)
            let height = month == 0 ? band : max(6, (full * Double(count) / Double(max(1, busiest)) * 10).rounded() / 10)
            let strings = site.strings
            let label = month == 0 ? strings.format("timeline_month_not_known", ["year": String(year)])
                : DateText.date(PartialDate(year: year, month: month), strings)
            let anchor = month == 0 ? "y\(year)" : "y\(year)-\(zeroPadded(month, width: 2))"
            let bar = Bar(x: x(from) + 0.5, y: month == 0 ? top : top + TimelineOverview.busyHeight - height,
                          width: x(to) - x(from) - 1, height: height)
            return [
                "url": page.pathToRoot + target.path + "#" + anchor,
                "title": label, "date": strings.number(count, "overview_entries"),
                "label": strings.format("overview_mark_title", ["title": label, "date": strings.number(count, "overview_entries")]),
                "bars": [barContext(bar)], "class": month == 0 ? "mark vague" : "mark",
            ]
        }
    }

    /// Where a day falls in its year, 0 at its start and 1 at its end.
    static func fraction(_ date: (Int, Int, Int), offset: Int) -> Double {
        let start = Day.number((date.0, 1, 1)), end = Day.number((date.0 + 1, 1, 1))
        return Double(Day.number(date) + offset - start) / Double(end - start)
    }

    private func mark(_ id: EntryID, bars: [Bar], from page: Page) -> TemplateContext {
        let entry = site[id]
        let strings = site.strings
        let date = dateText(id)
        return ["title": entry.title, "url": page.pathToRoot + id.outputPath, "date": date,
                "label": strings.format("overview_mark_title", ["title": entry.title, "date": date]),
                "class": markClass(id), "bars": bars.map(barContext)]
    }
}

/// Day numbers for laying dates out on an axis.
enum Day {
    /// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's days_from_civil).
    static func number(_ date: (Int, Int, Int)) -> Int {
        let (year, month, day) = date
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }
}
