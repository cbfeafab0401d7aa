import LoysiteSupport
import Testing
import LoysiteMetrics

/// Builds order lines from readable ids, interning them as the loader does.
struct OrderBook {
    var orderIds: [String: Int] = [:]
    var customerIds: [String: Int] = [:]
    var lines: [OrderLine] = []
    var rowsWithoutCustomer = 0

    mutating func add(_ order: String, _ customer: String?, _ date: String, _ amount: String) {
        guard let customer else { rowsWithoutCustomer += 1; return }
        let orderIndex = orderIds[order] ?? orderIds.count
        orderIds[order] = orderIndex
        let customerIndex = customerIds[customer] ?? customerIds.count
        customerIds[customer] = customerIndex
        lines.append(OrderLine(order: orderIndex, customer: customerIndex, day: day(date), amount: parseMoney(amount)))
    }

    func metrics(_ period: Period) throws -> OrdersMetrics {
        try OrdersMetrics.compute(lines: lines, rowsWithoutCustomer: rowsWithoutCustomer, period: period)
    }
}

/// "-12.25" → Money, for fixtures only.
func parseMoney(_ text: String) -> Money {
    let negative = text.hasPrefix("-")
    let body = negative ? String(text.dropFirst()) : text
    let parts = body.split(separator: ".", omittingEmptySubsequences: false)
    let digits = parts.count == 2 ? parts[1].count : 0
    let significand = Int128(parts.joined())!
    return Money(significand: negative ? -significand : significand, fractionDigits: digits)!
}

/// The hand-checked monthly fixture. Expected figures are worked out in the comments.
func monthlyFixture() -> OrderBook {
    var book = OrderBook()
    book.add("o1", "A", "2026-01-05", "10.00")
    book.add("o1", "A", "2026-01-05", "5.50")   // o1: A, January, 15.50
    book.add("o2", "B", "2026-01-20", "20")     // o2: B, January, 20.00
    book.add("o3", "A", "2026-02-03", "1.10")
    book.add("o3", "A", "2026-02-03", "-1.10")  // o3: totals exactly 0 → a return
    book.add("o4", "A", "2026-03-10", "30")     // o4: A, March, 30.00
    book.add("o5", "C", "2026-03-15", "12.25")  // o5: C, March, 12.25
    book.add("o6", "B", "2026-03-31", "-5")     // o6: −5 → a return
    book.add("o7", "C", "2026-04-01", "7.75")
    book.add("o7", "C", "2026-03-31", "2.00")   // o7: earliest row is 03-31 → March, 9.75
    book.add("o8", "D", "2026-05-02", "40")     // o8: D, May, 40.00
    book.add("x1", nil, "2026-01-07", "99")     // no customer: left out of everything
    book.add("x2", nil, "2026-06-07", "99")     // (and does not extend the periods to June)
    return book
}

@Suite struct OrdersMetricsTests {
    @Test func headlineFigures() throws {
        let metrics = try monthlyFixture().metrics(.month)
        #expect(metrics.rows == 13)
        #expect(metrics.rowsWithoutCustomer == 2)
        // Counted: o1 15.50, o2 20, o4 30, o5 12.25, o7 9.75, o8 40 → 6 orders, 127.50.
        #expect(metrics.orders == 6)
        #expect(metrics.revenue.description == "127.5")
        // Returns: o3 (exactly 0) and o6 (−5).
        #expect(metrics.returnOrders == 2)
        #expect(metrics.returnsAmount.description == "-5")
        // A, B, C, D each have a counted order. A: o1, o4; B: o2; C: o5, o7; D: o8.
        #expect(metrics.customers == 4)
        #expect(metrics.repeatCustomers == 2)
        #expect(metrics.oneTimeCustomers == 2)
        #expect(metrics.averageOrderValue == 21.25)      // 127.5 / 6
        #expect(metrics.purchaseFrequency == 1.5)        // 6 / 4
        #expect(metrics.revenuePerCustomer == 31.875)    // 127.5 / 4
        #expect(metrics.repeatPurchaseRate == 0.5)       // 2 / 4
        #expect(metrics.repurchaseRatio == 1.0)          // 2 / 2
    }

    @Test func periodsRunWithoutGapsAndRetentionIsNullAfterAnEmptyPeriod() throws {
        let metrics = try monthlyFixture().metrics(.month)
        #expect(metrics.periods.map(\.period) == ["2026-01", "2026-02", "2026-03", "2026-04", "2026-05"])
        // Jan: A, B active, both new.
        // Feb: o3 is a return, so nobody is active; retention 0/2 = 0.
        // Mar: A (o4), C (o5, o7); C new; retention null (February was empty).
        // Apr: nobody (o7 dates from 03-31); retention 0/2.
        // May: D, new; retention null.
        #expect(metrics.periods.map(\.activeCustomers) == [2, 0, 2, 0, 1])
        #expect(metrics.periods.map(\.newCustomers) == [1 + 1, 0, 1, 0, 1])
        #expect(metrics.periods.map(\.retentionRate) == [nil, 0, nil, 0, nil])
        #expect(metrics.periods.map(\.churnRate) == [nil, 1, nil, 1, nil])
        #expect(metrics.periods.map(\.revenue.description) == ["35.5", "0", "52", "0", "40"])
        #expect(metrics.periods.map(\.orders) == [2, 0, 3, 0, 1])
    }

    @Test func cohortRetention() throws {
        let metrics = try monthlyFixture().metrics(.month)
        // Jan cohort {A, B}: k=1 Feb nobody, k=2 Mar A, k=3 Apr nobody, k=4 May nobody.
        // Nobody ordered for the first time in Feb or Apr: no cohorts there (an empty
        // one would have retention[0] = 0/0, not 1).
        // Mar cohort {C}: Apr, May nobody. May cohort {D}.
        #expect(metrics.cohorts.map(\.cohort) == ["2026-01", "2026-03", "2026-05"])
        #expect(metrics.cohorts.map(\.size) == [2, 1, 1])
        #expect(metrics.cohorts[0].retention == [1, 0, 0.5, 0, 0])
        #expect(metrics.cohorts[1].retention == [1, 0, 0])
        #expect(metrics.cohorts[2].retention == [1])
        #expect(metrics.cohorts.allSatisfy { $0.size > 0 && $0.retention.first == 1 })
    }

    @Test func retentionBetweenTwoBusyMonths() throws {
        var book = OrderBook()
        book.add("1", "X", "2026-01-02", "1")
        book.add("2", "Y", "2026-01-03", "1")
        book.add("3", "Z", "2026-01-04", "1")
        book.add("4", "X", "2026-02-02", "1")
        book.add("5", "X", "2026-02-03", "1") // two orders in one period: still one active customer
        book.add("6", "W", "2026-02-04", "1")
        let metrics = try book.metrics(.month)
        // Feb: active {X, W}; retained {X} of January's {X, Y, Z}: 1/3, churn 2/3.
        #expect(metrics.periods[1].activeCustomers == 2)
        #expect(metrics.periods[1].retentionRate == 1.0 / 3.0)
        #expect(metrics.periods[1].churnRate == 1 - 1.0 / 3.0)
        #expect(metrics.cohorts[0].retention == [1, 1.0 / 3.0])
        #expect(metrics.cohorts[1].retention == [1])
        // Without an order column every row is its own order: 6 orders, X has 3.
        #expect(metrics.orders == 6)
        #expect(metrics.repeatCustomers == 1)
        #expect(metrics.oneTimeCustomers == 3)
        #expect(metrics.repurchaseRatio == 1.0 / 3.0)
    }

    @Test func isoWeekPeriodsAcrossAYearEnd() throws {
        var book = OrderBook()
        book.add("1", "A", "2020-12-28", "1") // Monday of 2020-W53
        book.add("2", "A", "2021-01-03", "1") // Sunday of 2020-W53
        book.add("3", "B", "2021-01-04", "1") // 2021-W01
        book.add("4", "A", "2021-01-17", "1") // Sunday of 2021-W02
        let metrics = try book.metrics(.week)
        #expect(metrics.periods.map(\.period) == ["2020-W53", "2021-W01", "2021-W02"])
        #expect(metrics.periods.map(\.activeCustomers) == [1, 1, 1])
        // W01: A not back (0/1); W02: B not back (0/1).
        #expect(metrics.periods.map(\.retentionRate) == [nil, 0, 0])
        #expect(metrics.cohorts[0].retention == [1, 0, 1])
    }

    @Test func dayQuarterAndYearPeriods() throws {
        var book = OrderBook()
        book.add("1", "A", "2024-02-28", "1")
        book.add("2", "A", "2024-03-01", "1")
        var metrics = try book.metrics(.day)
        // 2024 is a leap year: 02-28, 02-29, 03-01.
        #expect(metrics.periods.map(\.period) == ["2024-02-28", "2024-02-29", "2024-03-01"])
        #expect(metrics.periods.map(\.retentionRate) == [nil, 0, nil])

        book.add("3", "B", "2025-10-01", "1")
        metrics = try book.metrics(.quarter)
        #expect(metrics.periods.map(\.period) == ["2024-Q1", "2024-Q2", "2024-Q3", "2024-Q4", "2025-Q1", "2025-Q2", "2025-Q3", "2025-Q4"])
        metrics = try book.metrics(.year)
        #expect(metrics.periods.map(\.period) == ["2024", "2025"])
        #expect(metrics.periods.map(\.activeCustomers) == [1, 1])
        #expect(metrics.periods[1].retentionRate == 0)
    }

    @Test func undefinedRatiosAreNil() throws {
        var book = OrderBook()
        book.add("1", "A", "2026-01-01", "-3")
        book.add("2", nil, "2026-01-01", "3")
        let metrics = try book.metrics(.month)
        #expect(metrics.customers == 0)
        #expect(metrics.orders == 0)
        #expect(metrics.returnOrders == 1)
        #expect(metrics.averageOrderValue == nil)
        #expect(metrics.purchaseFrequency == nil)
        #expect(metrics.revenuePerCustomer == nil)
        #expect(metrics.repeatPurchaseRate == nil)
        #expect(metrics.repurchaseRatio == nil)
        #expect(metrics.periods.isEmpty)
        #expect(metrics.cohorts.isEmpty)
        #expect(metrics.json().serialized().contains(#""average_order_value":null"#))
    }

    @Test func repurchaseRatioIsNilWhenEveryCustomerCameBack() throws {
        var book = OrderBook()
        book.add("1", "A", "2026-01-01", "1")
        book.add("2", "A", "2026-01-02", "1")
        let metrics = try book.metrics(.month)
        #expect(metrics.repeatPurchaseRate == 1)
        #expect(metrics.repurchaseRatio == nil) // 1 / 0 customers with exactly one order
    }

    @Test func rowsOfOneOrderMustShareTheCustomer() throws {
        var accumulator = OrdersAccumulator(period: .month)
        try accumulator.add(OrderLine(order: 0, customer: 0, day: day("2026-01-01"), amount: Money(5)))
        #expect(throws: OrderCustomerConflict(order: 0, existingCustomer: 0, customer: 1)) {
            try accumulator.add(OrderLine(order: 0, customer: 1, day: day("2026-01-01"), amount: Money(7)))
        }
        // The rejected row changed nothing.
        let metrics = accumulator.metrics(rows: 2, skippedRows: 1)
        #expect(metrics.revenue == Money(5))
        #expect(metrics.customers == 1)
        #expect(metrics.skippedRows == 1)
    }

    @Test func jsonKeysInSpecOrder() throws {
        let json = try monthlyFixture().metrics(.month).json().serialized()
        #expect(json.hasPrefix(
            #"{"kind":"orders","period":"month","rows":13,"skipped_rows":0,"rows_without_customer":2,"customers":4,"orders":6,"revenue":127.5,"return_orders":2,"returns_amount":-5,"average_order_value":21.25,"purchase_frequency":1.5,"revenue_per_customer":31.875,"repeat_purchase_rate":0.5,"repurchase_ratio":1,"periods":[{"period":"2026-01","active_customers":2,"new_customers":2,"retention_rate":null,"churn_rate":null,"revenue":35.5},{"period":"2026-02","active_customers":0,"new_customers":0,"retention_rate":0,"churn_rate":1,"revenue":0}"#))
        #expect(json.hasSuffix(
            #""cohorts":[{"cohort":"2026-01","size":2,"retention":[1,0,0.5,0,0]},{"cohort":"2026-03","size":1,"retention":[1,0,0]},{"cohort":"2026-05","size":1,"retention":[1]}]}"#))
    }

    @Test func derivedTables() throws {
        let metrics = try monthlyFixture().metrics(.month)
        let periods = try #require(metrics.table(named: "periods"))
        #expect(periods.columns.map(\.name) == ["period", "active_customers", "new_customers", "retention_rate", "churn_rate", "revenue"])
        #expect(periods.columns.map(\.unit) == [.plain, .count, .count, .ratio, .ratio, .money])
        #expect(periods.rows[0] == [.text("2026-01"), .number(2), .number(2), .null, .null, .number(35.5)])
        #expect(periods.rows[1] == [.text("2026-02"), .number(0), .number(0), .number(0), .number(1), .number(0)])

        let cohorts = try #require(metrics.table(named: "cohorts"))
        #expect(cohorts.columns.map(\.name) == ["cohort", "size", "0", "1", "2", "3", "4"])
        #expect(cohorts.columns[2].unit == .ratio)
        // The March cohort has offsets 0…2; 3 and 4 are past the last period.
        #expect(cohorts.rows[1] == [.text("2026-03"), .number(1), .number(1), .number(0), .number(0), .null, .null])
        #expect(metrics.table(named: "nps") == nil)
    }

    @Test func headlineFiguresForTiles() throws {
        let metrics = try monthlyFixture().metrics(.month)
        let revenue = try #require(metrics.figure(named: "revenue"))
        #expect(revenue.value == 127.5)
        #expect(revenue.exactValue == "127.5")
        #expect(revenue.unit == .money)
        #expect(revenue.period == nil)

        // Last period (May): revenue 40, previous (April) 0.
        let lastRevenue = try #require(metrics.figure(named: "revenue", period: "last"))
        #expect(lastRevenue.value == 40)
        #expect(lastRevenue.period == "2026-05")
        #expect(lastRevenue.previousValue == 0)
        #expect(lastRevenue.previousPeriod == "2026-04")
        #expect(lastRevenue.change == 40)

        // Retention exists per period only: without a period it is the last one's (null in May).
        let retention = try #require(metrics.figure(named: "retention_rate"))
        #expect(retention.period == "2026-05")
        #expect(retention.value == nil)
        #expect(retention.previousValue == 0)
        #expect(retention.unit == .ratio)

        let february = try #require(metrics.figure(named: "churn_rate", period: "2026-02"))
        #expect(february.value == 1)
        #expect(february.previousPeriod == "2026-01")
        #expect(february.previousValue == nil)

        let customersInMarch = try #require(metrics.figure(named: "customers", period: "2026-03"))
        #expect(customersInMarch.value == 2)
        #expect(metrics.figure(named: "customers")?.value == 4)
        #expect(metrics.figure(named: "repeat_purchase_rate", period: "last")?.value == 0.5)
        #expect(metrics.figure(named: "average_order_value", period: "2026-03")?.value == 52.0 / 3.0)
        let first = try #require(metrics.figure(named: "active_customers", period: "2026-01"))
        #expect(first.previousValue == nil && first.previousPeriod == nil)
    }

    @Test func figureLookupErrorsSayWhatIsKnown() throws {
        let metrics = try monthlyFixture().metrics(.month)
        #expect(throws: FigureLookupError.self) { try metrics.lookUpFigure(named: "nps", period: nil) }
        do {
            _ = try metrics.lookUpFigure(named: "revenue", period: "2026-07")
            Issue.record("expected an error")
        } catch {
            #expect(error.description == "no month '2026-07' in the data: use 'last' or a key from 2026-01 to 2026-05 (e.g. 2026-03)")
        }
        #expect(metrics.figure(named: "revenue", period: "2026-W10") == nil)
        do {
            _ = try metrics.lookUpFigure(named: "revenu", period: nil)
        } catch {
            #expect(error.description.hasPrefix("unknown figure 'revenu'; known figures: rows, skipped_rows"))
        }
    }
}
