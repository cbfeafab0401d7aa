/// The key to a chart's colours, drawn inside the SVG so it travels with the picture.
/// Items flow left to right and wrap onto new rows (`flow`), or stand one per row with
/// an optional value column (`column`, beside a donut).
struct Legend {
    enum Marker {
        /// A filled square: bars, areas, donut slices.
        case swatch
        /// A short thick line: line charts.
        case line
    }

    struct Item {
        var label: String
        var color: String
        /// Extra text after the label (a donut slice's value and share).
        var detail: String? = nil
    }

    private struct Placed {
        var item: Item
        var visible: String
        var x: Double
        var y: Double
    }

    static let rowHeight = 18.0
    static let markerSize = 10.0
    static let markerGap = 6.0
    static let itemGap = 16.0

    private let placed: [Placed]
    private let marker: Marker
    private let detailX: Double?
    /// The height the legend takes, for the layout below it.
    let height: Double

    /// Items in rows from (`x`, `y`), wrapping at `maxWidth`.
    init(flow items: [Item], marker: Marker, x: Double, y: Double, maxWidth: Double) {
        let fontSize = ChartStyle.fontSize
        let labelRoom = max(40, min(220, maxWidth - Self.markerSize - Self.markerGap))
        var placed: [Placed] = []
        var cursorX = x
        var cursorY = y
        for item in items {
            let visible = TextMetrics.truncate(item.label, toWidth: labelRoom, fontSize: fontSize).text
            let itemWidth = Self.markerSize + Self.markerGap + TextMetrics.width(visible, fontSize: fontSize)
            if cursorX > x, cursorX + itemWidth > x + maxWidth {
                cursorX = x
                cursorY += Self.rowHeight
            }
            placed.append(Placed(item: item, visible: visible, x: cursorX, y: cursorY))
            cursorX += itemWidth + Self.itemGap
        }
        self.placed = placed
        self.marker = marker
        self.detailX = nil
        self.height = items.isEmpty ? 0 : cursorY - y + Self.rowHeight
    }

    /// One item per row from (`x`, `y`); details (values) right-aligned at `x + maxWidth`.
    init(column items: [Item], marker: Marker, x: Double, y: Double, maxWidth: Double) {
        let fontSize = ChartStyle.fontSize
        let widestDetail = items.map { TextMetrics.width($0.detail ?? "", fontSize: fontSize) }.max() ?? 0
        let labelRoom = max(40, maxWidth - Self.markerSize - Self.markerGap - widestDetail - Self.itemGap)
        self.placed = items.enumerated().map { index, item in
            Placed(
                item: item,
                visible: TextMetrics.truncate(item.label, toWidth: labelRoom, fontSize: fontSize).text,
                x: x,
                y: y + Double(index) * (Self.rowHeight + 4)
            )
        }
        self.marker = marker
        self.detailX = widestDetail > 0 ? x + maxWidth : nil
        self.height = items.isEmpty ? 0 : Double(items.count) * (Self.rowHeight + 4) - 4
    }

    func draw(into svg: inout SVGWriter) {
        guard !placed.isEmpty else { return }
        svg.open("g", ["class": "chart-legend", "fill": "currentColor"])
        for entry in placed {
            let middle = entry.y + Self.rowHeight / 2
            switch marker {
            case .swatch:
                svg.empty("rect", [
                    "x": entry.x.svg, "y": (middle - Self.markerSize / 2).svg,
                    "width": Self.markerSize.svg, "height": Self.markerSize.svg,
                    "rx": "2", "fill": entry.item.color,
                ])
            case .line:
                svg.empty("line", [
                    "x1": entry.x.svg, "y1": middle.svg, "x2": (entry.x + Self.markerSize).svg, "y2": middle.svg,
                    "stroke": entry.item.color, "stroke-width": "3", "stroke-linecap": "round",
                ])
            }
            svg.label(entry.visible, full: entry.item.label, [
                "x": (entry.x + Self.markerSize + Self.markerGap).svg,
                "y": middle.svg,
                "dy": "0.35em",
            ])
            if let detailX, let detail = entry.item.detail {
                svg.element("text", [
                    "x": detailX.svg, "y": middle.svg, "dy": "0.35em",
                    "text-anchor": "end", "fill-opacity": ChartStyle.mutedTextOpacity
                ], text: detail)
            }
        }
        svg.close("g")
    }
}
