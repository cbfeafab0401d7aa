import CNLopt
import Foundation

/// Maximises a log-likelihood with NLopt (BOBYQA: derivative-free, bound-constrained
/// quadratic models), from several starting points, and says whether it converged.
///
/// The parameters it sees are logarithms of the model's positive parameters, scaled so
/// that 0 is a typical value: every point of the box is a valid model, and the
/// optimiser's steps are relative changes whatever the units (weeks or days, cents or
/// dollars).
struct LikelihoodMaximizer {
    /// The box on every log-parameter: the parameters stay within [e^lower, e^upper].
    var lower = log(1e-7)
    var upper = log(1e7)
    /// The starting points, each a full vector of log-parameters.
    var starts: [[Double]]
    var maximumEvaluations = 20_000
    /// The starts stop at this relative change of the log-likelihood; only the best one
    /// is then polished to `polishTolerance` (most of the evaluations are spent there).
    var startTolerance = 1e-9
    var polishTolerance = 1e-14
    /// Restart from the best point until it no longer improves (see `maximize`); off for
    /// the boundary check's profile fits, which only need to know how high they get.
    var polishes = true
    /// Stop as soon as the log-likelihood reaches this (the boundary check's level).
    var stopAt: Double?
    /// Stop once an iteration changes the log-likelihood by less than this, in absolute
    /// terms (the boundary check needs its profiles to 0.01 only).
    var absoluteTolerance: Double?

    /// The best point found.
    struct Outcome {
        var logParameters: [Double]
        var logLikelihood: Double
        /// False when no start reached a stopping tolerance (evaluation budget spent,
        /// NLopt failure) or restarting from the best point still improved it.
        var converged: Bool
    }

    /// Maximises `logLikelihood` (called with the log-parameters; a non-finite value
    /// marks a point outside the model's domain).
    func maximize(_ logLikelihood: @escaping ([Double]) -> Double) -> Outcome? {
        let objective = Objective(logLikelihood)
        var best: (point: [Double], value: Double, converged: Bool)?
        for start in starts {
            guard let run = run(objective, from: start, step: 0.5, tolerance: polishes ? startTolerance : polishTolerance) else { continue }
            if best == nil || run.value > best!.value { best = run }
        }
        guard var found = best, found.value.isFinite else { return nil }
        guard polishes else { return Outcome(logParameters: found.point, logLikelihood: found.value, converged: found.converged) }
        // A restart from the optimum with a fresh trust region must find nothing
        // better: BOBYQA can stop early on a long flat ridge.
        var settled = false
        for _ in 0..<4 {
            guard let again = run(objective, from: found.point, step: 0.05, tolerance: polishTolerance) else { break }
            let improvement = again.value - found.value
            if again.value > found.value { found = again }
            if improvement <= 1e-11 * abs(found.value) { settled = true; break }
        }
        return Outcome(logParameters: found.point, logLikelihood: found.value, converged: found.converged && settled)
    }

    private func run(_ objective: Objective, from start: [Double], step: Double, tolerance: Double) -> (point: [Double], value: Double, converged: Bool)? {
        let count = start.count
        guard let optimizer = nlopt_create(NLOPT_LN_BOBYQA, UInt32(count)) else { return nil }
        defer { nlopt_destroy(optimizer) }
        var lowerBounds = [Double](repeating: lower, count: count)
        var upperBounds = [Double](repeating: upper, count: count)
        var steps = [Double](repeating: step, count: count)
        nlopt_set_lower_bounds(optimizer, &lowerBounds)
        nlopt_set_upper_bounds(optimizer, &upperBounds)
        nlopt_set_initial_step(optimizer, &steps)
        nlopt_set_ftol_rel(optimizer, tolerance)
        nlopt_set_xtol_rel(optimizer, tolerance * 1e2)
        if let absoluteTolerance { nlopt_set_ftol_abs(optimizer, absoluteTolerance) }
        if let stopAt { nlopt_set_stopval(optimizer, stopAt) }
        nlopt_set_maxeval(optimizer, Int32(maximumEvaluations))
        let context = Unmanaged.passUnretained(objective).toOpaque()
        nlopt_set_max_objective(optimizer, { count, point, _, context in
            let objective = Unmanaged<Objective>.fromOpaque(context!).takeUnretainedValue()
            let value = objective.function(Array(UnsafeBufferPointer(start: point, count: Int(count))))
            // Outside the domain: worse than any real likelihood, so the optimiser backs off.
            return value.isFinite ? value : -1e300
        }, context)
        var point = start.map { min(max($0, lower), upper) }
        var value = 0.0
        let result = nlopt_optimize(optimizer, &point, &value)
        guard value.isFinite, value > -1e300 else { return nil }
        let code = result.rawValue
        // 1…4: success, stopval, ftol, xtol. −4 (round-off limited) means the tolerance
        // asked for is below what the arithmetic resolves: the point is as good as it gets.
        let converged = (1...4).contains(code) || code == NLOPT_ROUNDOFF_LIMITED.rawValue
        return (point, value, converged)
    }

    /// The closure NLopt's C callback reaches through its context pointer.
    private final class Objective {
        let function: ([Double]) -> Double
        init(_ function: @escaping ([Double]) -> Double) { self.function = function }
    }
}
