/// The sidecar's `clv:` block (SPEC §2, "Customer lifetime value and RFM"), resolved.
package struct CLVSettings: Sendable, Equatable {
    /// The unit the models measure time in.
    package enum TimeUnit: String, Sendable, CaseIterable {
        case day, week, month

        /// Its length in days (a month is 365.25 / 12 days).
        package var days: Double {
            switch self {
            case .day: return 1
            case .week: return 7
            case .month: return 365.25 / 12
            }
        }

        /// The default horizon: a year ahead (365 days, 52 weeks, 12 months).
        package var defaultHorizon: Int {
            switch self {
            case .day: return 365
            case .week: return 52
            case .month: return 12
            }
        }
    }

    /// Days since 1970-01-01 of the last day whose orders enter the model.
    package var calibrationEnd: Int
    package var unit: TimeUnit
    /// Units predicted ahead.
    package var horizon: Int
    /// Per unit, for the present value of future spend.
    package var discountRate: Double

    package init(calibrationEnd: Int, unit: TimeUnit = .week, horizon: Int? = nil, discountRate: Double = 0) {
        self.calibrationEnd = calibrationEnd
        self.unit = unit
        self.horizon = horizon ?? unit.defaultHorizon
        self.discountRate = discountRate
    }
}
