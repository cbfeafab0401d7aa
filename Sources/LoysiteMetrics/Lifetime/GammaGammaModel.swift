import Foundation

/// The Gamma-Gamma model of spend per occasion (Fader, Hardie & Lee 2005, "RFM and CLV:
/// using iso-value curves", JMR 42(4)): a customer's occasions are Gamma(p, ν) around
/// their own mean, with ν ~ Gamma(q, γ) across customers, independent of how often they buy.
package struct GammaGammaModel: Sendable, Equatable {
    package var p: Double
    package var q: Double
    package var gamma: Double

    package init(p: Double, q: Double, gamma: Double) {
        self.p = p
        self.q = q
        self.gamma = gamma
    }

    /// Σ ln f(m | x) over the customers of `groups` (SPEC §2's f).
    func logLikelihood(_ groups: SpendGroups) -> Double {
        let logGammaQ = logGamma(q)
        let qLogGamma = q * log(gamma)
        var total = 0.0
        for (index, x) in groups.xValues.enumerated() {
            let px = p * x
            let customers = groups.customersWithX[index]
            total += customers * (logGamma(px + q) - logGamma(px) - logGammaQ + qLogGamma + px * log(x))
                + (px - 1) * groups.logSpendSumWithX[index]
        }
        for group in 0..<groups.groups {
            let x = groups.xValues[Int(groups.groupX[group])]
            total -= groups.groupCount[group] * (p * x + q) * log(gamma + groups.groupSpend[group] * x)
        }
        return total
    }

    /// E[M | x, m]: the expected spend per future occasion, a weighted mean of the
    /// population mean γp/(q−1) and the customer's own mean m.
    package func expectedSpend(x: Double, meanSpend m: Double) -> Double {
        let populationMean = gamma * p / (q - 1)
        guard x > 0 else { return populationMean }
        let weight = p * x / (p * x + q - 1)
        return (1 - weight) * populationMean + weight * m
    }
}

extension GammaGammaModel {
    package struct Fit: Sendable, Equatable {
        package var model: GammaGammaModel
        package var logLikelihood: Double
    }

    /// Fits p, q, γ by maximum likelihood over the customers with x > 0 and m > 0.
    static func fit(_ groups: SpendGroups) -> Result<Fit, FitProblem> {
        guard groups.customers >= 2 else { return .failure(.tooFewRepeatCustomers(groups.customers)) }
        // γ is a money scale: optimised relative to the mean spend.
        let scale = max(groups.meanSpend, 1e-12)
        @Sendable func model(_ point: [Double]) -> GammaGammaModel {
            GammaGammaModel(p: exp(point[0]), q: exp(point[1]), gamma: exp(point[2]) * scale)
        }
        let maximizer = LikelihoodMaximizer(starts: [
            [0, 0, 0],
            [log(5), log(3), log(0.5)],
            [log(0.5), log(10), log(5)],
        ])
        let outcome: LikelihoodMaximizer.Outcome
        switch maximizer.fitInside(names: ["p", "q", "gamma"], { model($0).logLikelihood(groups) }) {
        case .success(let value): outcome = value
        case .failure(let problem): return .failure(problem)
        }
        let fitted = model(outcome.logParameters)
        guard fitted.q > 1 else { return .failure(.unboundedMeanSpend(q: fitted.q)) }
        return .success(Fit(model: fitted, logLikelihood: outcome.logLikelihood))
    }
}

/// The customers the spend model learns from (x > 0, m > 0), grouped where (x, m) are
/// equal; per distinct x, the count and Σ ln m, so the terms that depend only on x are
/// computed once per x.
struct SpendGroups: Sendable {
    var xValues: [Double] = []
    var customersWithX: [Double] = []
    var logSpendSumWithX: [Double] = []
    var groupX: [Int32] = []
    var groupSpend: [Double] = []
    var groupCount: [Double] = []
    var customers = 0
    var meanSpend = 0.0

    init(_ history: PurchaseHistory) {
        var xIndex: [Int32: Int32] = [:]
        var groupIndex: [SpendKey: Int32] = [:]
        var spendSum = 0.0
        for customer in 0..<history.count {
            let x = history.repeatOccasions[customer]
            let m = history.meanRepeatSpend[customer]
            guard x > 0, m > 0 else { continue }
            customers += 1
            spendSum += m
            let xi: Int32
            if let found = xIndex[x] {
                xi = found
            } else {
                xi = Int32(xValues.count)
                xIndex[x] = xi
                xValues.append(Double(x))
                customersWithX.append(0)
                logSpendSumWithX.append(0)
            }
            customersWithX[Int(xi)] += 1
            logSpendSumWithX[Int(xi)] += log(m)
            let key = SpendKey(x: x, spend: m.bitPattern)
            if let group = groupIndex[key] {
                groupCount[Int(group)] += 1
            } else {
                groupIndex[key] = Int32(groupCount.count)
                groupX.append(xi)
                groupSpend.append(m)
                groupCount.append(1)
            }
        }
        meanSpend = customers > 0 ? spendSum / Double(customers) : 0
    }

    var groups: Int { groupCount.count }

    private struct SpendKey: Hashable {
        var x: Int32
        var spend: UInt64
    }
}
