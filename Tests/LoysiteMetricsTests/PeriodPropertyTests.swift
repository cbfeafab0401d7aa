import Foundation
import LoysiteMetrics
import PropertyBased
import Testing

/// Period arithmetic on any day, checked against Foundation's ISO 8601 calendar, with
/// days drawn around year ends, where ISO weeks belong to the neighbouring year.
@Suite struct PeriodPropertyTests {
    /// Days from 20 December to 10 January of years 1600 to 2400, plus any day from 1614
    /// on. (Foundation's calendar turns Julian before October 1582; ISO 8601 and loysite
    /// are proleptic Gregorian, so earlier days have no independent oracle here.)
    static let days = zip(Gen.int(in: 1600...2400), Gen.int(in: -12...20), Gen.int(in: -130_000...200_000), Gen.int(in: 0...3))
        .map { year, offset, anyDay, kind -> Int in
            kind == 0 ? anyDay : CivilDate.dayNumber(year: year, month: 1, day: 1) + offset
        }

    static let iso: Calendar = {
        var calendar = Calendar(identifier: .iso8601)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar
    }()

    @Test func isoWeekKeysMatchFoundationsCalendar() async {
        await propertyCheck(count: 600, input: Self.days) { day in
            let date = Date(timeIntervalSince1970: Double(day) * 86_400)
            let parts = Self.iso.dateComponents([.yearForWeekOfYear, .weekOfYear], from: date)
            let expected = String(format: "%04d-W%02d", parts.yearForWeekOfYear!, parts.weekOfYear!)
            #expect(Period.week.key(ofIndex: Period.week.index(ofDay: day)) == expected, "day \(CivilDate(dayNumber: day))")
        }
    }

    @Test(arguments: Period.allCases)
    func everyDayIsInsideItsPeriodAndPeriodsAreConsecutive(period: Period) async {
        await propertyCheck(count: 300, input: Self.days) { day in
            let index = period.index(ofDay: day)
            let first = period.firstDay(ofIndex: index), next = period.firstDay(ofIndex: index + 1)
            #expect(first <= day && day < next, "\(period) \(CivilDate(dayNumber: day)): \(first)…\(next)")
            #expect(period.index(ofDay: first) == index && period.index(ofDay: next) == index + 1)
            #expect(period.index(ofDay: first - 1) == index - 1)
            if period == .week { #expect(next - first == 7 && Self.iso.component(.weekday, from: Date(timeIntervalSince1970: Double(first) * 86_400)) == 2, "weeks start on Monday") }
            #expect(period.key(ofIndex: index) != period.key(ofIndex: index + 1))
        }
    }

    @Test func civilDatesRoundTrip() async {
        await propertyCheck(count: 500, input: Self.days) { day in
            let date = CivilDate(dayNumber: day)
            #expect(date.dayNumber == day)
            #expect(CivilDate(year: date.year, month: date.month, day: date.day) == date)
        }
    }
}
