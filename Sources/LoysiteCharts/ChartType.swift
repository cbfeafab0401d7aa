/// The kinds of chart a `chart` block can ask for (SPEC §2 "Chart blocks"). The raw
/// values are the names written in the block's `type:` key.
package enum ChartType: String, CaseIterable, Sendable {
    /// Values over time as lines; `null` values leave gaps.
    case line
    /// Vertical bars, or horizontal ones when category labels are long; several `y`
    /// columns give grouped bars.
    case bar
    /// Several `y` columns stacked per category (promoters/passives/detractors),
    /// optionally as shares of 100% (`percent`).
    case stackedBar = "stacked-bar"
    /// A line chart filled down to zero.
    case area
    /// A grid of coloured cells: rows are the `x` column, cells the `y` columns (the
    /// cohort retention triangle).
    case heatmap
    /// Parts of a whole as a ring, with the total in the middle and a legend.
    case donut
    /// A tiny line without axes, ending in a dot on the last value.
    case sparkline

    /// How descriptions name the chart: "Line chart", "Stacked bar chart".
    var displayName: String {
        switch self {
        case .line: return "Line chart"
        case .bar: return "Bar chart"
        case .stackedBar: return "Stacked bar chart"
        case .area: return "Area chart"
        case .heatmap: return "Heatmap"
        case .donut: return "Donut chart"
        case .sparkline: return "Sparkline"
        }
    }

    /// Every type name, for error messages: "line, bar, stacked-bar, …".
    package static var namesList: String { allCases.map(\.rawValue).joined(separator: ", ") }
}
