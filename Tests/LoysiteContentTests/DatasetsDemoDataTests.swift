import Foundation
import LoysiteContent
import LoysiteMetrics
import LoysiteSupport
import Testing

/// The project's own demo datasets (content/data/, SYNTHETIC, from
/// scripts/generate-demo-data.py) load cleanly and do not trip the alerts a site would
/// set on them.
@Suite struct DatasetsDemoDataTests {
    @Test func demoDatasetsLoadWithoutProblems() throws {
        let result = DatasetLoader.loadAll(root: packageRoot, defaultPeriod: .month)
        #expect(result.diagnostics.map(\.description) == [])
        #expect(result.datasets.map(\.name).contains("orders"))
        #expect(result.datasets.map(\.name).contains("nps-responses"))
    }

    @Test func ordersLookLikeTwoYearsOfAShop() throws {
        let result = DatasetLoader.loadAll(root: packageRoot, defaultPeriod: .month)
        let orders = try #require(result.datasets.first { $0.name == "orders" }?.orders)
        #expect(orders.periods.first?.period == "2025-01")
        #expect(orders.periods.last?.period == "2026-12")
        #expect(orders.customers > 2_000 && orders.customers < 6_000)
        #expect(orders.returnOrders > 0)
        #expect(orders.rowsWithoutCustomer > 0)
        // Retention decays with cohort age: a year on, every full cohort keeps fewer customers than a month on.
        for cohort in orders.cohorts where cohort.retention.count > 12 {
            #expect(cohort.retention[12]! < cohort.retention[1]!)
        }
        // December sells more than the January after it.
        let revenue = Dictionary(uniqueKeysWithValues: orders.periods.map { ($0.period, $0.revenue) })
        #expect(revenue["2025-12"]! > revenue["2026-01"]!)
    }

    @Test func npsImprovesAndTripsNoAlert() throws {
        let result = DatasetLoader.loadAll(root: packageRoot, defaultPeriod: .month)
        let dataset = try #require(result.datasets.first { $0.name == "nps-responses" })
        let last = try #require(dataset.figure(named: "nps", period: "last"))
        #expect(last.period == "2026-12")
        // alerts: below 30, drop_more_than 5 (month over month).
        #expect(try #require(last.value) >= 30)
        #expect(try #require(last.change) >= -5)
        let monthly = try #require(dataset.responses).periods.compactMap(\.tally.nps)
        #expect(monthly.count == 24)
        for (previous, current) in zip(monthly, monthly.dropFirst()) { #expect(current >= previous - 5) }
        #expect(monthly.last! > monthly.first! + 10)
        #expect(dataset.responses?.segments.map(\.name) == ["app", "store", "web"])
    }
}
