import LoysiteCharts
import Synchronization

/// The charts one `DatasetBlockRenderer` has drawn, by what they were drawn from: a
/// report template repeats the same charts on every report, and each is drawn once per
/// build (at four widths; the cohort heatmap was most of the `markdown` step) and then
/// only given each block's ids. Shared by the threads that convert pages.
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

    private let charts = Mutex<[Key: PreparedChart]>([:])

    func chart(for key: Key) -> PreparedChart? {
        charts.withLock { $0[key] }
    }

    /// Keeps `chart`; two threads that drew the same chart at once drew the same bytes.
    func keep(_ chart: PreparedChart, for key: Key) {
        charts.withLock { $0[key] = chart }
    }
}
