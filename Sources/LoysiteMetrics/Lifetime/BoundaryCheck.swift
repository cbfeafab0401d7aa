import Foundation
import LoysiteSupport

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
///
/// The profiles are the expensive part, so a quadratic model of the log-likelihood at
/// the optimum (its curvature by central differences) screens them first: where it
/// predicts a drop of more than eight times the level along a parameter, that
/// parameter's profiles are not fitted. Ridges are flat, and a flat direction has a
/// small curvature, so it is always profiled.
struct BoundaryCheck {
    let maximizer: LikelihoodMaximizer
    let names: [String]
    /// How far out each parameter is moved: a factor of 1000.
    static let step = log(1e3)
    static let farLimit = log(1e4)
    /// Half of χ²₁'s 95% quantile (3.841).
    static let level = 3.841 / 2

    /// Whether the curvature at `point` leaves a parameter poorly enough determined that
    /// a ridge to the boundary is possible (or the curvature cannot be had at all).
    func suspectsRidge(at point: LikelihoodMaximizer.Outcome, _ logLikelihood: @escaping @Sendable ([Double]) -> Double) -> Bool {
        guard let drops = BoundaryCheck.predictedDrops(point.logParameters, point.logLikelihood, logLikelihood) else { return true }
        return drops.contains { $0 <= 8 * BoundaryCheck.level } || point.logParameters.contains { abs($0) >= BoundaryCheck.farLimit }
    }

    func problem(at optimum: LikelihoodMaximizer.Outcome, _ logLikelihood: @escaping @Sendable ([Double]) -> Double) -> FitProblem? {
        let point = optimum.logParameters
        // One profile per parameter and direction, spread over the cores.
        let drops = BoundaryCheck.predictedDrops(point, optimum.logLikelihood, logLikelihood)
        let probes = point.indices.flatMap { index in [(index, -1.0), (index, 1.0)] }
        let level = Parallel.map(probes) { probe in
            if let drop = drops?[probe.0], drop > 8 * BoundaryCheck.level, abs(point[probe.0]) < BoundaryCheck.farLimit { return false }
            return isLevel(point, optimum.logLikelihood, index: probe.0, sign: probe.1, logLikelihood)
        }
        var directions: [BoundaryDirection] = []
        for index in point.indices {
            // Level both ways (a ridge along which the parameter is not identified):
            // name the end the fit already leans to.
            switch (level[2 * index], level[2 * index + 1]) {
            case (true, true): directions.append(BoundaryDirection(parameter: names[index], towardsZero: point[index] < 0))
            case (true, false): directions.append(BoundaryDirection(parameter: names[index], towardsZero: true))
            case (false, true): directions.append(BoundaryDirection(parameter: names[index], towardsZero: false))
            case (false, false): break
            }
        }
        return directions.isEmpty ? nil : .boundary(directions)
    }

    /// Per parameter, the drop of the log-likelihood a quadratic model predicts for the
    /// profile a thousandfold out: step² / (2 · variance), the variance from the inverse
    /// of the negated Hessian. nil when the Hessian is not negative definite there.
    static func predictedDrops(_ point: [Double], _ value: Double, _ f: ([Double]) -> Double) -> [Double]? {
        let n = point.count
        let h = 1e-3
        func at(_ moves: [(Int, Double)]) -> Double {
            var moved = point
            for (index, delta) in moves { moved[index] += delta }
            return f(moved)
        }
        // The negated Hessian, by central differences.
        var matrix = [[Double]](repeating: [Double](repeating: 0, count: n), count: n)
        for i in 0..<n {
            matrix[i][i] = -(at([(i, h)]) - 2 * value + at([(i, -h)])) / (h * h)
            for j in 0..<i {
                let mixed = (at([(i, h), (j, h)]) - at([(i, h), (j, -h)]) - at([(i, -h), (j, h)]) + at([(i, -h), (j, -h)])) / (4 * h * h)
                matrix[i][j] = -mixed
                matrix[j][i] = -mixed
            }
        }
        // Cholesky factor L Lᵀ = matrix; fails unless positive definite.
        var lower = [[Double]](repeating: [Double](repeating: 0, count: n), count: n)
        for i in 0..<n {
            for j in 0...i {
                var sum = matrix[i][j]
                for k in 0..<j { sum -= lower[i][k] * lower[j][k] }
                if i == j {
                    guard sum > 0, sum.isFinite else { return nil }
                    lower[i][i] = sum.squareRoot()
                } else {
                    lower[i][j] = sum / lower[j][j]
                }
            }
        }
        // The diagonal of the inverse: column by column, solving L Lᵀ c = e_i.
        var drops: [Double] = []
        for i in 0..<n {
            var y = [Double](repeating: 0, count: n)
            for row in 0..<n {
                var sum = row == i ? 1.0 : 0
                for k in 0..<row { sum -= lower[row][k] * y[k] }
                y[row] = sum / lower[row][row]
            }
            var c = [Double](repeating: 0, count: n)
            for row in stride(from: n - 1, through: 0, by: -1) {
                var sum = y[row]
                for k in (row + 1)..<n { sum -= lower[k][row] * c[k] }
                c[row] = sum / lower[row][row]
            }
            guard c[i] > 0 else { return nil }
            drops.append(step * step / (2 * c[i]))
        }
        return drops
    }

    /// Whether the profile likelihood a thousandfold out from `point` along parameter
    /// `index` (down for sign −1, up for +1) stays within `level` of the optimum.
    private func isLevel(_ point: [Double], _ optimum: Double, index: Int, sign: Double, _ logLikelihood: @escaping @Sendable ([Double]) -> Double) -> Bool {
        let value = point[index]
        if abs(value) >= BoundaryCheck.farLimit && (value < 0) == (sign < 0) { return true }
        let fixed = min(max(value + sign * BoundaryCheck.step, maximizer.lower), maximizer.upper)
        let threshold = optimum - BoundaryCheck.level
        // The others left where they are give a lower bound of the profile: often
        // enough on a ridge, and then no fit is needed.
        var moved = point
        moved[index] = fixed
        if logLikelihood(moved) >= threshold { return true }
        var others = point
        others.remove(at: index)
        var constrained = maximizer
        constrained.starts = [others]
        constrained.polishes = false
        constrained.stopAt = threshold
        constrained.absoluteTolerance = 0.01
        let profile = constrained.maximize { rest in
            var full = rest
            full.insert(fixed, at: index)
            return logLikelihood(full)
        }
        return (profile?.logLikelihood ?? -.infinity) >= threshold
    }
}

extension LikelihoodMaximizer {
    /// `maximize`, then the boundary check: the converged optimum, or why there is none
    /// (a maximum on the boundary, or no convergence). A ridge to the boundary keeps the
    /// optimiser from settling, so where the curvature after the starts suggests one, it
    /// is checked before the polish.
    /// - Parameter names: the parameters' names, for the warning.
    func fitInside(names: [String], _ logLikelihood: @escaping @Sendable ([Double]) -> Double) -> Result<Outcome, FitProblem> {
        let check = BoundaryCheck(maximizer: self, names: names)
        var ridge: FitProblem?
        let found = maximize(logLikelihood) { coarse in
            guard check.suspectsRidge(at: coarse, logLikelihood) else { return false }
            ridge = check.problem(at: coarse, logLikelihood)
            return ridge != nil
        }
        if let ridge { return .failure(ridge) }
        guard let outcome = found else { return .failure(.notConverged) }
        if let problem = check.problem(at: outcome, logLikelihood) { return .failure(problem) }
        return outcome.converged ? .success(outcome) : .failure(.notConverged)
    }
}
