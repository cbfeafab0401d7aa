/// Line and area charts: one line per series across the categories, broken where a
/// value is missing (a gap says "no figure", a bridged line would invent one). An area
/// chart fills each line's runs down to the zero baseline.
enum LineChart {
    /// Above this many points, lines go without a dot per point (they would crowd).
    static let maxPointsWithDots = 24

    static func draw(_ data: CategoryData, filled: Bool, spec: ChartSpec, options: ChartOptions) -> ChartDrawing {
        let values = data.series.flatMap(\.presentValues)
        let frame = CartesianFrame(
            width: options.drawingWidth,
            height: spec.height,
            orientation: .vertical,
            placement: .points,
            categories: data.categories,
            valueRange: (values.min() ?? 0, values.max() ?? 0),
            includeZero: filled,
            unit: data.unit,
            currencyCode: options.currencyCode,
            legendItems: data.series.map { Legend.Item(label: $0.label, color: $0.color) },
            legendMarker: filled ? .swatch : .line
        )
        var svg = SVGWriter()
        frame.drawAxes(into: &svg)
        // Under the lines: a line running along zero stays on top.
        frame.drawBaseline(into: &svg)
        let baseline = frame.valuePosition.baseline
        let showDots = data.categories.count <= maxPointsWithDots

        for (index, series) in data.series.enumerated() {
            svg.open("g", ["class": "chart-series chart-series-\(index + 1)"])
            let points: [(index: Int, x: Double, y: Double)] = series.values.indices.compactMap { row in
                series.values[row].map { (row, frame.categoryCenters[row], frame.valuePosition($0)) }
            }
            let runs = contiguousRuns(points.map(\.index))
            for run in runs where run.count > 1 {
                let runPoints = points.filter { run.contains($0.index) }
                let coordinates = runPoints.map { $0.x.svg + " " + $0.y.svg }
                let line = "M" + coordinates.joined(separator: " L")
                if filled, let first = runPoints.first, let last = runPoints.last {
                    let area = "M\(first.x.svg) \(baseline.svg) L" + coordinates.joined(separator: " L")
                        + " L\(last.x.svg) \(baseline.svg) Z"
                    svg.empty("path", ["class": "chart-area", "d": area, "fill": series.color, "fill-opacity": "0.18"])
                }
                svg.empty("path", [
                    "class": "chart-line", "d": line, "fill": "none", "stroke": series.color,
                    "stroke-width": "2.5", "stroke-linejoin": "round", "stroke-linecap": "round",
                ])
            }
            // A value with no neighbour would be invisible as a line: always give it a dot.
            let isolated = Set(runs.filter { $0.count == 1 }.flatMap { $0 })
            for point in points where showDots || isolated.contains(point.index) {
                svg.open("circle", [
                    "class": "chart-point", "cx": point.x.svg, "cy": point.y.svg,
                    "r": isolated.contains(point.index) ? "3.5" : "3", "fill": series.color,
                ])
                svg.tooltip(tooltip(series, row: point.index, data: data, currencyCode: options.currencyCode))
                svg.close("circle")
            }
            svg.close("g")
        }
        frame.drawLegend(into: &svg)

        let summary = ([ChartSummary.categories(data)]
            + data.series.map { ChartSummary.series($0, categories: data.categories, currencyCode: options.currencyCode) })
            .joined(separator: " ")
        return ChartDrawing(
            width: frame.width, height: frame.height, body: svg.output, summary: summary,
            table: .categories(data, currencyCode: options.currencyCode),
            fallbackTitle: ChartSummary.fallbackTitle(data)
        )
    }

    /// "2025-03 · Retention rate: 45.2%"
    static func tooltip(_ series: ChartSeries, row: Int, data: CategoryData, currencyCode: String) -> String {
        let value = FigureFormatter.format(series.values[row], unit: series.unit, currencyCode: currencyCode, style: .full)
        return "\(data.categories[row]) · \(series.label): \(value)"
    }

    /// Groups sorted indices into runs of consecutive ones: [0,1,2,5,6,9] → [[0,1,2],[5,6],[9]].
    static func contiguousRuns(_ indices: [Int]) -> [[Int]] {
        var runs: [[Int]] = []
        for index in indices {
            if let last = runs.last?.last, last + 1 == index {
                runs[runs.count - 1].append(index)
            } else {
                runs.append([index])
            }
        }
        return runs
    }
}
