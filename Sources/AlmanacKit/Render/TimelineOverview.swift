/// The timeline drawn as an SVG at build time: years on an axis, each event a
/// mark (a bar for a span) linked to its page, polls in a band of their own.
/// Marks that would overlap move to the next lane down.
struct TimelineOverview {
    let site: LinkedSite

    static let width = 960.0
    static let margin = 16.0
    static let laneHeight = 12.0
    static let maxLanes = 6
    static let axisHeight = 28.0

    func context(from page: Page) -> [String: Any]? {
        let dated = site.timeline.map { (id: $0, entry: site[$0]) }
        guard let first = dated.map({ Day.number($0.entry.date!.earliest) }).min(),
              let last = dated.map({ Day.number(($0.entry.end ?? $0.entry.date!).latest) }).max()
        else { return nil }
        let firstYear = dated.map { $0.entry.date!.year }.min()!
        let lastYear = max(firstYear, dated.map { ($0.entry.end ?? $0.entry.date!).year }.max()!)
        let start = min(first, Day.number((firstYear, 1, 1)))
        let end = max(last, Day.number((lastYear, 12, 31))) + 1
        let plot = TimelineOverview.width - 2 * TimelineOverview.margin
        func x(_ day: Int) -> Double { TimelineOverview.margin + plot * Double(day - start) / Double(end - start) }

        var bands: [[String: Any]] = []
        var top = 8.0
        for (kind, label) in [(EntryKind.event, "Events"), (.poll, "Polls")] {
            var laneEnds = [Double](repeating: -.infinity, count: TimelineOverview.maxLanes)
            var marks: [[String: Any]] = []
            var usedLanes = 1
            for (id, entry) in dated where id.kind == kind {
                let from = x(Day.number(entry.date!.earliest))
                let to = max(from + 4, x(Day.number((entry.end ?? entry.date!).latest) + 1))
                let lane = laneEnds.firstIndex { $0 + 2 <= from } ?? (laneEnds.indices.min { laneEnds[$0] < laneEnds[$1] }!)
                laneEnds[lane] = max(laneEnds[lane], to)
                usedLanes = max(usedLanes, lane + 1)
                var mark = item(id, entry: entry, from: page)
                mark["x"] = fixed(from)
                mark["y"] = fixed(top + Double(lane) * TimelineOverview.laneHeight)
                mark["width"] = fixed(to - from)
                mark["height"] = fixed(TimelineOverview.laneHeight - 3)
                marks.append(mark)
            }
            guard !marks.isEmpty else { continue }
            let height = Double(usedLanes) * TimelineOverview.laneHeight
            bands.append(["label": label, "label_y": fixed(top + 9), "marks": marks])
            top += height + 10
        }
        let years = (firstYear...lastYear).map { year -> [String: Any] in
            let left = x(Day.number((year, 1, 1)))
            let right = x(Day.number((year + 1, 1, 1)))
            return ["year": String(year), "x": fixed(left), "label_x": fixed((left + right) / 2)]
        }
        return [
            "width": fixed(TimelineOverview.width),
            "height": fixed(top + TimelineOverview.axisHeight),
            "axis_y": fixed(top + 4),
            "label_y": fixed(top + 20),
            "years": years,
            "bands": bands,
        ]
    }

    private func item(_ id: EntryID, entry: Entry, from page: Page) -> [String: Any] {
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
