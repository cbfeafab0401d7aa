import Testing
import LoysiteMetrics

/// Days since 1970-01-01 of a date written as text, for readable fixtures.
func day(_ text: String) -> Int {
    let parts = text.split(separator: "-").map { Int($0)! }
    return CivilDate(year: parts[0], month: parts[1], day: parts[2])!.dayNumber
}

func key(_ period: Period, _ date: String) -> String {
    period.key(ofIndex: period.index(ofDay: day(date)))
}

@Suite struct CivilDateTests {
    @Test func dayNumbersAreDaysSince1970() {
        #expect(day("1970-01-01") == 0)
        #expect(day("1970-01-02") == 1)
        #expect(day("1969-12-31") == -1)
        // 2000 was a leap year: 30 years = 10957 days (7 leap days: 72,76,80,84,88,92,96).
        #expect(day("2000-01-01") == 10_957)
        #expect(day("2000-03-01") - day("2000-02-28") == 2)
        #expect(day("1900-03-01") - day("1900-02-28") == 1) // 1900 was not a leap year
    }

    @Test func roundTripsEveryDayOverFiveCenturies() {
        var previous: CivilDate?
        for number in day("1800-01-01")...day("2300-12-31") {
            let date = CivilDate(dayNumber: number)
            #expect(date.dayNumber == number)
            if let previous { #expect(previous < date) }
            previous = date
        }
    }

    @Test func rejectsDatesThatDoNotExist() {
        #expect(CivilDate(year: 2026, month: 2, day: 29) == nil)
        #expect(CivilDate(year: 2024, month: 2, day: 29) != nil)
        #expect(CivilDate(year: 2026, month: 13, day: 1) == nil)
        #expect(CivilDate(year: 2026, month: 4, day: 31) == nil)
        #expect(CivilDate(year: 2026, month: 1, day: 0) == nil)
    }

    @Test func weekdays() {
        #expect(CivilDate(year: 1970, month: 1, day: 1)!.isoWeekday == 4) // Thursday
        #expect(CivilDate(year: 2026, month: 3, day: 7)!.isoWeekday == 6) // Saturday
        #expect(CivilDate(year: 1969, month: 12, day: 29)!.isoWeekday == 1) // Monday
    }
}

@Suite struct PeriodTests {
    @Test func keysOfEveryKind() {
        #expect(key(.day, "2026-03-07") == "2026-03-07")
        #expect(key(.week, "2026-03-07") == "2026-W10")
        #expect(key(.month, "2026-03-07") == "2026-03")
        #expect(key(.quarter, "2026-03-07") == "2026-Q1")
        #expect(key(.quarter, "2026-03-31") == "2026-Q1")
        #expect(key(.quarter, "2026-04-01") == "2026-Q2")
        #expect(key(.quarter, "2026-12-31") == "2026-Q4")
        #expect(key(.year, "2026-03-07") == "2026")
        #expect(key(.month, "1969-12-31") == "1969-12")
    }

    @Test func isoWeeksAcrossYearEnds() {
        // 2020-12-31 is a Thursday: its week belongs to 2020, and 2020 has 53 weeks.
        #expect(key(.week, "2020-12-31") == "2020-W53")
        #expect(key(.week, "2021-01-03") == "2020-W53") // the Sunday after
        #expect(key(.week, "2021-01-04") == "2021-W01") // Monday
        // 2019-12-30 (a Monday) starts 2020-W01, since that week's Thursday is 2020-01-02.
        #expect(key(.week, "2019-12-29") == "2019-W52")
        #expect(key(.week, "2019-12-30") == "2020-W01")
        #expect(key(.week, "1970-01-01") == "1970-W01")
        #expect(key(.week, "1969-12-28") == "1969-W52")
        #expect(Period.week.index(ofDay: day("2021-01-04")) - Period.week.index(ofDay: day("2020-12-31")) == 1)
    }

    @Test func consecutiveIndicesAreConsecutivePeriods() {
        #expect(Period.month.index(ofDay: day("2026-01-15")) - Period.month.index(ofDay: day("2025-12-31")) == 1)
        #expect(Period.quarter.index(ofDay: day("2026-01-01")) - Period.quarter.index(ofDay: day("2025-12-31")) == 1)
        #expect(Period.year.index(ofDay: day("2026-01-01")) - Period.year.index(ofDay: day("2025-12-31")) == 1)
        #expect(Period.day.index(ofDay: day("2026-03-01")) - Period.day.index(ofDay: day("2026-02-28")) == 1)
    }

    @Test func firstDays() {
        #expect(Period.week.firstDay(ofIndex: Period.week.index(ofDay: day("2021-01-03"))) == day("2020-12-28"))
        #expect(Period.month.firstDay(ofIndex: Period.month.index(ofDay: day("2026-03-07"))) == day("2026-03-01"))
        #expect(Period.quarter.firstDay(ofIndex: Period.quarter.index(ofDay: day("2026-08-07"))) == day("2026-07-01"))
        #expect(Period.year.firstDay(ofIndex: 2026) == day("2026-01-01"))
    }

    @Test func keysParseBackToTheirIndex() {
        for period in Period.allCases {
            for number in stride(from: day("2019-06-01"), through: day("2027-06-01"), by: 1) {
                let index = period.index(ofDay: number)
                #expect(period.index(ofKey: period.key(ofIndex: index)) == index)
            }
        }
    }

    @Test func rejectsKeysOfAnotherKindOrThatDoNotExist() {
        #expect(Period.week.index(ofKey: "2026-03") == nil)
        #expect(Period.month.index(ofKey: "2026-W10") == nil)
        #expect(Period.month.index(ofKey: "2026-13") == nil)
        #expect(Period.month.index(ofKey: "2026-3") == nil)
        #expect(Period.day.index(ofKey: "2026-02-29") == nil)
        #expect(Period.quarter.index(ofKey: "2026-Q5") == nil)
        // 2026 starts on a Thursday, so it has a week 53; 2025 (a Wednesday, not leap) does not.
        #expect(Period.week.index(ofKey: "2026-W53") != nil)
        #expect(Period.week.index(ofKey: "2025-W53") == nil)
        #expect(Period.week.index(ofKey: "2025-W00") == nil)
        #expect(Period.year.index(ofKey: "26") == nil)
    }
}

@Suite struct MoneyTests {
    func money(_ significand: Int128, _ digits: Int) -> Money { Money(significand: significand, fractionDigits: digits)! }

    @Test func sumsExactly() {
        // 0.1 + 0.2 is 0.30000000000000004 in binary floating point; not here.
        #expect((money(1, 1) + money(2, 1)).description == "0.3")
        #expect((money(110, 2) + money(-110, 2)) == .zero)
        #expect((money(110, 2) + money(-110, 2)).description == "0")
    }

    @Test func writesTheShortestExactDecimal() {
        #expect(money(1530, 2).description == "15.3")
        #expect(money(-1_106_206, 2).description == "-11062.06")
        #expect(money(5, 1).description == "0.5")
        #expect(money(-5, 3).description == "-0.005")
        #expect(money(18, 0).description == "18")
        #expect(money(1, 12).description == "0.000000000001")
        #expect(Money(1234).description == "1234")
    }

    @Test func rejectsMoreDecimalPlacesThanItKeeps() {
        #expect(Money(significand: 1, fractionDigits: 13) == nil)
        #expect(Money(significand: Int128.max / 10, fractionDigits: 0) == nil)
    }

    @Test func convertsToTheNearestDouble() {
        #expect(money(8_911_407_904, 3).doubleValue == 8911407.904)
        #expect(money(-1, 2).doubleValue == -0.01)
    }
}
