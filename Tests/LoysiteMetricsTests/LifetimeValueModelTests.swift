import Foundation
import LoysiteSupport
import Testing
import LoysiteMetrics

/// The lifetime-value models' formulas against closed forms and an independent
/// implementation. The expected values of the BG/NBD and Gamma-Gamma tables were
/// computed once with the `lifetimes` Python package (pip install lifetimes; its
/// conditional expectations use scipy's hyp2f1) at the papers' CDNOW parameters, and
/// are committed here as numbers.
@Suite struct LifetimeValueModelTests {
    static func close(_ value: Double?, _ expected: Double, relative: Double = 1e-9) -> Bool {
        guard let value else { return false }
        return abs(value - expected) <= relative * max(abs(expected), 1e-12)
    }

    @Test func hypergeometricMatchesClosedForms() throws {
        // ₂F₁(1, 1; 2; z) = −ln(1 − z) / z.
        for z in [0.1, 0.5, 0.9, 0.999] {
            let value = try #require(logHypergeometric2F1(1, 1, 2, z))
            #expect(LifetimeValueModelTests.close(exp(value), -log(1 - z) / z))
        }
        // ₂F₁(a, b; b; z) = (1 − z)^(−a), with large a: terms far beyond Double's range.
        for (a, z) in [(3.5, 0.3), (400.0, 0.95), (2000.0, 0.999)] {
            let value = try #require(logHypergeometric2F1(a, 7.25, 7.25, z))
            #expect(LifetimeValueModelTests.close(value, -a * log(1 - z), relative: 1e-11))
        }
        #expect(logHypergeometric2F1(1, 1, 2, 1) == nil)
        #expect(logHypergeometric2F1(1, 1, 0, 0.5) == nil)
    }

    static let cdnow = BGNBDModel(r: 0.243, alpha: 4.414, a: 0.793, b: 2.426)

    /// (x, t_x, T, t, E[Y(t)], P(alive)) from lifetimes' BetaGeoFitter.
    static let occasions: [(Double, Double, Double, Double, Double, Double)] = [
        (0, 0, 39, 52, 0.25135803489443265, 1.0),
        (0, 0, 0.5, 52, 1.348887978745746, 1.0),
        (1, 10, 39, 52, 0.5341779053482206, 0.4372492104622598),
        (2, 30.43, 38.86, 52, 1.5587208064320972, 0.726578570080673),
        (7, 35, 39, 10, 1.3095366548525034, 0.8406589827265392),
        (29, 38, 39, 52, 24.161450877725162, 0.9510033703376298),
        (50, 38.5, 39, 52, 42.21234746312369, 0.9731446642938543),
        (3, 2, 40, 1000, 0.19308266006172067, 0.01039471138241686),
        (10, 5, 5, 500, 66.31765105577118, 0.9351010721008267),
        (1, 0.1, 0.2, 5000, 27.276690241082424, 0.7485586689327232),
    ]

    @Test(arguments: 0..<occasions.count)
    func conditionalExpectationsMatchLifetimes(_ index: Int) {
        let (x, recency, age, t, expected, alive) = LifetimeValueModelTests.occasions[index]
        let model = LifetimeValueModelTests.cdnow
        #expect(LifetimeValueModelTests.close(model.expectedOccasions(in: t, x: x, recency: recency, age: age), expected))
        #expect(LifetimeValueModelTests.close(model.probabilityAlive(x: x, recency: recency, age: age), alive, relative: 1e-12))
    }

    @Test func expectedSpendMatchesLifetimes() {
        let model = GammaGammaModel(p: 6.25, q: 3.74, gamma: 15.44)
        let cases: [(Double, Double, Double)] = [
            (0, 0, 35.21897810218978), (1, 11.77, 18.91685205784205), (2, 22.345, 24.659612860892388), (29, 299.63381, 295.6961142589271),
        ]
        for (x, m, expected) in cases {
            #expect(LifetimeValueModelTests.close(model.expectedSpend(x: x, meanSpend: m), expected, relative: 1e-12))
        }
    }

    @Test func expectedOccasionsGrowWithTheHorizon() throws {
        let model = LifetimeValueModelTests.cdnow
        var previous = 0.0
        for t in stride(from: 1.0, through: 200, by: 7) {
            let value = try #require(model.expectedOccasions(in: t, x: 4, recency: 20, age: 39))
            #expect(value > previous)
            previous = value
        }
    }
}

/// RFM scores and the R × F grid, through the orders accumulator.
@Suite struct RFMTests {
    /// Orders of (customer, day, amount) with calibration end `end`.
    static func value(_ orders: [(Int, Int, Int)], end: Int) -> CustomerValue {
        var accumulator = OrdersAccumulator(period: .month)
        for (index, order) in orders.enumerated() {
            try! accumulator.add(OrderLine(order: index, customer: order.0, day: order.1, amount: Money(order.2)))
        }
        return CustomerValue(accumulator, settings: CLVSettings(calibrationEnd: end, unit: .day))
    }

    @Test func equalValuesGetEqualScores() {
        // Ten customers, one order each on the same day: nobody is strictly worse than
        // anybody, so all score 1 for recency and frequency, none 5.
        let value = RFMTests.value((0..<10).map { ($0, 100, 10) }, end: 110)
        #expect(value.rfm.count == 25)
        #expect(value.rfm[0].customers == 10)
        #expect(value.rfm[0].recency == 1 && value.rfm[0].frequency == 1)
        #expect(value.rfm.dropFirst().allSatisfy { $0.customers == 0 })
        #expect(value.rfm[0].revenue == Money(100))
    }

    @Test func scoresFollowTheSpecFormula() {
        // Five customers with 1…5 orders, the last on days 101…105: W(v) = 0…4 for both
        // recency and frequency, score = 1 + ⌊5·W/5⌋ = 1…5: the diagonal.
        var orders: [(Int, Int, Int)] = []
        for customer in 0..<5 {
            for k in 0...customer { orders.append((customer, 90 + customer * 2 + k * 0, 1)) }
            orders.append((customer, 101 + customer, 1))
        }
        let value = RFMTests.value(orders, end: 110)
        for score in 1...5 {
            #expect(value.rfm[(score - 1) * 5 + score - 1].customers == 1)
        }
        #expect(value.rfm.map(\.customers).reduce(0, +) == 5)
    }

    @Test func fewerThanTwoRepeatCustomersIsAProblem() {
        let value = RFMTests.value([(0, 1, 5), (0, 8, 5), (1, 3, 5), (2, 4, 5)], end: 30)
        #expect(value.bgnbd == .failure(.tooFewRepeatCustomers(1)))
        #expect(value.gammaGamma == .failure(.tooFewRepeatCustomers(1)))
        #expect(value.probabilityAliveMean == nil && value.clvTotal == nil && value.deciles.isEmpty)
        #expect(value.customers == 3 && value.repeatCustomers == 1)
    }

    @Test func customersWhoNeverLeaveGiveABoundaryMaximum() throws {
        // 200 customers who each buy every 7 days until the calibration end: no sign of
        // dropout, so BG/NBD's likelihood rises as the dropout probability goes to 0.
        var orders: [(Int, Int, Int)] = []
        for customer in 0..<200 {
            let start = customer % 50
            for day in stride(from: start, through: 364, by: 7 + customer % 3) { orders.append((customer, day, 10 + customer % 7)) }
        }
        let value = RFMTests.value(orders, end: 364)
        guard case .failure(.boundary(let directions)) = value.bgnbd else {
            Issue.record("expected a boundary maximum, got \(value.bgnbd)")
            return
        }
        #expect(!directions.isEmpty)
        #expect(value.expectedOccasions == nil && value.clvMean == nil)
    }
}

@Suite struct CustomerLoyaltyIndexTests {
    @Test func meansOfTheAnsweredQuestions() {
        var index = CustomerLoyaltyIndex()
        index.add(recommend: 9, repurchase: 8, upsell: nil)
        index.add(recommend: 6, repurchase: nil, upsell: 3)
        index.add(recommend: 10, repurchase: 10, upsell: 5)
        #expect(index.recommend == 25.0 / 3)
        #expect(index.repurchase == 9)
        #expect(index.upsell == 4)
        let expected: Double = (25.0 / 3 + 9 + 4) / 3
        #expect(index.index == expected)
    }

    @Test func noAnswersNoIndex() {
        var index = CustomerLoyaltyIndex()
        index.add(recommend: 9, repurchase: 8, upsell: nil)
        #expect(index.upsell == nil && index.index == nil)
    }

    @Test func responsesCarryTheIndexOverallPerPeriodAndSegment() {
        var accumulator = ResponsesAccumulator(period: .month)
        accumulator.asksLoyaltyQuestions = true
        accumulator.add(score: 10, day: 0, segment: "web", repurchase: 8, upsell: 6)
        accumulator.add(score: 4, day: 40, segment: "shop", repurchase: 2, upsell: nil)
        let metrics = accumulator.metrics(rows: 2)
        let expected: Double = (7.0 + 5 + 6) / 3
        #expect(metrics.overallLoyalty?.index == expected)
        #expect(metrics.periods.map { $0.loyalty?.recommend } == [10, 4])
        #expect(metrics.segments.map(\.name) == ["shop", "web"])
        #expect(metrics.segments[0].loyalty?.index == nil)
        #expect(metrics.figure(named: "cli", period: "last")?.value == nil)
        #expect(metrics.figure(named: "cli_repurchase", period: "last")?.value == 2)
        #expect(metrics.figure(named: "cli")?.value == 6)
    }
}
