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
        /// Extra columns after the label, right-aligned (a donut part's value and share).
        var details: [String] = []
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
    /// The right edge of each detail column.
    private let detailRightEdges: [Double]
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
        self.detailRightEdges = []
        self.height = items.isEmpty ? 0 : cursorY - y + Self.rowHeight
    }

    /// One item per row from (`x`, `y`); detail columns right-aligned, the last one
    /// ending at `x + maxWidth`.
    init(column items: [Item], marker: Marker, x: Double, y: Double, maxWidth: Double) {
        let fontSize = ChartStyle.fontSize
        let columnCount = items.map(\.details.count).max() ?? 0
        let columnWidths = (0..<columnCount).map { column in
            items.map { $0.details.indices.contains(column) ? TextMetrics.width($0.details[column], fontSize: fontSize) : 0 }.max() ?? 0
        }
        var edges: [Double] = []
        var right = x + maxWidth
        for width in columnWidths.reversed() {
            edges.insert(right, at: 0)
            right -= width + Self.itemGap
        }
        let labelRoom = max(40, right - x - Self.markerSize - Self.markerGap)
        self.placed = items.enumerated().map { index, item in
            Placed(
                item: item,
                visible: TextMetrics.truncate(item.label, toWidth: labelRoom, fontSize: fontSize).text,
                x: x,
                y: y + Double(index) * Self.columnRowHeight
            )
        }
        self.marker = marker
        self.detailRightEdges = edges
        self.height = Self.columnHeight(items.count)
    }

    /// Rows in a column legend are spaced a little wider than in a flow.
    static let columnRowHeight = rowHeight + 4

    /// The height of a column legend of `count` items.
    static func columnHeight(_ count: Int) -> Double {
        count == 0 ? 0 : Double(count) * columnRowHeight - 4
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
            for (column, detail) in entry.item.details.enumerated() where column < detailRightEdges.count {
                svg.element("text", [
                    "x": detailRightEdges[column].svg, "y": middle.svg, "dy": "0.35em",
                    "text-anchor": "end", "fill-opacity": ChartStyle.mutedTextOpacity,
                ], text: detail)
            }
        }
        svg.close("g")
    }
}
