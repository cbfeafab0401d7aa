import LoysiteSupport

/// A sparkline: a word-sized line of recent values without axes, ending in a dot on the
/// last value. The same drawing serves the `sparkline` chart type (with the last value
/// written beside it) and KPI tiles (where the headline already says it).
enum Sparkline {
    /// The SVG body of a sparkline in a `width` × `height` box. Missing values leave gaps;
    /// the vertical range is the data's own (a sparkline shows shape, not magnitude).
    /// With `lastIsPartial`, the step into the last value is dashed and its dot hollow:
    /// that period is not over (SPEC §2 "Partial periods").
    static func body(values: [Double?], width: Double, height: Double, color: String, lastLabel: String?, lastIsPartial: Bool = false) -> String {
        let present = values.compactMap { $0 }
        guard let lastIndex = values.lastIndex(where: { $0 != nil }), let last = values[lastIndex] else { return "" }
        // The label takes at most half the width, so the line and its dot keep the rest.
        let labelWidth = lastLabel.map { min(TextMetrics.width($0, fontSize: ChartStyle.fontSize) + 6, width / 2) } ?? 0
        let pad = 4.0
        let right = width - pad - labelWidth
        let low = present.min() ?? 0
        let high = present.max() ?? 0
        // Equal values draw a level line through the middle.
        let y = high > low
            ? LinearScale(lower: low, upper: high, from: height - pad, to: pad)
            : LinearScale(lower: low - 1, upper: low + 1, from: height - pad, to: pad)
        let count = values.count
        func x(_ index: Int) -> Double {
            count > 1 ? pad + Double(index) * (right - pad) / Double(count - 1) : (pad + right) / 2
        }

        var svg = SVGWriter()
        let indices = values.indices.filter { values[$0] != nil }
        let partialIndex = lastIsPartial && lastIndex == values.count - 1 ? lastIndex : nil
        for run in LineChart.contiguousRuns(indices) where run.count > 1 {
            let full = partialIndex.map { index in run.filter { $0 != index } } ?? run
            let pieces = [(full, false)] + (partialIndex.flatMap { index in run.contains(index) ? [(Array(run.suffix(2)), true)] : nil } ?? [])
            for (piece, partial) in pieces where piece.count > 1 {
                let d = "M" + piece.map { x($0).svg + " " + y(values[$0]!).svg }.joined(separator: " L")
                svg.empty("path", pairs: [
                    ("class", partial ? "chart-line chart-partial" : "chart-line"), ("d", d), ("fill", "none"), ("stroke", color),
                    ("stroke-width", "1.75"), ("stroke-linejoin", "round"), ("stroke-linecap", "round"),
                ] + (partial ? [("stroke-dasharray", ChartStyle.partialDash)] : []))
            }
        }
        if partialIndex != nil {
            svg.empty("circle", [
                "class": "chart-point chart-partial", "cx": x(lastIndex).svg, "cy": y(last).svg, "r": "2.75",
                "fill": "none", "stroke": color, "stroke-width": "1.5",
            ])
        } else {
            svg.empty("circle", ["class": "chart-point", "cx": x(lastIndex).svg, "cy": y(last).svg, "r": "2.75", "fill": color])
        }
        if let lastLabel {
            svg.element("text", [
                "x": (width - labelWidth + 4).svg, "y": y(last).svg, "dy": "0.35em",
                "fill": "currentColor",
            ], text: lastLabel)
        }
        return svg.output
    }

    static func draw(_ data: CategoryData, spec: ChartSpec, options: ChartOptions) -> ChartDrawing {
        let series = data.series[0]
        let width = ChartStyle.sparklineWidth
        let height = min(120, max(20, spec.height ?? ChartStyle.sparklineHeight))
        let lastValue = series.values.last { $0 != nil } ?? nil
        let label = lastValue.map { FigureFormatter.format($0, unit: series.unit, currencyCode: options.currencyCode, style: .compact) }
        let body = body(values: series.values, width: width, height: height, color: series.color, lastLabel: label, lastIsPartial: data.partial.last ?? false)
        let summary = ChartSummary.categories(data) + " " + ChartSummary.series(series, categories: data.categories, currencyCode: options.currencyCode)
        return ChartDrawing(
            width: width, height: height, body: SVGMarkup(body), summary: summary,
            table: .categories(data, currencyCode: options.currencyCode),
            fallbackTitle: ChartSummary.fallbackTitle(data),
            note: ChartDrawing.partialNote(data, drawnAs: "dashed")
        )
    }
}
