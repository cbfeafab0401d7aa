import Foundation

/// Tells an interior maximum from one on the boundary of the parameter space.
///
/// A likelihood that rises towards a parameter's 0 or ∞ (BG/NBD's a → 0 when the data
/// shows no dropout) flattens as it goes, so the optimiser stops somewhere along the
/// ridge at a point that looks like an optimum. The test: move each parameter a
/// thousandfold further out in each direction, fixed there, and maximise over the
/// others (the profile likelihood). At an interior maximum that costs a great deal of
/// log-likelihood (at least 20 on CDNOW); when it costs less than 1.92 — half the 95%
/// quantile of χ²₁, the likelihood-ratio test's threshold — the data cannot tell the
/// fit from a point three orders of magnitude nearer the boundary, and the maximum is
/// not interior (0.12 for BG/NBD's a and b on the UCI export). A fitted parameter
/// already more than 10⁴ from its scale counts as on the boundary too.
struct BoundaryCheck {
    let maximizer: LikelihoodMaximizer
    let names: [String]
    /// How far out each parameter is moved: a factor of 1000.
    static let step = log(1e3)
    static let farLimit = log(1e4)
    /// Half of χ²₁'s 95% quantile (3.841).
    static let level = 3.841 / 2

    func problem(at optimum: LikelihoodMaximizer.Outcome, _ logLikelihood: @escaping ([Double]) -> Double) -> FitProblem? {
        var directions: [BoundaryDirection] = []
        for (index, value) in optimum.logParameters.enumerated() {
            var level: [Bool] = []
            for sign in [-1.0, 1.0] {
                if abs(value) >= BoundaryCheck.farLimit && (value < 0) == (sign < 0) {
                    level.append(true)
                    continue
                }
                let fixed = min(max(value + sign * BoundaryCheck.step, maximizer.lower), maximizer.upper)
                let threshold = optimum.logLikelihood - BoundaryCheck.level
                // The others left where they are give a lower bound of the profile: often
                // enough on a ridge, and then no fit is needed.
                var moved = optimum.logParameters
                moved[index] = fixed
                if logLikelihood(moved) >= threshold {
                    level.append(true)
                    continue
                }
                var others = optimum.logParameters
                others.remove(at: index)
                var constrained = maximizer
                constrained.starts = [others]
                constrained.polishes = false
                constrained.stopAt = threshold
                constrained.absoluteTolerance = 0.01
                let profile = constrained.maximize { rest in
                    var point = rest
                    point.insert(fixed, at: index)
                    return logLikelihood(point)
                }
                level.append((profile?.logLikelihood ?? -.infinity) >= threshold)
            }
            // Level both ways (a ridge along which the parameter is not identified):
            // name the end the fit already leans to.
            switch (level[0], level[1]) {
            case (true, true): directions.append(BoundaryDirection(parameter: names[index], towardsZero: value < 0))
            case (true, false): directions.append(BoundaryDirection(parameter: names[index], towardsZero: true))
            case (false, true): directions.append(BoundaryDirection(parameter: names[index], towardsZero: false))
            case (false, false): break
            }
        }
        return directions.isEmpty ? nil : .boundary(directions)
    }
}
