import LoysiteSupport

/// The axis that measures values: nice ticks, their labels formatted by unit, grid
/// lines across the plot and a stronger line at zero. Drawn along the left edge (values
/// going up) or along the bottom (values going right, for horizontal bars).
struct ValueAxis {
    let scale: NiceScale
    let labels: [String]

    init(scale: NiceScale, unit: DataTable.Unit, currencyCode: String) {
        self.scale = scale
        self.labels = scale.ticks.map {
            FigureFormatter.format($0, unit: unit, currencyCode: currencyCode, style: .axis(step: scale.step))
        }
    }

    var widestLabel: Double {
        labels.map { TextMetrics.width($0, fontSize: ChartStyle.fontSize) }.max() ?? 0
    }

    /// Ticks that fit a vertical axis of `length`: one per ~45 units, 2 to 8 of them.
    static func targetTicks(forHeight length: Double) -> Int {
        max(2, min(8, Int(length / 45)))
    }

    /// A scale for a horizontal axis of `length` whose labels do not collide: starts
    /// with one tick per ~56 units and takes fewer while labels would touch.
    static func fitting(
        minimum: Double, maximum: Double, includeZero: Bool, length: Double,
        unit: DataTable.Unit, currencyCode: String
    ) -> ValueAxis {
        var target = max(2, min(10, Int(length / 56)))
        while true {
            let axis = ValueAxis(
                scale: NiceScale.make(minimum: minimum, maximum: maximum, targetTicks: target, includeZero: includeZero),
                unit: unit, currencyCode: currencyCode
            )
            let intervals = max(1, axis.labels.count - 1)
            if target <= 1 || length / Double(intervals) >= axis.widestLabel + ChartStyle.labelGap * 2 {
                return axis
            }
            target -= 1
        }
    }

    /// Grid lines across the plot and labels to its left (values running up).
    func drawLeft(into svg: inout SVGWriter, position: LinearScale, plot: PlotArea) {
        svg.open("g", ["class": "chart-axis chart-axis-value", "fill": "currentColor"])
        for (tick, label) in zip(scale.ticks, labels) {
            let y = position(tick)
            if tick != 0 { drawGridLine(into: &svg, x1: plot.left, y1: y, x2: plot.right, y2: y) }
            svg.element("text", [
                "x": (plot.left - ChartStyle.tickLabelPadding).svg, "y": y.svg, "dy": "0.35em",
                "text-anchor": "end", "fill-opacity": ChartStyle.mutedTextOpacity,
            ], text: label)
        }
        svg.close("g")
    }

    /// Grid lines down the plot and labels below it (values running right).
    func drawBottom(into svg: inout SVGWriter, position: LinearScale, plot: PlotArea) {
        svg.open("g", ["class": "chart-axis chart-axis-value", "fill": "currentColor"])
        for (tick, label) in zip(scale.ticks, labels) {
            let x = position(tick)
            if tick != 0 { drawGridLine(into: &svg, x1: x, y1: plot.top, x2: x, y2: plot.bottom) }
            svg.element("text", [
                "x": x.svg, "y": (plot.bottom + ChartStyle.tickLabelPadding + ChartStyle.fontSize * 0.8).svg,
                "text-anchor": "middle", "fill-opacity": ChartStyle.mutedTextOpacity,
            ], text: label)
        }
        svg.close("g")
    }

    /// The zero line, drawn over the marks so bars visibly grow from it (up, down or
    /// right). Nothing when zero is outside the axis (a line chart from 35% to 55%).
    func drawBaseline(into svg: inout SVGWriter, position: LinearScale, plot: PlotArea, vertical: Bool) {
        guard scale.lower <= 0, scale.upper >= 0 else { return }
        let at = position(0)
        svg.empty("line", [
            "class": "chart-baseline",
            "x1": (vertical ? plot.left : at).svg, "y1": (vertical ? at : plot.top).svg,
            "x2": (vertical ? plot.right : at).svg, "y2": (vertical ? at : plot.bottom).svg,
            "stroke": "currentColor", "stroke-opacity": ChartStyle.baselineOpacity,
        ])
    }

    private func drawGridLine(into svg: inout SVGWriter, x1: Double, y1: Double, x2: Double, y2: Double) {
        svg.empty("line", [
            "class": "chart-grid", "x1": x1.svg, "y1": y1.svg, "x2": x2.svg, "y2": y2.svg,
            "stroke": "currentColor", "stroke-opacity": ChartStyle.gridOpacity,
        ])
    }
}
