import Foundation
import LoysiteSupport

/// A donut: each part an arc whose angle is its share of 360°, starting at twelve
/// o'clock and running clockwise, the total in the middle and a legend with values and
/// shares beside it.
enum DonutChart {
    /// Start and end angle of each part in degrees (0° at the top, clockwise); parts
    /// without value get an empty arc. The ends add up to exactly 360°.
    static func angles(_ values: [Double]) -> [(start: Double, end: Double)] {
        let total = values.reduce(0, +)
        guard total > 0 else { return values.map { _ in (0, 0) } }
        var running = 0.0
        return values.enumerated().map { index, value in
            let start = running / total * 360
            running += value
            let end = index == values.count - 1 ? 360 : running / total * 360
            return (start, end)
        }
    }

    static func draw(_ data: DonutData, spec: ChartSpec, options: ChartOptions) -> ChartDrawing {
        let width = options.drawingWidth
        let currency = options.currencyCode
        let total = data.total
        let legendHeight = Legend.columnHeight(data.parts.count)
        // Wide: the ring on the left, the legend beside it. Narrow (phones): the ring
        // centred on top, the legend under it at full width.
        let stacked = width < 480
        let height: Double
        let diameter: Double
        let center: (x: Double, y: Double)
        let legendOrigin: (x: Double, y: Double)
        if stacked {
            diameter = min(spec.height.map { $0 - 16 } ?? 200, 200, width - 16)
            center = (width / 2, 8 + diameter / 2)
            legendOrigin = (8, 8 + diameter + 20)
            height = legendOrigin.y + legendHeight + 8
        } else {
            height = max(spec.height ?? ChartStyle.donutHeight, min(legendHeight + 16, 1200))
            // The ring takes a square on the left, never more than 300 across.
            diameter = min(height - 16, 300, width * 0.45)
            center = (8 + diameter / 2, height / 2)
            legendOrigin = (center.x + diameter / 2 + 32, max(4, (height - legendHeight) / 2))
        }
        let outer = diameter / 2
        let inner = outer * 0.6

        var svg = SVGWriter()
        svg.open("g", ["class": "chart-slices"])
        for (part, angle) in zip(data.parts, angles(data.parts.map(\.value))) where angle.end > angle.start {
            let share = FigureFormatter.format(part.value / total, unit: .ratio)
            svg.open("path", [
                "class": "chart-slice",
                "d": arcPath(center: center, outer: outer, inner: inner, start: angle.start, end: angle.end),
                "fill": part.color,
            ])
            svg.tooltip("\(part.label): \(FigureFormatter.format(part.value, unit: data.unit, currencyCode: currency)) (\(share))")
            svg.close("path")
        }
        svg.close("g")

        // The total in the hole; a sum of ratios means nothing, so ratios show none.
        if data.unit != .ratio {
            let totalText = FigureFormatter.format(total, unit: data.unit, currencyCode: currency, style: .compact)
            let fontSize = min(24, inner * 2 * 0.8 / max(1, TextMetrics.width(totalText, fontSize: 1)))
            svg.open("g", ["class": "chart-total", "fill": "currentColor", "text-anchor": "middle"])
            svg.element("text", [
                "x": center.x.svg, "y": (center.y + 2).svg, "font-size": fontSize.svg, "font-weight": "600",
            ], text: totalText)
            svg.element("text", [
                "x": center.x.svg, "y": (center.y + 2 + ChartStyle.smallFontSize + 4).svg,
                "font-size": ChartStyle.smallFontSize.svg, "fill-opacity": ChartStyle.mutedTextOpacity,
            ], text: data.row ?? data.measure)
            svg.close("g")
        }

        let items = data.parts.map { part in
            Legend.Item(label: part.label, color: part.color, details: [
                FigureFormatter.format(part.value, unit: data.unit, currencyCode: currency, style: .compact),
                FigureFormatter.format(total > 0 ? part.value / total : 0, unit: .ratio),
            ])
        }
        let legend = Legend(
            column: items, marker: .swatch, x: legendOrigin.x, y: legendOrigin.y,
            maxWidth: min(width - legendOrigin.x - 8, 340)
        )
        legend.draw(into: &svg)

        let description = data.parts.map { part in
            "\(part.label) \(FigureFormatter.format(part.value, unit: data.unit, currencyCode: currency)) (\(FigureFormatter.format(total > 0 ? part.value / total : 0, unit: .ratio)))"
        }
        var summary = "\(data.parts.count) part\(data.parts.count == 1 ? "" : "s")"
        if let row = data.row { summary += " of \(row)" }
        if data.unit != .ratio { summary += ", total \(FigureFormatter.format(total, unit: data.unit, currencyCode: currency))" }
        summary += ": " + description.joined(separator: ", ") + "."

        let table = HTMLDataTable(
            header: [data.partHeader, data.measure == "Total" ? "Value" : data.measure, "Share"],
            rows: data.parts.map { part in
                (part.label, [
                    FigureFormatter.format(part.value, unit: data.unit, currencyCode: currency),
                    FigureFormatter.format(total > 0 ? part.value / total : 0, unit: .ratio),
                ])
            }
        ).aligningDecimals()
        return ChartDrawing(
            width: width, height: height, body: svg.markup, summary: summary, table: table,
            fallbackTitle: data.measure == "Total"
                ? data.parts.map(\.label).joined(separator: ", ") + (data.row.map { " in \($0)" } ?? "")
                : "\(data.measure) by \(data.partHeader.lowercasedFirst)"
        )
    }

    /// The ring segment from `start` to `end` degrees. A whole ring (one part) cannot be
    /// one arc command, so it is drawn as two half arcs. A hairline of angle is taken off
    /// each end so neighbouring parts show the page between them, whatever its colour.
    static func arcPath(center: (x: Double, y: Double), outer: Double, inner: Double, start: Double, end: Double) -> String {
        func point(_ degrees: Double, _ radius: Double) -> String {
            let radians = degrees * .pi / 180
            return (center.x + radius * sin(radians)).svg + " " + (center.y - radius * cos(radians)).svg
        }
        let sweep = end - start
        if sweep >= 359.999 {
            return "M\(point(0, outer)) A\(outer.svg) \(outer.svg) 0 1 1 \(point(180, outer)) A\(outer.svg) \(outer.svg) 0 1 1 \(point(360, outer)) "
                + "M\(point(0, inner)) A\(inner.svg) \(inner.svg) 0 1 0 \(point(180, inner)) A\(inner.svg) \(inner.svg) 0 1 0 \(point(360, inner)) Z"
        }
        let pad = min(0.6, sweep * 0.2)
        let (a, b) = (start + pad, end - pad)
        let large = (b - a) > 180 ? 1 : 0
        return "M\(point(a, outer)) A\(outer.svg) \(outer.svg) 0 \(large) 1 \(point(b, outer)) "
            + "L\(point(b, inner)) A\(inner.svg) \(inner.svg) 0 \(large) 0 \(point(a, inner)) Z"
    }
}
