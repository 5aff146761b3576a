/// A date known to the year, the month or the day: `2022`, `2022-03`, `2022-03-06`.
///
/// Ordered as the timeline orders: by the earliest day the date can mean, then by
/// precision (a day before a month before a year).
public struct PartialDate: Sendable, Hashable, Comparable, CustomStringConvertible, Codable {
    public enum Precision: Int, Sendable, Comparable {
        case day = 0, month = 1, year = 2
        public static func < (a: Precision, b: Precision) -> Bool { a.rawValue < b.rawValue }
    }

    public let year: Int
    public let month: Int?
    public let day: Int?

    public init(year: Int, month: Int? = nil, day: Int? = nil) {
        self.year = year
        self.month = month
        self.day = month == nil ? nil : day
    }

    /// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; returns a reason when it is not one.
    public static func parse(_ text: String) -> Result<PartialDate, DateError> {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        let widths = [4, 2, 2]
        guard (1...3).contains(parts.count),
              zip(parts, widths).allSatisfy({ $0.count == $1 && $0.utf8.allSatisfy { (48...57).contains($0) } })
        else { return .failure(.malformed) }
        let numbers = parts.map { Int($0)! }
        let date = PartialDate(year: numbers[0], month: numbers.count > 1 ? numbers[1] : nil, day: numbers.count > 2 ? numbers[2] : nil)
        if let month = date.month, !(1...12).contains(month) { return .failure(.noSuchMonth(month)) }
        if let month = date.month, let day = date.day, !(1...PartialDate.days(inMonth: month, year: date.year)).contains(day) {
            return .failure(.noSuchDay(day, month: month, year: date.year))
        }
        return .success(date)
    }

    public enum DateError: Error, Equatable, CustomStringConvertible {
        case malformed
        case noSuchMonth(Int)
        case noSuchDay(Int, month: Int, year: Int)

        public var description: String {
            switch self {
            case .malformed: "expected a date as YYYY, YYYY-MM or YYYY-MM-DD"
            case .noSuchMonth(let month): "there is no month \(month)"
            case .noSuchDay(let day, let month, let year):
                "\(PartialDate.monthNames[month - 1]) \(year) has no day \(day)"
            }
        }
    }

    public var precision: Precision { day != nil ? .day : month != nil ? .month : .year }

    /// The earliest day the date can mean, as (year, month, day).
    var earliest: (Int, Int, Int) { (year, month ?? 1, day ?? 1) }

    /// The latest day the date can mean, as (year, month, day).
    var latest: (Int, Int, Int) {
        let lastMonth = month ?? 12
        return (year, lastMonth, day ?? PartialDate.days(inMonth: lastMonth, year: year))
    }

    /// As written: `2022`, `2022-03`, `2022-03-06`.
    public var description: String {
        var text = zeroPadded(year, width: 4)
        if let month { text += "-" + zeroPadded(month, width: 2) }
        if let day { text += "-" + zeroPadded(day, width: 2) }
        return text
    }

    /// One number in the same order as `<`: earliest day, then precision.
    var sortKey: Int { (((year * 16 + (month ?? 1)) * 32 + (day ?? 1)) * 4) + precision.rawValue }

    public static func < (a: PartialDate, b: PartialDate) -> Bool {
        if a.earliest != b.earliest { return a.earliest < b.earliest }
        return a.precision < b.precision
    }

    static let monthNames = [
        "January", "February", "March", "April", "May", "June",
        "July", "August", "September", "October", "November", "December",
    ]

    static func days(inMonth month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }
}

/// `value` padded with zeros to `width` digits: `0007`, `03`.
func zeroPadded(_ value: Int, width: Int) -> String {
    let digits = String(value)
    return String(repeating: "0", count: max(0, width - digits.count)) + digits
}

/// Coded as one number, `YYYYMMDD` with `00` for a month or day it has not: the
/// build cache holds a date for every event, poll and source, and a container
/// for each of its three parts cost more than reading the rest of the event.
extension PartialDate {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let code = try container.decode(Int.self)
        let (year, month, day) = (code / 10_000, code / 100 % 100, code % 100)
        guard code >= 0, month <= 12, day <= 31, month > 0 || day == 0 else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "not a date: \(code)")
        }
        self.init(year: year, month: month == 0 ? nil : month, day: day == 0 ? nil : day)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(year * 10_000 + (month ?? 0) * 100 + (day ?? 0))
    }
}
