/// Line and area charts: one line per series across the categories, broken where a
/// value is missing (a gap says "no figure", a bridged line would invent one). An area
/// chart stacks its series, each band filled between the series below and its own top.
enum LineChart {
    /// Above this many points, lines go without a dot per point (they would crowd).
    static let maxPointsWithDots = 24

    static func draw(_ data: CategoryData, filled: Bool, spec: ChartSpec, options: ChartOptions) -> ChartDrawing {
        // An area chart stacks its series (each band's height is its value, the top
        // line the total); overlaid translucent areas would mix colours that are in no
        // legend. Stacking needs values of one sign, so with a negative value the
        // areas are drawn as plain lines, as the legend then shows.
        let stacked = filled && data.series.count > 1 && !data.series.contains { $0.presentValues.contains { $0 < 0 } }
        let fills = filled && (stacked || data.series.count == 1)
        let bands = stacked ? stackedBands(data) : data.series.map { series in
            (lower: series.values.map { _ in 0.0 }, upper: series.values)
        }
        let values = stacked ? bands.flatMap { $0.upper.compactMap { $0 } } : data.series.flatMap(\.presentValues)
        let frame = CartesianFrame(
            width: options.drawingWidth,
            height: spec.height,
            orientation: .vertical,
            placement: .points,
            categories: data.axisLabels,
            valueRange: (values.min() ?? 0, values.max() ?? 0),
            includeZero: filled,
            unit: data.unit,
            currencyCode: options.currencyCode,
            legendItems: data.series.map { Legend.Item(label: $0.label, color: $0.color) },
            legendMarker: fills ? .swatch : .line
        )
        var svg = SVGWriter()
        frame.drawAxes(into: &svg)
        // Under the lines: a line running along zero stays on top.
        frame.drawBaseline(into: &svg)
        let showDots = data.categories.count <= maxPointsWithDots

        for (index, series) in data.series.enumerated() {
            svg.open("g", ["class": "chart-series chart-series-\(index + 1)"])
            let band = bands[index]
            let points: [(index: Int, x: Double, y: Double, lower: Double)] = series.values.indices.compactMap { row in
                guard series.values[row] != nil, let upper = band.upper[row] else { return nil }
                return (row, frame.categoryCenters[row], frame.valuePosition(upper), frame.valuePosition(band.lower[row]))
            }
            let runs = contiguousRuns(points.map(\.index))
            for run in runs where run.count > 1 {
                let runPoints = points.filter { run.contains($0.index) }
                // The stretch into a partial period (SPEC §2) is drawn apart: dashed, paler.
                let splitAt = runPoints.lastIndex { !data.partial[$0.index] } ?? 0
                let pieces = [(Array(runPoints[...splitAt]), false), (Array(runPoints[splitAt...]), true)]
                for (piece, partial) in pieces where piece.count > 1 {
                    let coordinates = piece.map { $0.x.svg + " " + $0.y.svg }
                    if fills {
                        let below = piece.reversed().map { $0.x.svg + " " + $0.lower.svg }
                        let area = "M" + coordinates.joined(separator: " L") + " L" + below.joined(separator: " L") + " Z"
                        svg.empty("path", [
                            "class": "chart-area" + (partial ? " chart-partial" : ""), "d": area, "fill": series.color,
                            "fill-opacity": stacked ? (partial ? "0.3" : "0.75") : (partial ? "0.08" : "0.18"),
                        ])
                    }
                    var attributes = [
                        ("class", "chart-line" + (partial ? " chart-partial" : "")), ("d", "M" + coordinates.joined(separator: " L")),
                        ("fill", "none"), ("stroke", series.color),
                        ("stroke-width", "2.5"), ("stroke-linejoin", "round"), ("stroke-linecap", "round"),
                    ]
                    if partial { attributes.append(("stroke-dasharray", ChartStyle.partialDash)) }
                    svg.empty("path", pairs: attributes)
                }
            }
            // A value with no neighbour would be invisible as a line: always give it a dot.
            let isolated = Set(runs.filter { $0.count == 1 }.flatMap { $0 })
            for point in points where showDots || isolated.contains(point.index) || data.partial[point.index] {
                let partial = data.partial[point.index]
                var attributes = [
                    ("class", partial ? "chart-point chart-partial" : "chart-point"), ("cx", point.x.svg), ("cy", point.y.svg),
                    ("r", isolated.contains(point.index) ? "3.5" : "3"),
                ]
                // A partial period's dot is hollow: the value so far, not the period's.
                attributes += partial
                    ? [("fill", "none"), ("stroke", series.color), ("stroke-width", "2")]
                    : [("fill", series.color)]
                svg.open("circle", pairs: attributes)
                svg.tooltip(tooltip(series, row: point.index, data: data, currencyCode: options.currencyCode))
                svg.close("circle")
            }
            svg.close("g")
        }
        frame.drawLegend(into: &svg)

        var summary = [ChartSummary.categories(data)]
        if stacked { summary.append("The series are stacked: the top line is their total.") }
        summary += data.series.map { ChartSummary.series($0, categories: data.categories, currencyCode: options.currencyCode) }
        return ChartDrawing(
            width: frame.width, height: frame.height, body: svg.markup, summary: summary.joined(separator: " "),
            table: .categories(data, currencyCode: options.currencyCode),
            fallbackTitle: ChartSummary.fallbackTitle(data),
            note: ChartDrawing.partialNote(data, drawnAs: "dashed")
        )
    }

    /// Each series' band in a stack: from the sum of the series before it (a missing
    /// value counts as 0 there) to that sum plus its own value; nil where it has none.
    static func stackedBands(_ data: CategoryData) -> [(lower: [Double], upper: [Double?])] {
        var running = data.categories.map { _ in 0.0 }
        return data.series.map { series in
            let lower = running
            let upper = series.values.indices.map { row in series.values[row].map { lower[row] + $0 } }
            for row in running.indices { running[row] += series.values[row] ?? 0 }
            return (lower, upper)
        }
    }

    /// "2025-03 · Retention rate: 45.2%"
    static func tooltip(_ series: ChartSeries, row: Int, data: CategoryData, currencyCode: String) -> String {
        let value = FigureFormatter.format(series.values[row], unit: series.unit, currencyCode: currencyCode, style: .full)
        return "\(data.tooltipLabel(row)) · \(series.label): \(value)"
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
