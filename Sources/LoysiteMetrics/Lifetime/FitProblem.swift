/// Why a lifetime-value model could not be fitted (SPEC §2): the figures that depend on
/// it are null and the dataset gets a warning saying which of these it was.
package enum FitProblem: Error, Sendable, Equatable, CustomStringConvertible {
    /// Fewer than 2 customers with a repeat purchase (x > 0), or for the spend model with
    /// a positive repeat spend: nothing to learn a dropout or spend distribution from.
    case tooFewRepeatCustomers(Int)
    /// The optimiser stopped without reaching its tolerance.
    case notConverged
    /// The likelihood keeps rising, or stays level, as a parameter runs to 0 or to
    /// infinity: there is no interior maximum, so no finite parameters describe the
    /// data (see `BoundaryCheck`).
    case boundary([BoundaryDirection])
    /// Gamma-Gamma's q ≤ 1: the expected spend per occasion, γp/(q − 1), is infinite.
    case unboundedMeanSpend(q: Double)

    package var description: String {
        switch self {
        case .tooFewRepeatCustomers(let count):
            return "only \(count) customer\(count == 1 ? "" : "s") with a repeat purchase before the calibration end; at least 2 are needed"
        case .notConverged:
            return "the maximum-likelihood fit did not converge"
        case .boundary(let directions):
            let runs = directions.map { "\($0.parameter) runs to \($0.towardsZero ? "0" : "infinity")" }
            return "its maximum is on the boundary (no interior maximum): the likelihood stays level as \(runs.joined(separator: " and as "))"
        case .unboundedMeanSpend(let q):
            return "q = \((q * 1000).rounded() / 1000) ≤ 1, so the expected spend per occasion is infinite"
        }
    }
}

/// A parameter, and the end of its range the likelihood climbs (or stays level) towards.
package struct BoundaryDirection: Sendable, Equatable {
    package var parameter: String
    package var towardsZero: Bool

    package init(parameter: String, towardsZero: Bool) {
        self.parameter = parameter
        self.towardsZero = towardsZero
    }
}
