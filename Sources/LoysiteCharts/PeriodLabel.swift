/// Period keys (SPEC §2: `2026-03-07`, `2026-W10`, `2026-03`, `2026-Q1`) as people read
/// them on an axis: "7 Mar 2026", "W10 2026", "Mar 2026", "Q1 2026". Charts label their
/// axes and tooltips with these; the data table keeps the keys, which are what
/// metrics.json and a `period:` line use.
enum PeriodLabel {
    static let monthNames = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// The labels for a run of categories: human labels when every category is a period
    /// key of one kind, else the categories unchanged (a segment named "2026-03" among
    /// others stays as written).
    static func humanize(_ categories: [String]) -> [String] {
        guard !categories.isEmpty else { return categories }
        let labels = categories.map(human)
        return labels.allSatisfy({ $0 != nil }) && Set(categories.map(shape)).count == 1 ? labels.map { $0! } : categories
    }

    /// The human label of one period key, or nil when `key` is not one.
    static func human(_ key: String) -> String? {
        let parts = key.split(separator: "-", omittingEmptySubsequences: false).map(String.init)
        guard parts.count >= 2, parts[0].count == 4, let year = Int(parts[0]), year >= 0 else { return nil }
        func number(_ text: String) -> Int? { text.count == 2 && text.allSatisfy(\.isASCII) ? Int(text) : nil }
        switch parts.count {
        case 2 where parts[1].hasPrefix("W"):
            guard let week = number(String(parts[1].dropFirst())), (1...53).contains(week) else { return nil }
            return "W\(week) \(parts[0])"
        case 2 where parts[1].hasPrefix("Q"):
            guard parts[1].count == 2, let quarter = Int(parts[1].dropFirst()), (1...4).contains(quarter) else { return nil }
            return "Q\(quarter) \(parts[0])"
        case 2:
            guard let month = number(parts[1]), (1...12).contains(month) else { return nil }
            return "\(monthNames[month - 1]) \(parts[0])"
        case 3:
            guard let month = number(parts[1]), (1...12).contains(month), let day = number(parts[2]), (1...31).contains(day) else { return nil }
            return "\(day) \(monthNames[month - 1]) \(parts[0])"
        default:
            return nil
        }
    }

    /// Which kind of key a text looks like: days, weeks, months and quarters are not mixed.
    private static func shape(_ key: String) -> String {
        String(key.map { $0.isNumber ? "9" : $0 })
    }
}
