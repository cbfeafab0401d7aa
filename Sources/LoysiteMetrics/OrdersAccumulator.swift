/// One row of an orders dataset after loading: ids already interned to dense integers
/// (the loader keeps the strings), the date as a day number, the amount exact.
package struct OrderLine: Sendable, Equatable {
    /// The order this row belongs to: 0, 1, 2 … in first-seen order. A dataset without
    /// an order column gives every row its own order.
    package var order: Int
    /// The customer: 0, 1, 2 … in first-seen order. Rows without a customer are not
    /// lines; they are counted with `OrdersAccumulator.addRowWithoutCustomer()`.
    package var customer: Int
    /// Days since 1970-01-01 (see `CivilDate`).
    package var day: Int
    /// The row's amount (`amount`, or `quantity × price`).
    package var amount: Money

    package init(order: Int, customer: Int, day: Int, amount: Money) {
        self.order = order
        self.customer = customer
        self.day = day
        self.amount = amount
    }
}

/// A row names an order that earlier rows gave to another customer. SPEC §2 says an
/// order's customer is "the rows' customer", so rows of one order must agree.
package struct OrderCustomerConflict: Error, Sendable, Equatable {
    package var order: Int
    /// The customer of the order's earlier rows.
    package var existingCustomer: Int
    /// The customer of the rejected row.
    package var customer: Int

    package init(order: Int, existingCustomer: Int, customer: Int) {
        self.order = order
        self.existingCustomer = existingCustomer
        self.customer = customer
    }
}

/// Gathers order lines one at a time and computes `OrdersMetrics` at the end.
///
/// It streams: rows are folded into one running total per order as they arrive
/// (customer, earliest day, exact amount), so memory grows with the number of orders,
/// never with the raw rows. Everything that depends on an order's final amount or date
/// (is it a return? which period?) waits for `metrics(rows:skippedRows:)`.
package struct OrdersAccumulator: Sendable {
    package let period: Period
    /// Per order, indexed by `OrderLine.order`: its customer (−1: no line yet),
    /// earliest day and summed amount.
    /// (Readable in the module: the lifetime-value model reads the orders too, see
    /// `PurchaseHistory`.)
    private(set) var orderCustomer: [Int32] = []
    private(set) var orderDay: [Int32] = []
    private(set) var orderAmount: [Money] = []
    /// The sidecar's `zero_amount: order`: an order of exactly 0 is counted (a free
    /// order, or one paid wholly in points) instead of being a return.
    package var countsZeroAmountOrders = false
    package private(set) var rowsWithoutCustomer = 0
    /// Lines added (rows with a customer).
    package private(set) var lines = 0

    package init(period: Period) {
        self.period = period
    }

    /// Order ids are dense: an id past the end adds empty orders up to it (no customer,
    /// the latest possible day, nothing spent), which the first row of each fills in.
    @inline(__always)
    private mutating func makeRoom(forOrder order: Int) {
        guard order >= orderCustomer.count else { return }
        let missing = order + 1 - orderCustomer.count
        orderCustomer.append(contentsOf: repeatElement(-1, count: missing))
        orderDay.append(contentsOf: repeatElement(Int32.max, count: missing))
        orderAmount.append(contentsOf: repeatElement(.zero, count: missing))
    }

    /// Adds one row. Throws, leaving the totals untouched, when the row's customer
    /// differs from the customer of its order's earlier rows.
    package mutating func add(_ line: OrderLine) throws(OrderCustomerConflict) {
        let order = line.order
        precondition(order >= 0 && line.customer >= 0, "order and customer ids are dense non-negative integers")
        makeRoom(forOrder: order)
        let existing = orderCustomer[order]
        if existing < 0 {
            orderCustomer[order] = Int32(line.customer)
        } else if Int(existing) != line.customer {
            throw OrderCustomerConflict(order: order, existingCustomer: Int(existing), customer: line.customer)
        }
        let day = Int32(clamping: line.day)
        if day < orderDay[order] { orderDay[order] = day }
        orderAmount[order] += line.amount
        lines += 1
    }

    /// Whether an order of this amount is a counted order (SPEC §2): above 0, or exactly
    /// 0 under `zero_amount: order`; otherwise it is a return.
    func isCounted(_ amount: Money) -> Bool {
        amount.units > 0 || (countsZeroAmountOrders && amount.units == 0)
    }

    /// Makes room for `orders` orders in all, so that merging chunks grows the totals
    /// once instead of doubling them (each doubling holds the old and the new copy).
    package mutating func reserveCapacity(orders: Int) {
        orderCustomer.reserveCapacity(orders)
        orderDay.reserveCapacity(orders)
        orderAmount.reserveCapacity(orders)
    }

    /// Orders with an id so far (the highest id plus one).
    package var orderCount: Int { orderCustomer.count }

    /// Adds the totals of `other`, which gathered the rows that follow this one's (the
    /// next chunk of the same file, read on another core), as if its lines had been added
    /// here one by one. `orders[i]` and `customers[i]` are this accumulator's ids for
    /// `other`'s order and customer `i`. Throws when one of `other`'s orders has another
    /// customer here; the totals are then partly merged, and the caller must start over.
    package mutating func merge(_ other: OrdersAccumulator, orders: [Int], customers: [Int]) throws(OrderCustomerConflict) {
        for local in other.orderCustomer.indices {
            let localCustomer = other.orderCustomer[local]
            guard localCustomer >= 0 else { continue }
            let order = orders[local], customer = customers[Int(localCustomer)]
            makeRoom(forOrder: order)
            let existing = orderCustomer[order]
            if existing < 0 {
                orderCustomer[order] = Int32(customer)
            } else if Int(existing) != customer {
                throw OrderCustomerConflict(order: order, existingCustomer: Int(existing), customer: customer)
            }
            // Both are exact: a minimum, and an integer sum in any order.
            orderDay[order] = min(orderDay[order], other.orderDay[local])
            orderAmount[order] += other.orderAmount[local]
        }
        lines += other.lines
        rowsWithoutCustomer += other.rowsWithoutCustomer
    }

    /// Counts a row whose customer is empty: left out of every figure (SPEC §2).
    package mutating func addRowWithoutCustomer() {
        rowsWithoutCustomer += 1
    }

    /// The figures of SPEC §2 over every line added.
    ///
    /// - Parameters:
    ///   - rows: data rows read from the file (header excluded), bad ones included.
    ///   - skippedRows: bad rows left out under `bad_rows: skip`.
    ///   - customerValue: the `clv:` block, if the sidecar has one: lifetime value and
    ///     RFM are computed too (see `CustomerValue`), `customerRank` breaking ties of
    ///     value by customer id.
    ///   - observationEnd: the day the data ends (SPEC §2 "Partial periods"); nil: the
    ///     latest order's day.
    package func metrics(
        rows: Int, skippedRows: Int = 0, customerValue settings: CLVSettings? = nil, customerRank: [Int32]? = nil,
        observationEnd: Int? = nil
    ) -> OrdersMetrics {
        var result = coreMetrics(rows: rows, skippedRows: skippedRows)
        result.observationEnd = observationEnd ?? orderDay.filter { $0 != Int32.max }.max().map(Int.init)
        if let settings { result.customerValue = CustomerValue(self, settings: settings, customerRank: customerRank) }
        return result
    }

    private func coreMetrics(rows: Int, skippedRows: Int) -> OrdersMetrics {
        var revenue = Money.zero
        var returnsAmount = Money.zero
        var returnOrders = 0
        // Counted orders (amount > 0): customer and period index.
        var countedCustomer: [Int32] = []
        var countedPeriod: [Int] = []
        var countedAmount: [Money] = []
        var lastDay = Int32.min
        var lastPeriod = 0
        for order in orderCustomer.indices where orderCustomer[order] >= 0 {
            let amount = orderAmount[order]
            guard isCounted(amount) else {
                returnOrders += 1
                returnsAmount += amount
                continue
            }
            revenue += amount
            let day = orderDay[order]
            if day != lastDay {
                lastDay = day
                lastPeriod = period.index(ofDay: Int(day))
            }
            countedCustomer.append(orderCustomer[order])
            countedPeriod.append(lastPeriod)
            countedAmount.append(amount)
        }

        var result = OrdersMetrics(period: period)
        result.rows = rows
        result.skippedRows = skippedRows
        result.rowsWithoutCustomer = rowsWithoutCustomer
        result.orders = countedCustomer.count
        result.revenue = revenue
        result.returnOrders = returnOrders
        result.returnsAmount = returnsAmount
        guard let firstPeriod = countedPeriod.min(), let lastPeriodIndex = countedPeriod.max() else {
            return result
        }
        let span = lastPeriodIndex - firstPeriod + 1
        guard span <= Period.maximumSpan else {
            result.uncomputedPeriodSpan = span
            return result
        }

        var periodRevenue = [Money](repeating: .zero, count: span)
        var periodOrders = [Int](repeating: 0, count: span)
        // One number per (customer, period) pair: customer × span + offset, so sorting
        // groups each customer's periods together, in time order.
        var activity: [Int] = []
        activity.reserveCapacity(countedCustomer.count)
        for i in countedCustomer.indices {
            let offset = countedPeriod[i] - firstPeriod
            periodRevenue[offset] += countedAmount[i]
            periodOrders[offset] += 1
            activity.append(Int(countedCustomer[i]) * span + offset)
        }
        activity.sort()

        var active = [Int](repeating: 0, count: span)
        var new = [Int](repeating: 0, count: span)
        var retained = [Int](repeating: 0, count: span)
        var cohortActive = (0..<span).map { [Int](repeating: 0, count: span - $0) }
        var customers = 0
        var index = 0
        while index < activity.count {
            let customer = activity[index] / span
            let cohort = activity[index] % span
            customers += 1
            new[cohort] += 1
            var previous = Int.min
            while index < activity.count, activity[index] / span == customer {
                let offset = activity[index] % span
                if offset != previous {
                    active[offset] += 1
                    if offset == previous + 1 { retained[offset] += 1 }
                    cohortActive[cohort][offset - cohort] += 1
                    previous = offset
                }
                index += 1
            }
        }

        // Customer ids are dense (0, 1, 2 …), so an array counts their orders.
        var ordersPerCustomer = [Int32](repeating: 0, count: Int(countedCustomer.max() ?? -1) + 1)
        for customer in countedCustomer { ordersPerCustomer[Int(customer)] += 1 }
        result.customers = customers
        result.repeatCustomers = ordersPerCustomer.count { $0 >= 2 }
        result.oneTimeCustomers = ordersPerCustomer.count { $0 == 1 }

        result.firstPeriodIndex = firstPeriod
        result.periods = (0..<span).map { offset in
            OrdersMetrics.PeriodFigures(
                period: period.key(ofIndex: firstPeriod + offset),
                activeCustomers: active[offset],
                newCustomers: new[offset],
                previousActiveCustomers: offset == 0 ? nil : active[offset - 1],
                retainedCustomers: retained[offset],
                orders: periodOrders[offset],
                revenue: periodRevenue[offset]
            )
        }
        // A period in which nobody ordered for the first time has no cohort: an empty one
        // would break retention[0] = 1 (SPEC §2), and the reference computations leave
        // it out too.
        result.cohorts = (0..<span).filter { new[$0] > 0 }.map { offset in
            OrdersMetrics.Cohort(
                cohort: period.key(ofIndex: firstPeriod + offset),
                size: new[offset],
                activeCustomers: cohortActive[offset]
            )
        }
        return result
    }
}

extension OrdersMetrics {
    /// Computes the figures of a list of lines in one go (small data, tests).
    package static func compute(
        lines: [OrderLine], rowsWithoutCustomer: Int = 0, period: Period, rows: Int? = nil, skippedRows: Int = 0
    ) throws(OrderCustomerConflict) -> OrdersMetrics {
        var accumulator = OrdersAccumulator(period: period)
        for line in lines { try accumulator.add(line) }
        for _ in 0..<rowsWithoutCustomer { accumulator.addRowWithoutCustomer() }
        return accumulator.metrics(rows: rows ?? lines.count + rowsWithoutCustomer, skippedRows: skippedRows)
    }
}
