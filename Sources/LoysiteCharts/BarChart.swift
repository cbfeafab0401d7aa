/// Bar charts: one bar per category and series (grouped side by side when there are
/// several series), always from the zero baseline, so a bar's length is its value and
/// negative values hang below the line. Columns, or horizontal bars for long labels.
enum BarChart {
    /// Value labels on bars are drawn for one series of at most this many bars.
    static let maxLabelledBars = 16

    static func draw(_ data: CategoryData, spec: ChartSpec, options: ChartOptions) -> ChartDrawing {
        let width = options.drawingWidth
        let horizontal = BarOrientation.isHorizontal(requested: spec.horizontal, categories: data.categories, width: width)
        let values = data.series.flatMap(\.presentValues)
        let minimum = values.min() ?? 0
        let maximum = values.max() ?? 0

        // One series of non-negative bars gets its value at the end of each bar,
        // where there is room for it.
        let valueLabels: [String]? = data.series.count == 1 && minimum >= 0 && data.categories.count <= maxLabelledBars
            ? FigureFormatter.formatAligned(data.series[0].values, unit: data.unit, currencyCode: options.currencyCode)
                .enumerated().map { data.series[0].values[$0.offset] == nil ? "" : $0.element }
            : nil
        let widestValueLabel = valueLabels.map { $0.map { TextMetrics.width($0, fontSize: ChartStyle.fontSize) }.max() ?? 0 } ?? 0
        var extra = CartesianFrame.Extra()
        if valueLabels != nil {
            if horizontal { extra.trailing = widestValueLabel + 6 } else { extra.top = 14 }
        }

        let frame = CartesianFrame(
            width: width,
            height: spec.height,
            orientation: horizontal ? .horizontal : .vertical,
            placement: .bands,
            categories: data.axisLabels,
            valueRange: (minimum, maximum),
            includeZero: true,
            unit: data.unit,
            currencyCode: options.currencyCode,
            legendItems: data.series.map { Legend.Item(label: $0.label, color: $0.color) },
            legendMarker: .swatch,
            seriesPerCategory: data.series.count,
            extra: extra
        )
        let (group, thickness) = frame.barGroup(seriesCount: data.series.count)
        // A hairline between neighbouring bars of a group keeps them apart.
        let gap = data.series.count > 1 ? min(2, thickness * 0.15) : 0

        var svg = SVGWriter()
        frame.drawAxes(into: &svg)
        for (seriesIndex, series) in data.series.enumerated() {
            svg.open("g", ["class": "chart-series chart-series-\(seriesIndex + 1)"])
            let offset = -group / 2 + Double(seriesIndex) * thickness + gap / 2
            for (row, value) in series.values.enumerated() {
                guard let value else { continue }
                let rect = frame.barRect(category: row, offset: offset, thickness: thickness - gap, from: 0, to: value)
                rect.draw(
                    into: &svg, fill: series.color,
                    tooltip: LineChart.tooltip(series, row: row, data: data, currencyCode: options.currencyCode),
                    partial: data.partial[row]
                )
            }
            svg.close("g")
        }
        if let valueLabels {
            drawValueLabels(valueLabels, values: data.series[0].values, frame: frame, thickness: thickness, into: &svg)
        }
        frame.drawBaseline(into: &svg)
        frame.drawLegend(into: &svg)

        let summary = ([ChartSummary.categories(data, noun: horizontal ? "bars" : "points")]
            + data.series.map { ChartSummary.series($0, categories: data.categories, currencyCode: options.currencyCode) })
            .joined(separator: " ")
        return ChartDrawing(
            width: frame.width, height: frame.height, body: svg.markup, summary: summary,
            table: .categories(data, currencyCode: options.currencyCode),
            fallbackTitle: ChartSummary.fallbackTitle(data),
            note: ChartDrawing.partialNote(data, drawnAs: "pale, dashed outline")
        )
    }

    /// Values just past the end of each bar; on columns only when every label fits
    /// the column's width (else the axis alone tells).
    private static func drawValueLabels(
        _ labels: [String], values: [Double?], frame: CartesianFrame, thickness: Double, into svg: inout SVGWriter
    ) {
        let fontSize = ChartStyle.fontSize
        if frame.orientation == .vertical {
            let widest = labels.map { TextMetrics.width($0, fontSize: fontSize) }.max() ?? 0
            guard widest <= frame.slot - 2 else { return }
        }
        svg.open("g", [
            "class": "chart-value-labels", "fill": "currentColor",
            "text-anchor": frame.orientation == .vertical ? "middle" : "start",
        ])
        for (row, value) in values.enumerated() {
            guard let value else { continue }
            let end = frame.valuePosition(value)
            let center = frame.categoryCenters[row]
            switch frame.orientation {
            case .vertical:
                svg.element("text", ["x": center.svg, "y": (end - 4).svg], text: labels[row])
            case .horizontal:
                svg.element("text", ["x": (end + 4).svg, "y": center.svg, "dy": "0.35em"], text: labels[row])
            }
        }
        svg.close("g")
    }
}
