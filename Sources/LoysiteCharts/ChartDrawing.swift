/// What each chart type produces, before it is wrapped in its `<figure>`: the SVG's
/// inner markup and size, the text for `<desc>`, and the numbers as an HTML table.
struct ChartDrawing {
    var width: Double
    var height: Double
    /// SVG elements (no `<svg>` root, no `<title>`/`<desc>`).
    var body: String
    /// A plain-language summary of the data for screen readers (`<desc>`).
    var summary: String
    /// The numbers behind the chart, for the `<details>` after it; `nil` when there are none.
    var table: HTMLDataTable?
    /// A name for the chart when the block gives no title ("Retention rate by period").
    var fallbackTitle: String
}
