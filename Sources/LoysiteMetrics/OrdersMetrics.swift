import LoysiteSupport

/// The figures of an orders dataset, exactly as SPEC §2 defines them.
///
/// Built by `OrdersAccumulator`. Counts and money are stored; ratios are computed on
/// demand as `Double`, nil where the definition divides by zero.
package struct OrdersMetrics: Sendable, Equatable {
    package var period: Period
    /// Data rows read (header excluded), bad rows included.
    package var rows = 0
    /// Bad rows left out under `bad_rows: skip`.
    package var skippedRows = 0
    package var rowsWithoutCustomer = 0
    /// Distinct customers with at least one counted order.
    package var customers = 0
    /// Counted orders: orders whose amount is > 0.
    package var orders = 0
    /// Summed amount of the counted orders.
    package var revenue = Money.zero
    /// Orders whose amount is ≤ 0.
    package var returnOrders = 0
    /// Summed amount of the returns (≤ 0).
    package var returnsAmount = Money.zero
    /// Customers with ≥ 2 counted orders.
    package var repeatCustomers = 0
    /// Customers with exactly 1 counted order.
    package var oneTimeCustomers = 0
    /// Index (see `Period`) of the first period; `periods[i]` is period `firstPeriodIndex + i`.
    package var firstPeriodIndex = 0
    /// Every period from the first to the last counted order's, without gaps.
    package var periods: [PeriodFigures] = []
    /// One cohort per period in which some customer ordered for the first time, in time
    /// order (a period without new customers has no cohort, so every size is above 0).
    package var cohorts: [Cohort] = []
    /// Set, to the number of periods the counted orders span, when that is more than
    /// `Period.maximumSpan`: `periods` and `cohorts` are then left empty.
    package var uncomputedPeriodSpan: Int?
    /// Lifetime value and RFM, when the sidecar has a `clv:` block.
    package var customerValue: CustomerValue?
    /// The day the data ends (days since 1970-01-01): the sidecar's `observation_end`,
    /// else the latest row's date. It decides whether the last period is partial.
    package var observationEnd: Int?

    package init(period: Period) {
        self.period = period
    }

    /// The figures of one period.
    package struct PeriodFigures: Sendable, Equatable {
        package var period: String
        /// Customers with a counted order in this period.
        package var activeCustomers: Int
        /// Customers whose first counted order is in this period.
        package var newCustomers: Int
        /// Active customers of the previous period; nil for the first period.
        package var previousActiveCustomers: Int?
        /// Customers active both in the previous period and in this one.
        package var retainedCustomers: Int
        package var orders: Int
        package var revenue: Money

        package init(
            period: String, activeCustomers: Int, newCustomers: Int, previousActiveCustomers: Int?,
            retainedCustomers: Int, orders: Int, revenue: Money
        ) {
            self.period = period
            self.activeCustomers = activeCustomers
            self.newCustomers = newCustomers
            self.previousActiveCustomers = previousActiveCustomers
            self.retainedCustomers = retainedCustomers
            self.orders = orders
            self.revenue = revenue
        }

        /// |active(p−1) ∩ active(p)| / |active(p−1)|; nil for the first period and
        /// where the previous period had no active customers.
        package var retentionRate: Double? {
            guard let previous = previousActiveCustomers, previous > 0 else { return nil }
            return Double(retainedCustomers) / Double(previous)
        }

        /// 1 − retention rate; nil where that is nil.
        package var churnRate: Double? {
            retentionRate.map { 1 - $0 }
        }
    }

    /// Customers whose first counted order is in one period, and how many of them are
    /// active k periods later.
    package struct Cohort: Sendable, Equatable {
        package var cohort: String
        package var size: Int
        /// `activeCustomers[k]`: members active in period cohort + k, k = 0 … last period.
        package var activeCustomers: [Int]

        package init(cohort: String, size: Int, activeCustomers: [Int]) {
            self.cohort = cohort
            self.size = size
            self.activeCustomers = activeCustomers
        }

        /// Share of the cohort active k periods later (retention[0] = 1); nil for
        /// every k when the cohort is empty.
        package var retention: [Double?] {
            activeCustomers.map { size > 0 ? Double($0) / Double(size) : nil }
        }
    }

    // MARK: Ratios (SPEC §2)

    /// revenue / orders.
    package var averageOrderValue: Double? { OrdersMetrics.ratio(revenue, orders) }
    /// orders / customers.
    package var purchaseFrequency: Double? { OrdersMetrics.ratio(orders, customers) }
    /// revenue / customers.
    package var revenuePerCustomer: Double? { OrdersMetrics.ratio(revenue, customers) }
    /// customers with ≥ 2 orders / customers.
    package var repeatPurchaseRate: Double? { OrdersMetrics.ratio(repeatCustomers, customers) }
    /// customers with ≥ 2 orders / customers with exactly 1.
    package var repurchaseRatio: Double? { OrdersMetrics.ratio(repeatCustomers, oneTimeCustomers) }

    /// How much of the last period the data covers; nil without periods or an
    /// observation end.
    package var lastPeriodCoverage: PeriodCoverage? {
        guard let observationEnd, !periods.isEmpty else { return nil }
        return PeriodCoverage(period: period, index: firstPeriodIndex + periods.count - 1, observationEnd: observationEnd)
    }

    /// The coverage of `periods[position]` when that period is partial (only the last
    /// one can be), else nil.
    package func partialCoverage(ofPeriodAt position: Int) -> PeriodCoverage? {
        guard position == periods.count - 1, let coverage = lastPeriodCoverage, coverage.isPartial else { return nil }
        return coverage
    }

    static func ratio(_ numerator: Int, _ denominator: Int) -> Double? {
        denominator == 0 ? nil : Double(numerator) / Double(denominator)
    }

    static func ratio(_ numerator: Money, _ denominator: Int) -> Double? {
        denominator == 0 ? nil : numerator.doubleValue / Double(denominator)
    }
}

// MARK: - metrics.json

extension OrdersMetrics {
    /// This dataset's entry in metrics.json, keys in SPEC §4's order. `skipped_rows`
    /// (SPEC §2, "Bad rows") follows `rows`.
    package func json() -> JSONValue {
        .object(coreJSONMembers + (customerValue?.jsonMembers ?? []))
    }

    private var coreJSONMembers: [(String, JSONValue)] {
        [
            ("kind", .string("orders")),
            ("period", .string(period.rawValue)),
            ("rows", .int(rows)),
            ("skipped_rows", .int(skippedRows)),
            ("rows_without_customer", .int(rowsWithoutCustomer)),
            ("customers", .int(customers)),
            ("orders", .int(orders)),
            ("revenue", .decimal(revenue.description)),
            ("return_orders", .int(returnOrders)),
            ("returns_amount", .decimal(returnsAmount.description)),
            ("average_order_value", .double(averageOrderValue)),
            ("purchase_frequency", .double(purchaseFrequency)),
            ("revenue_per_customer", .double(revenuePerCustomer)),
            ("repeat_purchase_rate", .double(repeatPurchaseRate)),
            ("repurchase_ratio", .double(repurchaseRatio)),
            ("periods", .array(periods.indices.map { position in
                let figures = periods[position]
                return .object([
                    ("period", .string(figures.period)),
                    ("active_customers", .int(figures.activeCustomers)),
                    ("new_customers", .int(figures.newCustomers)),
                    ("retention_rate", .double(figures.retentionRate)),
                    ("churn_rate", .double(figures.churnRate)),
                    ("revenue", .decimal(figures.revenue.description)),
                    ("partial", .bool(partialCoverage(ofPeriodAt: position) != nil)),
                ])
            })),
            ("cohorts", .array(cohorts.map { cohort in
                .object([
                    ("cohort", .string(cohort.cohort)),
                    ("size", .int(cohort.size)),
                    ("retention", .array(cohort.retention.map { JSONValue.double($0) })),
                ])
            })),
        ]
    }
}

// MARK: - Derived tables (chart blocks)

extension OrdersMetrics {
    /// Names of the derived tables `table(named:)` knows.
    package static let tableNames = ["periods", "cohorts"]

    /// A derived table for chart blocks (SPEC §2): `periods` or `cohorts`; nil for any other name.
    package func table(named name: String) -> DataTable? {
        switch name {
        case "periods":
            return DataTable(
                columns: [
                    .init("period"), .init("active_customers", unit: .count), .init("new_customers", unit: .count),
                    .init("retention_rate", unit: .ratio), .init("churn_rate", unit: .ratio), .init("revenue", unit: .money),
                    .init(DataTable.partialColumn),
                ],
                rows: periods.indices.map { position in
                    let figures = periods[position]
                    return [
                        .text(figures.period), .number(Double(figures.activeCustomers)), .number(Double(figures.newCustomers)),
                        OrdersMetrics.cell(figures.retentionRate), OrdersMetrics.cell(figures.churnRate),
                        .number(figures.revenue.doubleValue),
                        DataTable.partialCell(partialCoverage(ofPeriodAt: position) != nil),
                    ]
                }
            )
        case "cohorts":
            let offsets = periods.count
            return DataTable(
                // `partial`: whether the row's last cell, in the last period, is in a partial one.
                columns: [.init("cohort"), .init("size", unit: .count)] + (0..<offsets).map { .init(String($0), unit: .ratio) }
                    + [.init(DataTable.partialColumn)],
                rows: cohorts.map { cohort in
                    let retention = cohort.retention
                    return [.text(cohort.cohort), .number(Double(cohort.size))]
                        + (0..<offsets).map { k in k < retention.count ? OrdersMetrics.cell(retention[k]) : .null }
                        + [DataTable.partialCell(partialCoverage(ofPeriodAt: periods.count - 1) != nil)]
                }
            )
        default:
            return customerValue?.table(named: name)
        }
    }

    static func cell(_ value: Double?) -> DataTable.Value {
        value.map { .number($0) } ?? .null
    }
}

// MARK: - Headline figures (metric blocks)

extension OrdersMetrics {
    /// Figures over the whole dataset.
    package static let overallFigureNames = [
        "rows", "skipped_rows", "rows_without_customer", "customers", "orders", "revenue", "return_orders",
        "returns_amount", "average_order_value", "purchase_frequency", "revenue_per_customer",
        "repeat_purchase_rate", "repurchase_ratio",
    ]
    /// Figures that also exist per period (`customers` there means active customers).
    package static let periodFigureNames = [
        "active_customers", "new_customers", "retention_rate", "churn_rate", "revenue", "orders", "customers",
        "average_order_value", "purchase_frequency", "revenue_per_customer",
    ]
    /// Every name `figure(named:period:)` knows.
    package static var figureNames: [String] {
        overallFigureNames + periodFigureNames.filter { !overallFigureNames.contains($0) }
    }

    /// A headline figure by its SPEC §2 name.
    ///
    /// - Parameter period: nil for the whole dataset, `last` for the last period, or a
    ///   period key (`2026-03`). With a period the figure carries the previous period's
    ///   value too. Figures that only exist per period (`retention_rate`,
    ///   `active_customers`, `new_customers`, `churn_rate`) with a nil period give the
    ///   last period's value. Figures that only exist overall (`repeat_purchase_rate`)
    ///   ignore the period.
    package func lookUpFigure(named name: String, period periodText: String?) throws(FigureLookupError) -> Figure {
        if let figure = customerValue?.figure(named: name) { return figure }
        let selection = PeriodSelection(periodText)
        let perPeriodOnly = ["active_customers", "new_customers", "retention_rate", "churn_rate"].contains(name)
        if case .overall = selection, !perPeriodOnly {
            return try overallFigure(named: name)
        }
        guard OrdersMetrics.periodFigureNames.contains(name) else {
            return try overallFigure(named: name)
        }
        let position = try selection.position(
            in: periods.map(\.period), firstIndex: firstPeriodIndex, period: period, figure: name)
        let current = periodValue(name, periods[position])
        let previous = position > 0 ? periodValue(name, periods[position - 1]) : nil
        return Figure(
            name: name, unit: OrdersMetrics.unit(of: name), value: current.value, exactValue: current.exact,
            period: periods[position].period, previousValue: previous?.value,
            previousPeriod: position > 0 ? periods[position - 1].period : nil,
            partialCoverage: partialCoverage(ofPeriodAt: position))
    }

    /// `lookUpFigure(named:period:)`, nil where it throws.
    package func figure(named name: String, period: String? = nil) -> Figure? {
        try? lookUpFigure(named: name, period: period)
    }

    private func overallFigure(named name: String) throws(FigureLookupError) -> Figure {
        let value: Double?
        var exact: String?
        switch name {
        case "rows": value = Double(rows)
        case "skipped_rows": value = Double(skippedRows)
        case "rows_without_customer": value = Double(rowsWithoutCustomer)
        case "customers": value = Double(customers)
        case "orders": value = Double(orders)
        case "revenue": value = revenue.doubleValue; exact = revenue.description
        case "return_orders": value = Double(returnOrders)
        case "returns_amount": value = returnsAmount.doubleValue; exact = returnsAmount.description
        case "average_order_value": value = averageOrderValue
        case "purchase_frequency": value = purchaseFrequency
        case "revenue_per_customer": value = revenuePerCustomer
        case "repeat_purchase_rate": value = repeatPurchaseRate
        case "repurchase_ratio": value = repurchaseRatio
        default: throw .unknownFigure(name, known: availableFigureNames)
        }
        return Figure(name: name, unit: OrdersMetrics.unit(of: name), value: value, exactValue: exact)
    }

    private func periodValue(_ name: String, _ figures: PeriodFigures) -> (value: Double?, exact: String?) {
        switch name {
        case "active_customers", "customers": return (Double(figures.activeCustomers), nil)
        case "new_customers": return (Double(figures.newCustomers), nil)
        case "retention_rate": return (figures.retentionRate, nil)
        case "churn_rate": return (figures.churnRate, nil)
        case "revenue": return (figures.revenue.doubleValue, figures.revenue.description)
        case "orders": return (Double(figures.orders), nil)
        case "average_order_value": return (OrdersMetrics.ratio(figures.revenue, figures.orders), nil)
        case "purchase_frequency": return (OrdersMetrics.ratio(figures.orders, figures.activeCustomers), nil)
        case "revenue_per_customer": return (OrdersMetrics.ratio(figures.revenue, figures.activeCustomers), nil)
        default: return (nil, nil)
        }
    }

    /// The unit a figure is shown in.
    package static func unit(of name: String) -> DataTable.Unit {
        switch name {
        case "revenue", "returns_amount", "average_order_value", "revenue_per_customer": return .money
        case "repeat_purchase_rate", "retention_rate", "churn_rate": return .ratio
        case "purchase_frequency", "repurchase_ratio": return .plain
        default: return .count
        }
    }
}
