import LoysiteMetrics
import LoysiteSupport
import Testing

/// SPEC §2 "Partial periods": the last period is partial when its last day is after the
/// observation end (the sidecar's `observation_end`, default the latest row's date).
@Suite struct PartialPeriodTests {
    func day(_ text: String) -> Int {
        Period.day.index(ofKey: text)!
    }

    @Test func coverageCountsTheDaysUpToTheObservationEnd() {
        let december = PeriodCoverage(period: .month, index: Period.month.index(ofKey: "2011-12")!, observationEnd: day("2011-12-09"))
        #expect(december.key == "2011-12")
        #expect(december.isPartial)
        #expect(december.daysText == "9 of 31 days")
        let full = PeriodCoverage(period: .month, index: Period.month.index(ofKey: "2011-11")!, observationEnd: day("2011-11-30"))
        #expect(!full.isPartial && full.daysText == "30 of 30 days")
        let week = PeriodCoverage(period: .week, index: Period.week.index(ofKey: "2026-W10")!, observationEnd: day("2026-03-03"))
        #expect(week.daysText == "2 of 7 days", "2026-W10 starts on Monday 2 March")
        let february = PeriodCoverage(period: .month, index: Period.month.index(ofKey: "2024-02")!, observationEnd: day("2024-02-29"))
        #expect(!february.isPartial)
        #expect(PeriodCoverage(period: .quarter, index: Period.quarter.index(ofKey: "2026-Q1")!, observationEnd: day("2026-01-31")).daysText == "31 of 90 days")
    }

    @Test func theLastPeriodIsPartialByTheLatestOrderOrTheObservationEnd() throws {
        var accumulator = OrdersAccumulator(period: .month)
        try accumulator.add(OrderLine(order: 0, customer: 0, day: day("2026-01-10"), amount: Money(10)))
        try accumulator.add(OrderLine(order: 1, customer: 0, day: day("2026-02-09"), amount: Money(10)))
        // Default: the latest order, 9 February.
        let byData = accumulator.metrics(rows: 2)
        #expect(byData.partialCoverage(ofPeriodAt: 1)?.daysText == "9 of 28 days")
        #expect(byData.partialCoverage(ofPeriodAt: 0) == nil, "only the last period can be partial")
        let json = byData.json().serialized()
        #expect(json.contains(#""revenue":10,"partial":false},{"period":"2026-02""#))
        #expect(json.contains(#""revenue":10,"partial":true}]"#))
        #expect(byData.table(named: "periods")?.partialRows == [false, true])
        // February has no new customer, so its empty cohort is left out (SPEC: retention[0] = 1).
        #expect(byData.table(named: "cohorts")?.partialRows == [true])
        #expect(byData.figure(named: "retention_rate", period: "last")?.partialCoverage?.coveredDays == 9)
        #expect(byData.figure(named: "retention_rate", period: "2026-01")?.partialCoverage == nil)
        // An export taken at the end of February: the month is complete.
        let exported = accumulator.metrics(rows: 2, observationEnd: day("2026-02-28"))
        #expect(exported.partialCoverage(ofPeriodAt: 1) == nil)
        #expect(exported.table(named: "periods")?.partialRows == [false, false])
    }

    @Test func responsePeriodsArePartialToo() {
        var accumulator = ResponsesAccumulator(period: .month)
        accumulator.add(score: 9, day: day("2026-01-31"), segment: nil)
        accumulator.add(score: 3, day: day("2026-02-14"), segment: nil)
        let metrics = accumulator.metrics(rows: 2)
        #expect(metrics.partialCoverage(ofPeriodAt: 1)?.daysText == "14 of 28 days")
        #expect(metrics.table(named: "nps")?.partialRows == [false, true])
        #expect(metrics.figure(named: "nps", period: "last")?.partialCoverage != nil)
        #expect(accumulator.metrics(rows: 2, observationEnd: day("2026-02-28")).partialCoverage(ofPeriodAt: 1) == nil)
    }
}
