import LoysiteSupport

/// The layout shared by line, area, bar and stacked-bar charts: legend on top, a value
/// axis with nice ticks, categories along the other axis with labels that never
/// overlap, and the plot area in between. Chart types only place their marks in it.
struct CartesianFrame {
    enum Orientation {
        /// Categories run left to right, values up (columns, lines).
        case vertical
        /// Categories run top to bottom, values right (horizontal bars).
        case horizontal
    }

    enum Placement {
        /// Categories at evenly spaced points from edge to edge: lines and areas.
        case points
        /// Categories centred in equal slots: bars.
        case bands
    }

    /// Space a chart needs around its marks for value labels (beyond the bars' ends).
    struct Extra {
        var top = 0.0
        var trailing = 0.0
    }

    let width: Double
    let height: Double
    let orientation: Orientation
    let plot: PlotArea
    let axis: ValueAxis
    /// Maps a value to its position along the value axis.
    let valuePosition: LinearScale
    /// The centre of each category along the category axis.
    let categoryCenters: [Double]
    /// The room each category has along the category axis (slot or spacing).
    let slot: Double
    let labels: CategoryLabels
    /// Every `labelStep`-th category label is drawn (vertical orientation).
    let labelStep: Int
    let legend: Legend?

    init(
        width: Double,
        height requestedHeight: Double?,
        orientation: Orientation,
        placement: Placement,
        categories: [String],
        valueRange: (minimum: Double, maximum: Double),
        includeZero: Bool,
        unit: DataTable.Unit,
        currencyCode: String,
        legendItems: [Legend.Item],
        legendMarker: Legend.Marker,
        seriesPerCategory: Int = 1,
        extra: Extra = Extra()
    ) {
        let fontSize = ChartStyle.fontSize
        let legend = legendItems.count > 1
            ? Legend(flow: legendItems, marker: legendMarker, x: 4, y: 2, maxWidth: width - 8)
            : nil
        let top = (legend.map { $0.height + 12 } ?? 12) + extra.top
        let bottom = fontSize + ChartStyle.tickLabelPadding + 10
        let count = max(1, categories.count)

        self.width = width
        self.orientation = orientation
        self.legend = legend

        switch orientation {
        case .vertical:
            // However small the block asks for, the plot keeps some height.
            let height = max(requestedHeight ?? ChartStyle.defaultHeight(width: width), top + bottom + 60)
            let axis = ValueAxis(
                scale: NiceScale.make(
                    minimum: valueRange.minimum, maximum: valueRange.maximum,
                    targetTicks: ValueAxis.targetTicks(forHeight: height - top - bottom),
                    includeZero: includeZero
                ),
                unit: unit, currencyCode: currencyCode
            )
            let labels = CategoryLabels(categories, maxWidth: placement == .bands ? min(140, width * 0.22) : 120)
            let left = max(28, axis.widestLabel + ChartStyle.tickLabelPadding + 4)
            let right = 16 + extra.trailing
            let plot = PlotArea(left: left, top: top, right: width - right, bottom: height - bottom)
            let centers: [Double]
            let slot: Double
            switch placement {
            case .points:
                // The first and last points sit in from the plot's edges by half their
                // label, so the first period's label never runs under the value axis's
                // lowest label, nor the last one off the drawing.
                let leading = min((labels.widths.first ?? 0) / 2 + 2, plot.width / 4)
                let trailing = min((labels.widths.last ?? 0) / 2, plot.width / 4)
                slot = count > 1 ? (plot.width - leading - trailing) / Double(count - 1) : plot.width
                centers = count > 1
                    ? (0..<count).map { plot.left + leading + Double($0) * slot }
                    : [plot.left + plot.width / 2]
            case .bands:
                slot = plot.width / Double(count)
                centers = (0..<count).map { plot.left + (Double($0) + 0.5) * slot }
            }
            self.height = height
            self.plot = plot
            self.axis = axis
            self.valuePosition = LinearScale(domain: axis.scale, from: plot.bottom, to: plot.top)
            self.categoryCenters = categories.isEmpty ? [] : centers
            self.slot = slot
            self.labels = labels
            // Labels stay right of the value axis (its lowest label is level with them).
            self.labelStep = labels.thinningStep(positions: self.categoryCenters, minX: plot.left, maxX: width, anchoredAtEnd: true)

        case .horizontal:
            // Names get a third of the width, or two fifths on a phone-sized drawing.
            let labels = CategoryLabels(categories, maxWidth: min(220, width * (width < 480 ? 0.4 : 0.32)))
            let left = max(40, labels.widest + ChartStyle.tickLabelPadding + 6)
            let right = 20 + extra.trailing
            let axis = ValueAxis.fitting(
                minimum: valueRange.minimum, maximum: valueRange.maximum, includeZero: includeZero,
                length: width - left - right, unit: unit, currencyCode: currencyCode
            )
            let rowHeight = seriesPerCategory <= 1 ? 28.0 : 12.0 * Double(seriesPerCategory) + 14
            let needed = top + Double(count) * rowHeight + bottom
            let height = max(requestedHeight ?? needed, top + Double(count) * 12 + bottom)
            let plot = PlotArea(left: left, top: top, right: width - right, bottom: height - bottom)
            let slot = plot.height / Double(count)
            self.height = height
            self.plot = plot
            self.axis = axis
            self.valuePosition = LinearScale(domain: axis.scale, from: plot.left, to: plot.right)
            self.categoryCenters = categories.isEmpty ? [] : (0..<count).map { plot.top + (Double($0) + 0.5) * slot }
            self.slot = slot
            self.labels = labels
            self.labelStep = 1
        }
    }

    /// Grid, value labels and category labels: everything behind the marks.
    func drawAxes(into svg: inout SVGWriter) {
        switch orientation {
        case .vertical:
            axis.drawLeft(into: &svg, position: valuePosition, plot: plot)
            labels.drawBelow(
                into: &svg, positions: categoryCenters, y: plot.bottom + ChartStyle.tickLabelPadding,
                step: labelStep, minX: plot.left, maxX: width, anchoredAtEnd: true
            )
        case .horizontal:
            axis.drawBottom(into: &svg, position: valuePosition, plot: plot)
            labels.drawLeft(into: &svg, positions: categoryCenters, x: plot.left - ChartStyle.tickLabelPadding)
        }
    }

    /// The zero line, over the marks.
    func drawBaseline(into svg: inout SVGWriter) {
        axis.drawBaseline(into: &svg, position: valuePosition, plot: plot, vertical: orientation == .vertical)
    }

    func drawLegend(into svg: inout SVGWriter) {
        legend?.draw(into: &svg)
    }

    /// The width of a group of bars in one category and of each bar in it: the group
    /// fills most of the slot, but bars never grow fat when there are few categories.
    func barGroup(seriesCount: Int) -> (group: Double, bar: Double) {
        let count = Double(max(1, seriesCount))
        let maxBar = orientation == .vertical ? 56.0 : 26.0
        let group = min(slot * (seriesCount > 1 ? 0.8 : 0.7), maxBar * count)
        return (group, group / count)
    }

    /// A bar in category `index`, `offset` from the category's centre across the
    /// category axis, `thickness` thick, spanning values `from`…`to`.
    func barRect(category index: Int, offset: Double, thickness: Double, from: Double, to: Double) -> BarRect {
        let a = valuePosition(from)
        let b = valuePosition(to)
        let across = categoryCenters[index] + offset
        switch orientation {
        case .vertical:
            return BarRect(x: across, y: min(a, b), width: thickness, height: abs(a - b))
        case .horizontal:
            return BarRect(x: min(a, b), y: across, width: abs(a - b), height: thickness)
        }
    }
}

/// A bar's rectangle in viewBox coordinates.
struct BarRect: Equatable {
    var x: Double
    var y: Double
    var width: Double
    var height: Double

    /// A bar of a partial period (SPEC §2) is drawn pale with a dashed outline: there
    /// but not comparable with the full ones beside it.
    func draw(into svg: inout SVGWriter, fill: String, tooltip: String, className: String = "chart-bar", partial: Bool = false) {
        var attributes = [
            ("class", className + (partial ? " chart-partial" : "")), ("x", x.svg), ("y", y.svg),
            ("width", width.svg), ("height", height.svg), ("fill", fill),
        ]
        if partial {
            attributes += [
                ("fill-opacity", ChartStyle.partialFillOpacity), ("stroke", fill), ("stroke-width", "1.5"),
                ("stroke-dasharray", ChartStyle.partialDash),
            ]
        }
        svg.open("rect", pairs: attributes)
        svg.tooltip(tooltip)
        svg.close("rect")
    }
}
