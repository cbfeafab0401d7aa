import Foundation
import LoysiteContent
import LoysiteMetrics
import LoysiteSupport
import Testing

/// The UCI Online Retail export (541,909 rows), checked against a separate, deliberately
/// simple computation: lines split on commas, Foundation `Decimal` for money, month keys
/// cut from the ISO date text, plain dictionaries and sets. It shares no code with the
/// loader or the metrics module.
@Suite struct DatasetsRealExportTests {
    static let export = packageRoot.appendingPathComponent("../shared/data/online-retail/online-retail.csv").standardizedFileURL
    static let exportExists = FileManager.default.fileExists(atPath: export.path)

    /// The sidecar for the export: InvoiceNo is the order, CustomerID the customer,
    /// Quantity × UnitPrice the amount, InvoiceDate (ISO `yyyy-MM-dd HH:mm:ss`) the date.
    static let sidecar = """
        # UCI Online Retail (Chen, 2015; CC BY 4.0), see shared/data/online-retail/README.md
        kind: orders
        columns:
          order: InvoiceNo
          customer: CustomerID
          date: InvoiceDate
          quantity: Quantity
          price: UnitPrice
        period: month
        """

    struct Expected {
        var rows = 0
        var rowsWithoutCustomer = 0
        var customers = 0
        var orders = 0
        var revenue = Decimal(0)
        var returnOrders = 0
        var returnsAmount = Decimal(0)
        var repeatCustomers = 0
        var oneTimeCustomers = 0
        var months: [String] = []
        var active: [Int] = []
        var new: [Int] = []
        var retention: [Double?] = []
        var monthRevenue: [Decimal] = []
        var cohortRetention: [[Double?]] = []
    }

    /// The independent computation.
    static func expected() throws -> Expected {
        let text = try String(contentsOf: export, encoding: .utf8)
        var lines = text.split(separator: "\n", omittingEmptySubsequences: true)
        lines.removeFirst() // header
        var e = Expected()
        e.rows = lines.count
        var orderAmount: [Substring: Decimal] = [:]
        var orderCustomer: [Substring: Substring] = [:]
        var orderDate: [Substring: Substring] = [:]
        for line in lines {
            // Description may hold quoted commas; every other field is plain, so the
            // invoice is the first field and the last five are fixed.
            let fields = line.split(separator: ",", omittingEmptySubsequences: false)
            let invoice = fields[0]
            let quantity = fields[fields.count - 5], date = fields[fields.count - 4]
            let price = fields[fields.count - 3], customer = fields[fields.count - 2]
            precondition(!fields[fields.count - 1].contains("\""), "a quoted Country would break this simple split")
            if customer.isEmpty { e.rowsWithoutCustomer += 1; continue }
            let amount = Decimal(string: String(quantity))! * Decimal(string: String(price))!
            orderAmount[invoice, default: 0] += amount
            orderCustomer[invoice] = customer
            if let earlier = orderDate[invoice], earlier <= date { continue }
            orderDate[invoice] = date // ISO text sorts as time does
        }
        var ordersPerCustomer: [Substring: Int] = [:]
        var activeByMonth: [String: Set<Substring>] = [:]
        var revenueByMonth: [String: Decimal] = [:]
        var firstMonth: [Substring: String] = [:]
        for (invoice, amount) in orderAmount {
            if amount <= 0 {
                e.returnOrders += 1
                e.returnsAmount += amount
                continue
            }
            let customer = orderCustomer[invoice]!
            let month = String(orderDate[invoice]!.prefix(7))
            e.orders += 1
            e.revenue += amount
            ordersPerCustomer[customer, default: 0] += 1
            activeByMonth[month, default: []].insert(customer)
            revenueByMonth[month, default: 0] += amount
            if let first = firstMonth[customer], first <= month { continue }
            firstMonth[customer] = month
        }
        e.customers = ordersPerCustomer.count
        e.repeatCustomers = ordersPerCustomer.values.filter { $0 >= 2 }.count
        e.oneTimeCustomers = ordersPerCustomer.values.filter { $0 == 1 }.count
        // Every month from the first to the last, by counting year and month.
        let sorted = activeByMonth.keys.sorted()
        var year = Int(sorted.first!.prefix(4))!, month = Int(sorted.first!.suffix(2))!
        while true {
            let key = String(format: "%04d-%02d", year, month)
            e.months.append(key)
            if key == sorted.last! { break }
            month += 1
            if month == 13 { month = 1; year += 1 }
        }
        for (index, key) in e.months.enumerated() {
            let active = activeByMonth[key] ?? []
            e.active.append(active.count)
            e.new.append(firstMonth.values.filter { $0 == key }.count)
            e.monthRevenue.append(revenueByMonth[key] ?? 0)
            if index == 0 {
                e.retention.append(nil)
            } else {
                let previous = activeByMonth[e.months[index - 1]] ?? []
                e.retention.append(previous.isEmpty ? nil : Double(previous.intersection(active).count) / Double(previous.count))
            }
            let cohort = Set(firstMonth.filter { $0.value == key }.map(\.key))
            e.cohortRetention.append(e.months[index...].map { later in
                cohort.isEmpty ? nil : Double(cohort.intersection(activeByMonth[later] ?? []).count) / Double(cohort.count)
            })
        }
        return e
    }

    static func close(_ a: Double?, _ b: Double) -> Bool {
        guard let a else { return false }
        return abs(a - b) <= 1e-12 * max(1, abs(b))
    }

    @Test(.enabled(if: exportExists, "the real export is not at ../shared/data/online-retail/online-retail.csv; skipped"))
    func figuresMatchAnIndependentComputation() throws {
        let fixture = try DatasetsFixture(["online-retail.yml": Self.sidecar])
        try fixture.copy("online-retail.csv", from: Self.export)
        let (dataset, messages) = try fixture.loadOne()
        #expect(messages.isEmpty)
        let metrics = try #require(dataset.orders)
        let e = try Self.expected()

        // The README's published facts, as a check on the simple computation too.
        #expect(e.rows == 541_909)
        #expect(e.rowsWithoutCustomer == 135_080)

        #expect(dataset.rows == e.rows)
        #expect(metrics.rows == e.rows)
        #expect(metrics.rowsWithoutCustomer == e.rowsWithoutCustomer)
        #expect(metrics.customers == e.customers)
        #expect(metrics.orders == e.orders)
        #expect(Decimal(string: metrics.revenue.description) == e.revenue)
        #expect(metrics.returnOrders == e.returnOrders)
        #expect(Decimal(string: metrics.returnsAmount.description) == e.returnsAmount)
        #expect(metrics.repeatCustomers == e.repeatCustomers)
        #expect(metrics.oneTimeCustomers == e.oneTimeCustomers)
        let revenue = NSDecimalNumber(decimal: e.revenue).doubleValue
        #expect(Self.close(metrics.averageOrderValue, revenue / Double(e.orders)))
        #expect(Self.close(metrics.purchaseFrequency, Double(e.orders) / Double(e.customers)))
        #expect(Self.close(metrics.revenuePerCustomer, revenue / Double(e.customers)))
        #expect(Self.close(metrics.repeatPurchaseRate, Double(e.repeatCustomers) / Double(e.customers)))
        #expect(Self.close(metrics.repurchaseRatio, Double(e.repeatCustomers) / Double(e.oneTimeCustomers)))

        #expect(metrics.periods.map(\.period) == e.months)
        #expect(metrics.periods.map(\.activeCustomers) == e.active)
        #expect(metrics.periods.map(\.newCustomers) == e.new)
        #expect(metrics.periods.map(\.retentionRate) == e.retention)
        #expect(metrics.periods.map { Decimal(string: $0.revenue.description)! } == e.monthRevenue)
        #expect(metrics.cohorts.map(\.retention) == e.cohortRetention)
        #expect(metrics.cohorts.map(\.cohort) == e.months)
    }
}
