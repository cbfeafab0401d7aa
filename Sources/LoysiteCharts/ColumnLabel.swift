/// Names for columns as readers see them in legends, table headers and descriptions.
/// Column names are written for machines (`retention_rate`, `active_customers`); a
/// chart shows "Retention rate" unless the block's `labels:` says otherwise.
enum ColumnLabel {
    /// Words always written in capitals.
    private static let acronyms: Set<String> = ["nps", "aov", "clv", "ltv", "cac", "arpu", "mrr", "arr", "kpi", "csat", "id", "roi"]

    static func display(_ column: String, labels: [String: String]) -> String {
        if let label = labels[column], !label.isEmpty { return label }
        return humanize(column)
    }

    /// `retention_rate` → "Retention rate", `nps` → "NPS", `avgOrderValue` stays as it is
    /// apart from its first letter. A name with no letters (a cohort period `3`) is kept.
    static func humanize(_ column: String) -> String {
        guard column.contains(where: \.isLetter) else { return column }
        let words = column
            .split(whereSeparator: { $0 == "_" || $0 == "-" || $0 == " " })
            .map { word -> String in
                acronyms.contains(word.lowercased()) ? word.uppercased() : String(word)
            }
        guard let first = words.first else { return column }
        let capitalized = first.prefix(1).uppercased() + first.dropFirst()
        return ([capitalized] + words.dropFirst()).joined(separator: " ")
    }
}
