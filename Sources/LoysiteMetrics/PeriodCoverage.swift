/// How much of a period the data covers: the days from the period's first day to the
/// observation end (the day the export was taken), out of the period's days.
///
/// SPEC §2 "Partial periods": the last period is partial when it ends after the
/// observation end. Its figures are not comparable with a full period's (9 days of
/// December against 30 of November), so whatever shows them says so, with this text.
package struct PeriodCoverage: Sendable, Equatable {
    package var period: Period
    /// The period's key (`2011-12`).
    package var key: String
    /// Days of the period on or before the observation end (0 … `days`).
    package var coveredDays: Int
    /// Days in the period (28–31 for a month, 7 for a week).
    package var days: Int

    package init(period: Period, key: String, coveredDays: Int, days: Int) {
        self.period = period
        self.key = key
        self.coveredDays = coveredDays
        self.days = days
    }

    /// The coverage of the period with `index` when the data ends on `observationEnd`
    /// (days since 1970-01-01).
    package init(period: Period, index: Int, observationEnd: Int) {
        let first = period.firstDay(ofIndex: index)
        let days = period.firstDay(ofIndex: index + 1) - first
        self.init(period: period, key: period.key(ofIndex: index),
                  coveredDays: min(days, max(0, observationEnd - first + 1)), days: days)
    }

    /// Whether the period ends after the observation end.
    package var isPartial: Bool { coveredDays < days }

    /// "9 of 31 days": what a fair comparison is, in the words a tile or alert uses.
    package var daysText: String {
        "\(coveredDays) of \(days) day\(days == 1 ? "" : "s")"
    }
}
