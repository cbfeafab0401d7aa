/// What a chart shows when there is nothing to draw (no rows, or only missing values):
/// a plain "No data" panel of the chart's width, so the page keeps its shape and the
/// reader sees the chart is empty rather than broken.
enum NoDataChart {
    static func draw(type: ChartType, width: Double, fallbackTitle: String) -> ChartDrawing {
        let isSparkline = type == .sparkline
        let width = isSparkline ? ChartStyle.sparklineWidth : width
        let height = isSparkline ? ChartStyle.sparklineHeight : 120
        var svg = SVGWriter()
        svg.empty("rect", [
            "x": "1", "y": "1", "width": (width - 2).svg, "height": (height - 2).svg, "rx": "6",
            "fill": "none", "stroke": "currentColor", "stroke-opacity": ChartStyle.gridOpacity, "stroke-dasharray": "4 4",
        ])
        svg.element("text", [
            "class": "chart-empty", "x": (width / 2).svg, "y": (height / 2).svg, "dy": "0.35em",
            "text-anchor": "middle", "fill": "currentColor", "fill-opacity": ChartStyle.mutedTextOpacity,
            "font-size": (isSparkline ? ChartStyle.smallFontSize : 14).svg,
        ], text: "No data")
        return ChartDrawing(
            width: width, height: height, body: svg.markup, summary: "No data.", table: nil,
            fallbackTitle: fallbackTitle
        )
    }
}
