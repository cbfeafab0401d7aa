import Foundation
import LoysiteSupport

/// Customer lifetime value and RFM of an orders dataset (SPEC §2, "Customer lifetime
/// value and RFM"): the two model fits, the per-customer predictions summed up, the
/// deciles of value and the R × F grid.
package struct CustomerValue: Sendable, Equatable {
    package var settings: CLVSettings
    /// Customers with a counted order up to the calibration end.
    package var customers = 0
    /// Those with x > 0.
    package var repeatCustomers = 0
    /// Those with x > 0 and m > 0: the spend model's customers.
    package var spendCustomers = 0
    package var bgnbd: Result<BGNBDModel.Fit, FitProblem>
    package var gammaGamma: Result<GammaGammaModel.Fit, FitProblem>
    /// Σ E[Y(horizon)]; nil without a BG/NBD fit.
    package var expectedOccasions: Double?
    package var probabilityAliveMean: Double?
    /// Σ clv and its mean; nil without both fits.
    package var clvTotal: Double?
    package var clvMean: Double?
    /// Ten deciles of customers by clv, highest first; empty without both fits.
    package var deciles: [Decile] = []
    /// All 25 cells of the R × F grid.
    package var rfm: [RFMCell] = []
    /// Customers whose E[Y] could not be evaluated (the hypergeometric series did not
    /// converge); their predictions make the sums nil.
    package var unevaluatedCustomers = 0

    package struct Decile: Sendable, Equatable {
        package var decile: Int
        package var customers: Int
        package var clvMean: Double?
        package var clvShare: Double?
        package var probabilityAliveMean: Double?
    }

    /// Fits the models and predicts, from the counted orders of `accumulator`.
    ///
    /// - Parameter customerRank: per interned customer id, its position in customer-id
    ///   order: breaks ties of clv in the deciles (SPEC: ties by customer id). Without
    ///   it, ties keep first-seen order.
    package init(_ accumulator: OrdersAccumulator, settings: CLVSettings, customerRank: [Int32]? = nil) {
        self.settings = settings
        let history = PurchaseHistory(accumulator, calibrationEnd: settings.calibrationEnd)
        let groups = RecencyFrequencyGroups(history, unitDays: settings.unit.days)
        let spend = SpendGroups(history)
        customers = history.count
        repeatCustomers = groups.repeatCustomers
        spendCustomers = spend.customers
        // The two fits are independent: one on each core.
        let fits = Parallel.map([0, 1]) { job -> IndependentFit in
            job == 0 ? .occasions(BGNBDModel.fit(groups)) : .spend(GammaGammaModel.fit(spend))
        }
        guard case .occasions(let occasionsResult) = fits[0], case .spend(let spendResult) = fits[1] else { fatalError("fits in job order") }
        bgnbd = occasionsResult
        gammaGamma = spendResult
        rfm = RFMCell.grid(RFMScores(history), history: history)
        guard case .success(let occasionsFit) = bgnbd, customers > 0 else { return }

        // Per group: P(alive), E[Y(horizon)] and the discounted sum of the expected
        // occasions per unit (equal to E[Y(horizon)] without discounting).
        let model = occasionsFit.model
        var alive = [Double](repeating: 0, count: groups.groups)
        var occasions = [Double](repeating: .nan, count: groups.groups)
        var presentOccasions = [Double](repeating: .nan, count: groups.groups)
        let horizon = Double(settings.horizon)
        let discount = settings.discountRate
        for group in 0..<groups.groups {
            let x = groups.xValues[Int(groups.groupX[group])]
            let recency = groups.recencyValues[Int(groups.groupRecency[group])]
            let age = groups.ageValues[Int(groups.groupAge[group])]
            alive[group] = model.probabilityAlive(x: x, recency: recency, age: age)
            guard let total = model.expectedOccasions(in: horizon, x: x, recency: recency, age: age) else { continue }
            occasions[group] = total
            if discount == 0 {
                presentOccasions[group] = total
                continue
            }
            var sum = 0.0, previous = 0.0, factor = 1.0
            for unit in 1...max(settings.horizon, 1) {
                factor /= 1 + discount
                guard let cumulative = model.expectedOccasions(in: Double(unit), x: x, recency: recency, age: age) else {
                    sum = .nan
                    break
                }
                sum += (cumulative - previous) * factor
                previous = cumulative
            }
            presentOccasions[group] = sum
        }
        var occasionsSum = 0.0, aliveSum = 0.0
        for customer in 0..<customers {
            let group = Int(groups.customerGroup[customer])
            occasionsSum += occasions[group]
            aliveSum += alive[group]
            if !presentOccasions[group].isFinite { unevaluatedCustomers += 1 }
        }
        probabilityAliveMean = aliveSum / Double(customers)
        expectedOccasions = occasionsSum.isFinite ? occasionsSum : nil

        guard case .success(let spendFit) = gammaGamma, unevaluatedCustomers == 0 else { return }
        var clv = [Double](repeating: 0, count: customers)
        var clvSum = 0.0
        for customer in 0..<customers {
            let x = Double(history.repeatOccasions[customer])
            let expectedSpend = spendFit.model.expectedSpend(x: x, meanSpend: history.meanRepeatSpend[customer])
            clv[customer] = expectedSpend * presentOccasions[Int(groups.customerGroup[customer])]
            clvSum += clv[customer]
        }
        guard clvSum.isFinite else { return }
        clvTotal = clvSum
        clvMean = clvSum / Double(customers)

        // Highest clv first, ties by customer id.
        let rank: (Int) -> Int32 = { customer in
            let id = history.customer[customer]
            if let customerRank, Int(id) < customerRank.count { return customerRank[Int(id)] }
            return id
        }
        let order = (0..<customers).sorted { left, right in
            clv[left] != clv[right] ? clv[left] > clv[right] : rank(left) < rank(right)
        }
        var members = [Int](repeating: 0, count: 10)
        var decileClv = [Double](repeating: 0, count: 10)
        var decileAlive = [Double](repeating: 0, count: 10)
        for (position, customer) in order.enumerated() {
            let decile = 10 * position / customers
            members[decile] += 1
            decileClv[decile] += clv[customer]
            decileAlive[decile] += alive[Int(groups.customerGroup[customer])]
        }
        deciles = (0..<10).map { index in
            let count = members[index]
            return Decile(
                decile: index + 1, customers: count,
                clvMean: count > 0 ? decileClv[index] / Double(count) : nil,
                clvShare: clvSum != 0 ? decileClv[index] / clvSum : nil,
                probabilityAliveMean: count > 0 ? decileAlive[index] / Double(count) : nil)
        }
    }

    package var bgnbdFit: BGNBDModel.Fit? { try? bgnbd.get() }

    private enum IndependentFit: Sendable {
        case occasions(Result<BGNBDModel.Fit, FitProblem>)
        case spend(Result<GammaGammaModel.Fit, FitProblem>)
    }
    package var gammaGammaFit: GammaGammaModel.Fit? { try? gammaGamma.get() }
}
