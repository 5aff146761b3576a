/// Dates as readers see them, at the precision they were written, in the
/// interface's language: the patterns and month names of its string table
/// (`date_day`, `months_of_day`...), never the machine's locale.
enum DateText {
    /// `6 March 2022`, `March 2022`, `2022`; `6 марта 2022`; `2022 жылғы 6 наурыз`.
    static func date(_ date: PartialDate, _ interface: Interface) -> String {
        let year = String(date.year)
        guard let month = date.month else { return interface.format("date_year", ["year": year]) }
        guard let day = date.day else {
            return interface.format("date_month", ["month": interface.list("months")[month - 1], "year": year])
        }
        return interface.format("date_day", ["day": String(day), "month": interface.list("months_of_day")[month - 1], "year": year])
    }

    /// `6 March 2022`, `6–8 March 2022`, `March – May 2022`, `c. 2019`.
    static func span(_ date: PartialDate, _ end: PartialDate?, circa: Bool = false, _ interface: Interface) -> String {
        var text = DateText.date(date, interface)
        if let end, end != date {
            let year = String(date.year)
            if date.precision == .day, end.precision == .day, date.year == end.year, date.month == end.month {
                let days = interface.format("date_days", ["start": String(date.day!), "end": String(end.day!)])
                text = interface.format("date_day", ["day": days, "month": interface.list("months_of_day")[date.month! - 1], "year": year])
            } else if date.precision == end.precision, date.year == end.year, date.precision != .year {
                text = interface.format("date_span_in_year", ["start": inYear(date, interface), "end": inYear(end, interface), "year": year])
            } else {
                text = interface.format("date_span", ["start": text, "end": DateText.date(end, interface)])
            }
        }
        return circa ? interface.format("date_circa", ["date": text]) : text
    }

    /// A dated entry's date as lists show it: its date, its end, and whether it is approximate.
    static func span(of entry: Entry, _ interface: Interface) -> String {
        let circa: Bool = if case .event(let event) = entry.details { event.circa } else { false }
        return span(entry.date!, entry.end, circa: circa, interface)
    }

    /// A date of a span within one year, without the year: `6 March`, `March`.
    private static func inYear(_ date: PartialDate, _ interface: Interface) -> String {
        guard let day = date.day else { return interface.list("months")[date.month! - 1] }
        return interface.format("date_day_month", ["day": String(day), "month": interface.list("months_of_day")[date.month! - 1]])
    }

    /// RFC 3339 time for feeds: the last day the date can mean, at midnight UTC.
    static func rfc3339(_ date: PartialDate) -> String {
        let (year, month, day) = date.latest
        return "\(zeroPadded(year, width: 4))-\(zeroPadded(month, width: 2))-\(zeroPadded(day, width: 2))T00:00:00Z"
    }
}
