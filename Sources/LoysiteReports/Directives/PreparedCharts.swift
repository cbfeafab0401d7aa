import LoysiteCharts
import Synchronization

/// The charts one `DatasetBlockRenderer` has drawn, by what they were drawn from: a
/// report template repeats the same charts on every report, and each is drawn once per
/// build (at four widths; the cohort heatmap was most of the `markdown` step) and then
/// only given each block's ids (a figure with the same ids, as a block at the same place
/// on another report has, is made once too). Shared by the threads that convert pages.
final class PreparedCharts: Sendable {
    /// Everything a drawing depends on: the table is a function of the dataset (one per
    /// name in a renderer) and the block's `metric:`.
    struct Key: Hashable {
        var spec: ChartSpec
        var dataset: String
        var metric: String?
        /// With `idPrefix` emptied: the drawing does not read it.
        var options: ChartOptions

        init(spec: ChartSpec, dataset: String, metric: String?, options: ChartOptions) {
            self.spec = spec
            self.dataset = dataset
            self.metric = metric
            self.options = options
            self.options.idPrefix = ""
        }
    }

    /// The drawings, and each figure made of one (a drawing with one block's ids).
    private struct Kept {
        var charts: [Key: PreparedChart] = [:]
        var figures: [Figure: String] = [:]
    }

    private struct Figure: Hashable {
        var chart: Key
        var idPrefix: String
    }

    private let kept = Mutex(Kept())

    /// The figure for the chart `key` with the ids `idPrefix`: made before, or made of
    /// the chart drawn before, or of the chart `draw` gives (nil: nothing to show, and
    /// nothing kept). `draw` runs under the lock, so that two threads never draw one
    /// chart twice (they did, as the first reports were converted side by side); other
    /// blocks wait only while a chart is first drawn.
    func figure(for key: Key, idPrefix: String, drawing draw: () throws(ChartError) -> PreparedChart?) throws(ChartError) -> String? {
        try kept.withLock { (kept: inout Kept) throws(ChartError) -> String? in
            let figure = Figure(chart: key, idPrefix: idPrefix)
            if let html = kept.figures[figure] { return html }
            let chart: PreparedChart
            if let drawn = kept.charts[key] {
                chart = drawn
            } else {
                guard let drawn = try draw() else { return nil }
                kept.charts[key] = drawn
                chart = drawn
            }
            let html = chart.html(idPrefix: idPrefix)
            kept.figures[figure] = html
            return html
        }
    }
}
