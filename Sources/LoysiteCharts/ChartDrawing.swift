/// What each chart type produces, before it is wrapped in its `<figure>`: the SVG's
/// inner markup and size, the text for `<desc>`, and the numbers as an HTML table.
struct ChartDrawing: Sendable {
    var width: Double
    var height: Double
    /// SVG elements (no `<svg>` root, no `<title>`/`<desc>`), with the places for the
    /// figure's id prefix left open: one drawing serves every figure of the same chart.
    var body: SVGMarkup
    /// A plain-language summary of the data for screen readers (`<desc>`).
    var summary: String
    /// The numbers behind the chart, for the `<details>` after it; `nil` when there are none.
    var table: HTMLDataTable?
    /// A name for the chart when the block gives no title ("Retention rate by period").
    var fallbackTitle: String
    /// A line shown under the drawing for every reader: what a mark drawn apart means
    /// ("Dec 2011 is a partial period (dashed): the data ends before it does").
    var note: String? = nil
}

extension ChartDrawing {
    /// The note for a category chart with a partial period (SPEC §2), if it has one.
    static func partialNote(_ data: CategoryData, drawnAs: String) -> String? {
        let partial = data.categories.indices.filter { $0 < data.partial.count && data.partial[$0] }
        guard !partial.isEmpty else { return nil }
        let names = partial.map { data.axisLabels[$0] }.joined(separator: ", ")
        return "\(names) \(partial.count == 1 ? "is a partial period" : "are partial periods") (\(drawnAs)): the data ends before \(partial.count == 1 ? "it does" : "they do")."
    }
}
