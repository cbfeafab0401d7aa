import Foundation

/// The BG/NBD model of purchase occasions (Fader, Hardie & Lee 2005, "Counting your
/// customers the easy way", Marketing Science 24(2)): while alive a customer buys as a
/// Poisson process of rate λ ~ Gamma(r, α); after each purchase they drop out with
/// probability p ~ Beta(a, b), unseen.
public struct BGNBDModel: Sendable, Equatable {
    public var r: Double
    public var alpha: Double
    public var a: Double
    public var b: Double

    public init(r: Double, alpha: Double, a: Double, b: Double) {
        self.r = r
        self.alpha = alpha
        self.a = a
        self.b = b
    }

    /// Σ ln L over the customers of `groups` (SPEC §2's L), computed once per group.
    func logLikelihood(_ groups: RecencyFrequencyGroups) -> Double {
        let logBetaAB = logBeta(a, b)
        let base = -logGamma(r) + r * log(alpha)
        // Terms of one x: ln Γ(r+x) − ln Γ(r) + r ln α, ln B(a, b+x) − ln B(a, b),
        // ln B(a+1, b+x−1) − ln B(a, b).
        var shared = [Double](repeating: 0, count: groups.xValues.count)
        var alive = [Double](repeating: 0, count: groups.xValues.count)
        var dropped = [Double](repeating: 0, count: groups.xValues.count)
        for (index, x) in groups.xValues.enumerated() {
            shared[index] = logGamma(r + x) + base
            alive[index] = logBeta(a, b + x) - logBetaAB
            dropped[index] = x > 0 ? logBeta(a + 1, b + x - 1) - logBetaAB : -.infinity
        }
        let logAge = groups.ageValues.map { log(alpha + $0) }
        let logRecency = groups.recencyValues.map { log(alpha + $0) }
        var total = 0.0
        for group in 0..<groups.groups {
            let xi = Int(groups.groupX[group])
            let power = r + groups.xValues[xi]
            let first = alive[xi] - power * logAge[Int(groups.groupAge[group])]
            var value = first
            if groups.xValues[xi] > 0 {
                let second = dropped[xi] - power * logRecency[Int(groups.groupRecency[group])]
                // ln(e^first + e^second) without overflow.
                value = max(first, second) + log1p(exp(-abs(first - second)))
            }
            total += groups.groupCount[group] * (shared[xi] + value)
        }
        return total
    }

    /// a/(b+x−1) · ((α+T)/(α+t_x))^(r+x) for x > 0, else 0: the odds that the customer
    /// has dropped out after their last purchase, relative to being alive.
    private func dropoutOdds(x: Double, recency: Double, age: Double) -> Double {
        guard x > 0 else { return 0 }
        return a / (b + x - 1) * exp((r + x) * (log(alpha + age) - log(alpha + recency)))
    }

    /// P(alive | x, t_x, T).
    public func probabilityAlive(x: Double, recency: Double, age: Double) -> Double {
        1 / (1 + dropoutOdds(x: x, recency: recency, age: age))
    }

    /// E[Y(t) | x, t_x, T], the paper's eq. 10: expected occasions in the next t units.
    /// nil when the hypergeometric series does not converge.
    public func expectedOccasions(in t: Double, x: Double, recency: Double, age: Double) -> Double? {
        guard t > 0 else { return 0 }
        let z = t / (alpha + age + t)
        guard let logSeries = logHypergeometric2F1(r + x, b + x, a + b + x - 1, z) else { return nil }
        let survival = exp((r + x) * log((alpha + age) / (alpha + age + t)) + logSeries)
        let value = (a + b + x - 1) / (a - 1) * (1 - survival) / (1 + dropoutOdds(x: x, recency: recency, age: age))
        return value.isFinite ? value : nil
    }
}

extension BGNBDModel {
    /// A maximum-likelihood fit.
    public struct Fit: Sendable, Equatable {
        public var model: BGNBDModel
        public var logLikelihood: Double
    }

    /// Fits r, α, a, b by maximum likelihood over log-parameters from several starts;
    /// a fit with fewer than 2 repeat customers, without convergence or with a maximum
    /// on the boundary is a `FitProblem`.
    static func fit(_ groups: RecencyFrequencyGroups) -> Result<Fit, FitProblem> {
        guard groups.repeatCustomers >= 2 else { return .failure(.tooFewRepeatCustomers(groups.repeatCustomers)) }
        // α is a time scale: optimised relative to the customers' mean age.
        let scale = max(groups.meanAge, 1e-9)
        func model(_ point: [Double]) -> BGNBDModel {
            BGNBDModel(r: exp(point[0]), alpha: exp(point[1]) * scale, a: exp(point[2]), b: exp(point[3]))
        }
        let maximizer = LikelihoodMaximizer(starts: [
            [0, log(0.1), 0, 0],
            [log(0.3), log(0.5), log(0.5), log(3)],
            [log(3), log(2), log(2), log(10)],
        ])
        guard let outcome = maximizer.maximize({ model($0).logLikelihood(groups) }) else { return .failure(.notConverged) }
        // A ridge to the boundary also keeps the optimiser from settling: check it first.
        if let problem = BoundaryCheck(maximizer: maximizer, names: ["r", "alpha", "a", "b"]).problem(at: outcome, { model($0).logLikelihood(groups) }) {
            return .failure(problem)
        }
        guard outcome.converged else { return .failure(.notConverged) }
        return .success(Fit(model: model(outcome.logParameters), logLikelihood: outcome.logLikelihood))
    }
}
