/// A timeline drawn as an SVG at build time, one row per year and the months
/// across, so that it reads the same on a phone and a wide screen and needs no
/// script. Each event or poll is a mark linked to its page (a bar for a span,
/// cut at the turn of each year; a faint bar across the year for a date known
/// only to the year). Marks that would overlap move to the next lane down.
/// With more marks than `detailLimit`, each month is one bar instead, as tall
/// as the month is busy, linked to that month on the timeline page.
///
/// Context keys (template variables): `id`, `caption`, `summary` ("68 events
/// and 2 polls from 2014 to 2023"), `detailed` (false: month bars), `key`
/// [`event`, `poll`, `vague`] (which kinds of mark are drawn), `width`, `height`,
/// `months` [`label`, `x`], `rows` [`year`, `y`, `label_y`, `line_y`,
/// `marks` [`url`, `title`, `date`, `x`, `y`, `width`, `height`, `class`]].
struct TimelineOverview {
    let site: LinkedSite
    /// The entries to draw, in timeline order.
    let ids: [EntryID]

    static let width = 400.0
    static let left = 40.0
    static let right = 4.0
    static let top = 18.0
    static let laneHeight = 9.0
    static let markHeight = 7.0
    static let maxLanes = 5
    static let rowGap = 8.0
    static let busyHeight = 28.0
    static let detailLimit = 600

    init(site: LinkedSite, ids: [EntryID]? = nil) {
        self.site = site
        self.ids = ids ?? site.timeline
    }

    private struct Segment {
        let id: EntryID
        let year: Int
        let from: Double, to: Double
        let vague: Bool
    }

    /// `id` prefixes the SVG's element ids; `caption` names what it shows.
    func context(from page: Page, id: String, caption: String) -> TemplateContext? {
        let entries = ids.map { (id: $0, entry: site[$0]) }
        guard let firstYear = entries.map({ $0.entry.date!.year }).min(),
              let lastYear = entries.map({ ($0.entry.end ?? $0.entry.date!).year }).max() else { return nil }
        let plot = TimelineOverview.width - TimelineOverview.left - TimelineOverview.right
        func x(_ fraction: Double) -> Double { TimelineOverview.left + plot * fraction }

        var segments: [Int: [Segment]] = [:]
        for (id, entry) in entries {
            let date = entry.date!
            let last = entry.end ?? date
            for year in date.year...max(date.year, last.year) {
                let from = year == date.year ? TimelineOverview.fraction(date.earliest, offset: 0) : 0
                let to = year == last.year ? TimelineOverview.fraction(last.latest, offset: 1) : 1
                segments[year, default: []].append(Segment(id: id, year: year, from: from, to: to,
                                                           vague: date.precision == .year && entry.end == nil))
            }
        }
        let detailed = segments.values.reduce(0) { $0 + $1.count } <= TimelineOverview.detailLimit

        var classes = Set<String>()
        let counts = detailed ? [:] : monthCounts()
        let busiest = counts.values.flatMap { $0.dropFirst() }.max() ?? 1
        var rows: [TemplateContext] = []
        var y = TimelineOverview.top
        for year in firstYear...lastYear {
            let yearSegments = segments[year] ?? []
            var marks: [TemplateContext] = []
            var height = TimelineOverview.laneHeight
            if detailed {
                var laneEnds = [Double](repeating: -.infinity, count: TimelineOverview.maxLanes)
                var used = 1
                // Vague marks (the whole year) go last, so they take the lanes left free.
                for segment in yearSegments.filter({ !$0.vague }) + yearSegments.filter(\.vague) {
                    let from = x(segment.from), to = max(from + 3, x(segment.to))
                    let lane = laneEnds.firstIndex { $0 + 1 <= from } ?? laneEnds.indices.min { laneEnds[$0] < laneEnds[$1] }!
                    laneEnds[lane] = max(laneEnds[lane], to)
                    used = max(used, lane + 1)
                    var mark = item(segment.id, from: page)
                    mark["x"] = fixed(from)
                    mark["y"] = fixed(y + Double(lane) * TimelineOverview.laneHeight)
                    mark["width"] = fixed(to - from)
                    mark["height"] = fixed(TimelineOverview.markHeight)
                    mark["class"] = segment.vague ? "mark vague" : (segment.id.kind == .poll ? "mark poll" : "mark")
                    classes.insert(mark["class"] as! String)
                    marks.append(mark)
                }
                height = Double(used) * TimelineOverview.laneHeight
            } else {
                height = TimelineOverview.busyHeight
                marks = busyMonths(year: year, counts: counts[year] ?? [], busiest: busiest, top: y, x: x, from: page)
            }
            rows.append([
                "year": String(year), "y": fixed(y), "label_y": fixed(y + 8),
                "line_y": fixed(y + height + TimelineOverview.rowGap / 2), "marks": marks,
            ])
            y += height + TimelineOverview.rowGap
        }
        let months = PartialDate.monthNames.enumerated().map { index, name -> TemplateContext in
            ["label": String(name.prefix(3)), "x": fixed(x((Double(index) + 0.5) / 12))]
        }
        let events = ids.filter { $0.kind == .event }.count, polls = ids.count - events
        var tally: [String] = []
        if events > 0 { tally.append(events == 1 ? "1 event" : "\(events) events") }
        if polls > 0 { tally.append(polls == 1 ? "1 poll" : "\(polls) polls") }
        let years = firstYear == lastYear ? "in \(firstYear)" : "from \(firstYear) to \(lastYear)"
        return [
            "width": fixed(TimelineOverview.width),
            "height": fixed(y),
            "months": months,
            "rows": rows,
            "detailed": detailed,
            "key": detailed ? ["event": classes.contains("mark"), "poll": classes.contains("mark poll"), "vague": classes.contains("mark vague")] : [:],
            "id": id,
            "caption": caption,
            "summary": tally.joined(separator: " and ") + " " + years,
        ]
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
    /// next to the site's busiest month; a thin faint bar across the year for
    /// entries known only to the year.
    private func busyMonths(year: Int, counts: [Int], busiest: Int, top: Double, x: (Double) -> Double, from page: Page) -> [TemplateContext] {
        counts.enumerated().compactMap { month, count -> TemplateContext? in
            guard count > 0 else { return nil }
            let (from, to) = month == 0 ? (0.0, 1.0) : (Double(month - 1) / 12, Double(month) / 12)
            let full = TimelineOverview.busyHeight - 4
            let height = month == 0 ? 3 : max(2, (full * Double(count) / Double(max(1, busiest)) * 10).rounded() / 10)
            let label = month == 0 ? "\(year), month not known" : "\(PartialDate.monthNames[month - 1]) \(year)"
            let anchor = month == 0 ? "y\(year)" : "y\(year)-\(zeroPadded(month, width: 2))"
            return [
                "url": page.root + Page.timeline.path + "#" + anchor,
                "title": label, "date": count == 1 ? "1 entry" : "\(count) entries",
                "x": fixed(x(from) + 0.5), "y": fixed(month == 0 ? top : top + TimelineOverview.busyHeight - height),
                "width": fixed(x(to) - x(from) - 1), "height": fixed(height),
                "class": month == 0 ? "mark vague" : "mark",
            ]
        }
    }

    /// Where a day falls in its year, 0 at its start and 1 at its end.
    static func fraction(_ date: (Int, Int, Int), offset: Int) -> Double {
        let start = Day.number((date.0, 1, 1)), end = Day.number((date.0 + 1, 1, 1))
        return Double(Day.number(date) + offset - start) / Double(end - start)
    }

    private func item(_ id: EntryID, from page: Page) -> TemplateContext {
        let entry = site[id]
        let circa: Bool = if case .event(let event) = entry.details { event.circa } else { false }
        return ["title": entry.title, "url": page.root + id.outputPath, "date": DateText.span(entry.date!, entry.end, circa: circa)]
    }

    private func fixed(_ value: Double) -> String {
        String((value * 10).rounded() / 10).replacingSuffix(".0")
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
