/// What a `chart` block asks for, after its YAML has been read. Each property is named
/// after the block key that sets it (multi-word keys in snake_case: `mixed_units`).
///
/// ```chart
/// type: stacked-bar
/// data: nps-responses
/// metric: nps
/// x: period
/// y: [promoters, passives, detractors]
/// percent: true
/// title: Promoters, passives and detractors
/// ```
package struct ChartSpec: Sendable, Hashable {
    /// `type:` — the kind of chart.
    package var type: ChartType
    /// `title:` — shown as the figure caption and the SVG's `<title>`. Without one, the
    /// chart is named from its columns ("Retention rate by period").
    package var title: String?
    /// `x:` — the column for categories (x axis, heatmap rows, donut slices).
    /// Default: the first text column.
    package var x: String?
    /// `y:` — the value columns, one series each. Default: every numeric column but `x`,
    /// provided they share one unit (else the chart asks for `y`). For a heatmap the
    /// default is every `ratio` column (the cohort periods).
    package var y: [String]
    /// `percent:` — stacked bars show each category's stack as shares of 100%.
    package var percent: Bool
    /// `horizontal:` — bars run left to right. `nil`: automatic, horizontal when the
    /// category labels are long and would not fit under vertical bars.
    package var horizontal: Bool?
    /// `height:` — the drawing's height in viewBox units (the width is
    /// `ChartOptions.width`). Default: a height suited to the type; horizontal bars and
    /// heatmaps grow with their number of rows.
    package var height: Double?
    /// `colors:` — colours for the series in order, `#hex` or CSS colour keywords;
    /// series beyond the list take the palette.
    package var colors: [String]
    /// `mixed_units:` — allow `y` columns of different units (a count and a ratio) on
    /// one value axis, shown as plain numbers. Off by default, since it is usually a
    /// mistake.
    package var mixedUnits: Bool
    /// `labels:` — display names for columns (`{retention_rate: Retention}`); columns
    /// without one are named by their header, tidied (`retention_rate` → "Retention rate").
    package var labels: [String: String]
    /// `size:` — heatmap only: a column shown beside each row label (a cohort's
    /// customers). Default: the column named `size`, when there is one.
    package var size: String?
    /// `row:` — donut with several `y` columns only: the `x` value of the row whose
    /// values become the slices. Default: the last row.
    package var row: String?

    /// The block keys this spec reads, besides the `data` and `metric` keys that choose
    /// the table: a block with another key has a typo worth a warning.
    package static let keys: [String] = [
        "type", "title", "x", "y", "percent", "horizontal", "height", "colors", "mixed_units", "labels", "size", "row",
    ]

    package init(
        type: ChartType,
        title: String? = nil,
        x: String? = nil,
        y: [String] = [],
        percent: Bool = false,
        horizontal: Bool? = nil,
        height: Double? = nil,
        colors: [String] = [],
        mixedUnits: Bool = false,
        labels: [String: String] = [:],
        size: String? = nil,
        row: String? = nil
    ) {
        self.type = type
        self.title = title
        self.x = x
        self.y = y
        self.percent = percent
        self.horizontal = horizontal
        self.height = height
        self.colors = colors
        self.mixedUnits = mixedUnits
        self.labels = labels
        self.size = size
        self.row = row
    }
}
