import LoysiteSupport

/// How the figures named in SPEC §2 read: their unit, and whether a rise is good news.
/// For a `metric` block, which names a figure but not its unit or direction.
public enum KnownFigures {
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

    /// The unit of a SPEC §2 figure, or `nil` for a name it does not define.
    public static func unit(for figure: String) -> DataTable.Unit? {
        units[figure.lowercased()]
    }

    /// Whether a rise in `figure` is good news; `true` for names it does not know.
    public static func higherIsBetter(_ figure: String) -> Bool {
        !lowerIsBetter.contains(figure.lowercased())
    }
}
