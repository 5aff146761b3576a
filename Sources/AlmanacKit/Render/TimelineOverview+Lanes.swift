/// Where the overview's marks go: each entry cut into a segment per year, and
/// the segments of a year put into lanes so that no mark overlaps another.
extension TimelineOverview {
    /// One entry's stretch of one year: `mark` indexes `ids`, `from` and `to`
    /// are where it begins and ends in the year (0 to 1).
    struct Segment {
        let mark: Int
        let from: Double, to: Double
        let vague: Bool
    }

    /// A rectangle in the SVG's units.
    struct Bar: Equatable {
        let x: Double, y: Double, width: Double, height: Double
    }

    /// Each entry cut at the turn of each year it spans, by year.
    func yearSegments() -> [Int: [Segment]] {
        var segments: [Int: [Segment]] = [:]
        for (index, id) in ids.enumerated() {
            let entry = site[id]
            let date = entry.date!
            let last = entry.end ?? date
            for year in date.year...max(date.year, last.year) {
                let from = year == date.year ? TimelineOverview.fraction(date.earliest, offset: 0) : 0
                let to = year == last.year ? TimelineOverview.fraction(last.latest, offset: 1) : 1
                segments[year, default: []].append(Segment(mark: index, from: from, to: to,
                                                           vague: date.precision == .year && entry.end == nil))
            }
        }
        return segments
    }

    /// The lane of each of a year's segments: each goes into the first lane
    /// where it clears the mark before it, so nothing overlaps. Segments are
    /// placed from the earliest; marks for the whole year (known only to the
    /// year) after the rest, each in a lane of its own.
    static func lanes(_ segments: [Segment]) -> (segments: [Segment], lanes: [Int]) {
        let ordered = segments.sorted { ($0.vague ? 1 : 0, $0.from, $0.mark) < ($1.vague ? 1 : 0, $1.from, $1.mark) }
        var laneEnds: [Double] = []
        let lanes = ordered.map { segment -> Int in
            let bar = bar(segment, top: 0)
            if let lane = laneEnds.firstIndex(where: { $0 + markGap <= bar.x + 0.001 }) {
                laneEnds[lane] = bar.x + bar.width
                return lane
            }
            laneEnds.append(bar.x + bar.width)
            return laneEnds.count - 1
        }
        return (ordered, lanes)
    }

    /// Where a segment is drawn in a lane whose top is at `top`: inset by half
    /// of `markGap` at each end (so the marks of two months in a row fit in
    /// one lane), at least `markWidth` wide around its middle, inside the plot.
    static func bar(_ segment: Segment, top: Double) -> Bar {
        let plot = width - left - right
        var from = left + plot * segment.from + markGap / 2, to = left + plot * segment.to - markGap / 2
        if to - from < markWidth {
            from = min(max(left, (from + to - markWidth) / 2), left + plot - markWidth)
            to = from + markWidth
        }
        return Bar(x: from, y: top, width: to - from, height: markHeight)
    }
}
