/// Dates as readers see them, at the precision they were written.
enum DateText {
    /// `6 March 2022`, `6–8 March 2022`, `March – May 2022`, `c. 2019`.
    static func span(_ date: PartialDate, _ end: PartialDate?, circa: Bool = false) -> String {
        var text = date.display
        if let end, end != date {
            if date.precision == .day, end.precision == .day, date.year == end.year, date.month == end.month {
                text = "\(date.day!)–\(end.display)"
            } else if date.precision == end.precision, date.year == end.year, date.precision != .year {
                let start = date.precision == .day ? "\(date.day!) \(date.monthName!)" : date.monthName!
                text = "\(start) – \(end.display)"
            } else {
                text = "\(date.display) – \(end.display)"
            }
        }
        return circa ? "c. " + text : text
    }

    /// RFC 3339 time for feeds: the last day the date can mean, at midnight UTC.
    static func rfc3339(_ date: PartialDate) -> String {
        let (year, month, day) = date.latest
        return "\(zeroPadded(year, width: 4))-\(zeroPadded(month, width: 2))-\(zeroPadded(day, width: 2))T00:00:00Z"
    }
}
