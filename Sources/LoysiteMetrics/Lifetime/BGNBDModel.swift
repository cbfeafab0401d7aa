import Foundation

/// The BG/NBD model of purchase occasions (Fader, Hardie & Lee 2005, "Counting your
/// customers the easy way", Marketing Science 24(2)): while alive a customer buys as a
/// Poisson process of rate λ ~ Gamma(r, α); after each purchase they drop out with
/// probability p ~ Beta(a, b), unseen.
package struct BGNBDModel: Sendable, Equatable {
    package var r: Double
    package var alpha: Double
    package var a: Double
    package var b: Double

    package init(r: Double, alpha: Double, a: Double, b: Double) {
        self.r = r
        self.alpha = alpha
        self.a = a
        self.b = b
    }

    /// Σ ln L over the customers of `groups` (SPEC §2's L), computed once per group.
    ///
    /// With B = ln Γ(r+x) − ln Γ(r) + r ln α + ln B(a, b+x) − ln B(a, b) − (r+x) ln α,
    /// ln L = B + ln(e₁ + e₂), e₁ = (α/(α+T))^(r+x) and
    /// e₂ = a/(b+x−1) · (α/(α+t_x))^(r+x) [x > 0]. e₁ depends only on (x, T) and e₂ on
    /// (x, t_x), so both are computed once per distinct pair, leaving one logarithm per
    /// group. Where (r+x) ln((α+T)/α) is so large that e₁ or e₂ would underflow, that x's
    /// groups take the exact log-sum-exp path instead.
    func logLikelihood(_ groups: RecencyFrequencyGroups) -> Double {
        let logBetaAB = logBeta(a, b)
        let logAlpha = log(alpha)
        let maximumAge = groups.ageValues.max() ?? 0
        let xCount = groups.xValues.count
        var base = [Double](repeating: 0, count: xCount)
        var alive = [Double](repeating: 0, count: xCount)
        var dropout = [Double](repeating: -.infinity, count: xCount)
        var safe = [Bool](repeating: true, count: xCount)
        let stretch = log(alpha + maximumAge) - logAlpha
        for (index, x) in groups.xValues.enumerated() {
            alive[index] = logBeta(a, b + x) - logBetaAB
            base[index] = logGamma(r + x) - logGamma(r) + r * logAlpha + alive[index] - (r + x) * logAlpha
            // ln B(a+1, b+x−1) − ln B(a, b+x) = ln(a / (b+x−1)).
            if x > 0 { dropout[index] = log(a / (b + x - 1)) }
            safe[index] = (r + x) * stretch < 600 && abs(dropout[index].isFinite ? dropout[index] : 0) < 300
        }
        let logAge = groups.ageValues.map { log(alpha + $0) }
        let logRecency = groups.recencyValues.map { log(alpha + $0) }
        var ageTerm = [Double](repeating: 0, count: groups.agePairX.count)
        for pair in ageTerm.indices {
            let xi = Int(groups.agePairX[pair])
            guard safe[xi] else { continue }
            ageTerm[pair] = exp(-(r + groups.xValues[xi]) * (logAge[Int(groups.agePairAge[pair])] - logAlpha))
        }
        var recencyTerm = [Double](repeating: 0, count: groups.recencyPairX.count)
        for pair in recencyTerm.indices {
            let xi = Int(groups.recencyPairX[pair])
            guard safe[xi], groups.xValues[xi] > 0 else { continue }
            recencyTerm[pair] = exp(dropout[xi] - (r + groups.xValues[xi]) * (logRecency[Int(groups.recencyPairRecency[pair])] - logAlpha))
        }
        var total = 0.0
        for group in 0..<groups.groups {
            let xi = Int(groups.groupX[group])
            let value: Double
            if safe[xi] {
                value = base[xi] + log(ageTerm[Int(groups.groupAgePair[group])] + recencyTerm[Int(groups.groupRecencyPair[group])])
            } else {
                let power = r + groups.xValues[xi]
                let first = -power * (logAge[Int(groups.groupAge[group])] - logAlpha)
                let second = dropout[xi] - power * (logRecency[Int(groups.groupRecency[group])] - logAlpha)
                // ln(e^first + e^second) without overflow (second is −∞ for x = 0).
                let larger = max(first, second)
                value = base[xi] + larger + log1p(exp(min(first, second) - larger))
            }
            total += groups.groupCount[group] * value
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
    package func probabilityAlive(x: Double, recency: Double, age: Double) -> Double {
        1 / (1 + dropoutOdds(x: x, recency: recency, age: age))
    }

    /// E[Y(t) | x, t_x, T], the paper's eq. 10: expected occasions in the next t units.
    /// nil when the hypergeometric series does not converge.
    package func expectedOccasions(in t: Double, x: Double, recency: Double, age: Double) -> Double? {
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
    package struct Fit: Sendable, Equatable {
        package var model: BGNBDModel
        package var logLikelihood: Double
    }

    /// Fits r, α, a, b by maximum likelihood over log-parameters from several starts;
    /// a fit with fewer than 2 repeat customers, without convergence or with a maximum
    /// on the boundary is a `FitProblem`.
    static func fit(_ groups: RecencyFrequencyGroups) -> Result<Fit, FitProblem> {
        guard groups.repeatCustomers >= 2 else { return .failure(.tooFewRepeatCustomers(groups.repeatCustomers)) }
        // α is a time scale: optimised relative to the customers' mean age.
        let scale = max(groups.meanAge, 1e-9)
        @Sendable func model(_ point: [Double]) -> BGNBDModel {
            BGNBDModel(r: exp(point[0]), alpha: exp(point[1]) * scale, a: exp(point[2]), b: exp(point[3]))
        }
        let maximizer = LikelihoodMaximizer(starts: [
            [0, log(0.1), 0, 0],
            [log(0.3), log(0.5), log(0.5), log(3)],
            [log(3), log(2), log(2), log(10)],
        ])
        let outcome: LikelihoodMaximizer.Outcome
        switch maximizer.fitInside(names: ["r", "alpha", "a", "b"], { model($0).logLikelihood(groups) }) {
        case .success(let value): outcome = value
        case .failure(let problem): return .failure(problem)
        }
        return .success(Fit(model: model(outcome.logParameters), logLikelihood: outcome.logLikelihood))
    }
}
