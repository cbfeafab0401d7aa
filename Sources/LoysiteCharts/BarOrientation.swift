/// Whether bars stand up or lie down. Long category names (customer segments, product
/// names) do not fit under narrow columns; lying bars give them a whole line each.
/// Period keys (`2026-03`, `2026-W10`, `2026-03-07`: at most 10 characters) stay on a
/// time axis that runs left to right and are thinned instead.
enum BarOrientation {
    static func isHorizontal(requested: Bool?, categories: [String], width: Double) -> Bool {
        if let requested { return requested }
        guard !categories.isEmpty else { return false }
        let longest = categories.map(\.count).max() ?? 0
        guard longest > 10 else { return false }
        let slot = (width - 60) / Double(categories.count)
        let widest = categories.map { TextMetrics.width($0, fontSize: ChartStyle.fontSize) }.max() ?? 0
        return widest > slot - ChartStyle.labelGap
    }
}
