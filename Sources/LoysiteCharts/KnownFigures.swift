import LoysiteSupport

/// How the figures named in SPEC §2 read: their unit, and whether a rise is good news.
/// For a `metric` block, which names a figure but not its unit or direction.
package enum KnownFigures {
    private static let units: [String: DataTable.Unit] = [
        "rows": .count, "rows_without_customer": .count, "skipped_rows": .count,
        "customers": .count, "orders": .count, "return_orders": .count,
        "active_customers": .count, "new_customers": .count, "size": .count,
        "responses": .count, "promoters": .count, "passives": .count, "detractors": .count,
        "revenue": .money, "returns_amount": .money, "average_order_value": .money, "revenue_per_customer": .money,
        "repeat_purchase_rate": .ratio, "retention_rate": .ratio, "churn_rate": .ratio,
        "purchase_frequency": .plain, "repurchase_ratio": .plain,
        "nps": .score,
    ]

    /// Figures where a rise is bad news: more churn, more returns, more detractors,
    /// more rows that could not be used.
    private static let lowerIsBetter: Set<String> = [
        "churn_rate", "return_orders", "returns_amount", "detractors", "rows_without_customer", "skipped_rows",
    ]

    /// What each SPEC §2 figure is, in a line: a KPI tile without a sparkline says it.
    private static let definitions: [String: String] = [
        "customers": "Distinct customers with at least one order",
        "orders": "Orders with an amount above zero",
        "revenue": "Summed amount of the orders",
        "return_orders": "Orders with an amount of zero or less",
        "returns_amount": "Summed amount of the returns",
        "average_order_value": "Revenue ÷ orders",
        "purchase_frequency": "Orders ÷ customers",
        "revenue_per_customer": "Revenue ÷ customers",
        "repeat_purchase_rate": "Share of customers with two or more orders",
        "repurchase_ratio": "Customers with two or more orders per customer with one",
        "active_customers": "Customers with an order in the period",
        "new_customers": "Customers whose first order is in the period",
        "retention_rate": "Share of the previous period's customers who ordered again",
        "churn_rate": "Share of the previous period's customers who did not order again",
        "responses": "Survey answers counted",
        "nps": "% promoters (9–10) − % detractors (0–6), from −100 to 100",
        "cli": "Mean of the recommend, repurchase and upsell answers (0–10)",
        "p_alive_mean": "Mean probability that a customer is still active (BG/NBD)",
        "clv_mean": "Mean predicted spend per customer over the horizon",
    ]

    /// A one-line definition of a SPEC §2 figure, or `nil` for a name it does not define.
    package static func definition(of figure: String) -> String? {
        definitions[figure.lowercased()]
    }

    /// The unit of a SPEC §2 figure, or `nil` for a name it does not define.
    package static func unit(for figure: String) -> DataTable.Unit? {
        units[figure.lowercased()]
    }

    /// Whether a rise in `figure` is good news; `true` for names it does not know.
    package static func higherIsBetter(_ figure: String) -> Bool {
        !lowerIsBetter.contains(figure.lowercased())
    }
}
