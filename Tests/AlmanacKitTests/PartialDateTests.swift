import Testing
@testable import AlmanacKit

@Suite struct PartialDateTests {
    @Test func parsesTheThreePrecisions() throws {
        #expect(try PartialDate.parse("2022").get() == PartialDate(year: 2022))
        #expect(try PartialDate.parse("2022-03").get() == PartialDate(year: 2022, month: 3))
        #expect(try PartialDate.parse("2022-03-06").get() == PartialDate(year: 2022, month: 3, day: 6))
    }

    @Test(arguments: ["22", "2022-3", "2022-03-6", "2022/03/06", "2022-03-06T10:00:00Z", "", "march"])
    func rejectsOtherForms(_ text: String) {
        #expect(throws: PartialDate.DateError.malformed) { try PartialDate.parse(text).get() }
    }

    @Test func rejectsImpossibleDates() {
        #expect(throws: PartialDate.DateError.noSuchDay(30, month: 2, year: 2022)) { try PartialDate.parse("2022-02-30").get() }
        #expect(throws: PartialDate.DateError.noSuchMonth(13)) { try PartialDate.parse("2022-13").get() }
        #expect((try? PartialDate.parse("2024-02-29").get()) != nil)
        #expect((try? PartialDate.parse("1900-02-29").get()) == nil)
    }

    @Test func ordersByEarliestDayThenPrecision() throws {
        let dates = try ["2022", "2022-01", "2021-12-31", "2022-01-01", "2022-01-02"].map { try PartialDate.parse($0).get() }
        #expect(dates.sorted().map(\.description) == ["2021-12-31", "2022-01-01", "2022-01", "2022", "2022-01-02"])
    }

    /// The timeline sorts by `sortKey`: it must order every pair as `<` does, and tie only for equal dates.
    @Test func sortKeyOrdersAsTheDatesDo() throws {
        let dates = try ["0001", "0999-12-31", "2021-12-31", "2022", "2022-01", "2022-01-01", "2022-01-02", "2022-02", "2022-12",
                         "2022-12-31", "2023", "9999-12-31"].map { try PartialDate.parse($0).get() }
        for a in dates {
            for b in dates {
                #expect((a.sortKey < b.sortKey) == (a < b), "\(a) and \(b)")
                #expect((a.sortKey == b.sortKey) == (a == b), "\(a) and \(b)")
            }
        }
    }

}
