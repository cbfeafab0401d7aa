/// Stacked bars: the series of one category stacked into one bar (promoters, passives
/// and detractors of a month), positive parts upwards from zero and negative parts
/// downwards. With `percent`, each stack shows shares of its category's total, so
/// periods with different numbers of responses compare.
enum StackedBarChart {
    /// One stacked segment, in value units.
    struct Segment: Equatable {
        var series: Int
        var category: Int
        var from: Double
        var to: Double
        /// The value before any share conversion.
        var value: Double
        /// The share of its category's total (by absolute values).
        var share: Double
    }

    /// Stacks every category's values: positives from 0 upwards, negatives from 0
    /// downwards, in series order; missing values take no room.
    static func segments(_ data: CategoryData, percent: Bool) -> [Segment] {
        var segments: [Segment] = []
        for category in data.categories.indices {
            let total = data.series.reduce(0) { $0 + abs($1.values[category] ?? 0) }
            var up = 0.0
            var down = 0.0
            for (index, series) in data.series.enumerated() {
                guard let value = series.values[category] else { continue }
                let share = total > 0 ? value / total : 0
                let height = percent ? share : value
                if height >= 0 {
                    segments.append(Segment(series: index, category: category, from: up, to: up + height, value: value, share: share))
                    up += height
                } else {
                    segments.append(Segment(series: index, category: category, from: down, to: down + height, value: value, share: share))
                    down += height
                }
            }
        }
        return segments
    }

    static func draw(_ data: CategoryData, spec: ChartSpec, options: ChartOptions) -> ChartDrawing {
        let width = options.drawingWidth
        let horizontal = BarOrientation.isHorizontal(requested: spec.horizontal, categories: data.categories, width: width)
        let segments = segments(data, percent: spec.percent)
        var maximum = segments.map { max($0.from, $0.to) }.max() ?? 0
        let minimum = segments.map { min($0.from, $0.to) }.min() ?? 0
        // Floating sums of shares can land at 1.0000000002; a percent axis ends at 100%.
        if spec.percent { maximum = min(maximum, 1) }

        let frame = CartesianFrame(
            width: width,
            height: spec.height,
            orientation: horizontal ? .horizontal : .vertical,
            placement: .bands,
            categories: data.axisLabels,
            valueRange: (minimum, maximum),
            includeZero: true,
            unit: spec.percent ? .ratio : data.unit,
            currencyCode: options.currencyCode,
            legendItems: data.series.map { Legend.Item(label: $0.label, color: $0.color) },
            legendMarker: .swatch
        )
        let (_, thickness) = frame.barGroup(seriesCount: 1)

        var svg = SVGWriter()
        frame.drawAxes(into: &svg)
        for (seriesIndex, series) in data.series.enumerated() {
            svg.open("g", ["class": "chart-series chart-series-\(seriesIndex + 1)"])
            for segment in segments where segment.series == seriesIndex {
                let rect = frame.barRect(
                    category: segment.category, offset: -thickness / 2, thickness: thickness,
                    from: segment.from, to: segment.to
                )
                let value = FigureFormatter.format(segment.value, unit: series.unit, currencyCode: options.currencyCode)
                let share = FigureFormatter.format(segment.share, unit: .ratio)
                rect.draw(into: &svg, fill: series.color, tooltip: "\(data.tooltipLabel(segment.category)) · \(series.label): \(value) (\(share))", partial: data.partial[segment.category])
            }
            svg.close("g")
        }
        frame.drawBaseline(into: &svg)
        frame.drawLegend(into: &svg)

        var summary = [ChartSummary.categories(data, noun: horizontal ? "bars" : "points")]
        if spec.percent { summary.append("Each bar shows shares of its total.") }
        summary += data.series.map { ChartSummary.series($0, categories: data.categories, currencyCode: options.currencyCode) }
        return ChartDrawing(
            width: frame.width, height: frame.height, body: svg.markup, summary: summary.joined(separator: " "),
            table: .categories(data, currencyCode: options.currencyCode),
            fallbackTitle: ChartSummary.fallbackTitle(data),
            note: ChartDrawing.partialNote(data, drawnAs: "pale, dashed outline")
        )
    }
}
