/// A heatmap: a grid of cells coloured on a sequential scale, each showing its figure
/// in a text colour picked for contrast against that cell. Built for the cohort
/// retention triangle: row labels (cohort and its size) on the left, "+0, +1 …" across
/// the top, a colour key below.
enum HeatmapChart {
    static let cellHeight = 26.0
    static let maxCellWidth = 72.0
    static let rampWidth = 160.0

    /// The cell grid's geometry, separate from drawing so tests can check it.
    struct Layout {
        var gridLeft: Double
        var gridTop: Double
        var cellWidth: Double
        var cellHeight: Double
        var rowLabelX: Double
        var sizeRight: Double?
        var height: Double
    }

    static func layout(_ data: HeatmapData, width: Double, requestedHeight: Double?, currencyCode: String) -> Layout {
        let fontSize = ChartStyle.fontSize
        let rowLabelWidth = min(140, max(
            TextMetrics.width(data.rowHeader, fontSize: fontSize),
            data.rows.map { TextMetrics.width($0, fontSize: fontSize) }.max() ?? 0
        ))
        var cursor = 4 + rowLabelWidth
        var sizeRight: Double?
        if let sizeHeader = data.sizeHeader {
            let widest = max(
                TextMetrics.width(sizeHeader, fontSize: fontSize),
                data.sizes.map { TextMetrics.width(sizeText($0, data: data, currencyCode: currencyCode), fontSize: fontSize) }.max() ?? 0
            )
            cursor += 12 + widest
            sizeRight = cursor
        }
        let gridLeft = cursor + 10
        let columnCount = Double(max(1, data.columns.count))
        let cellWidth = min(maxCellWidth, (width - gridLeft - 4) / columnCount)
        // A title row over the columns for cohort tables, and for ratios (whose cells may
        // have to drop their % sign and say so there).
        let hasTitleRow = data.columnTitle != nil || data.unit == .ratio
        let gridTop = (hasTitleRow ? 22 : 4) + fontSize + 10
        let rowCount = Double(max(1, data.rows.count))
        var cellHeight = data.rows.count > 24 ? 20 : cellHeight
        if let requestedHeight {
            cellHeight = min(48, max(12, (requestedHeight - gridTop - 44) / rowCount))
        }
        let height = gridTop + rowCount * cellHeight + 44
        return Layout(
            gridLeft: gridLeft, gridTop: gridTop, cellWidth: cellWidth, cellHeight: cellHeight,
            rowLabelX: 4, sizeRight: sizeRight, height: height
        )
    }

    /// The widest a narrow drawing grows to keep its cell numbers (then it scrolls); a
    /// grid that needs more shows its figures in tooltips and the table only.
    static let widestScrollingWidth = 960.0

    static func draw(_ data: HeatmapData, spec: ChartSpec, options: ChartOptions) -> ChartDrawing {
        var width = options.drawingWidth
        let currency = options.currencyCode
        var layout = layout(data, width: width, requestedHeight: spec.height, currencyCode: currency)
        if let shownUpTo = options.widensBeyond, (cellTextStyle(data, layout: layout, currencyCode: currency).fontSize ?? 0) < ChartStyle.smallestCellFontSize {
            // Numbers too small for a phone: as wide as they need, to be scrolled sideways.
            let readable = readableWidth(data, layout: layout, currencyCode: currency)
            if readable <= widestScrollingWidth {
                width = max(readable, shownUpTo + 8)
                layout = Self.layout(data, width: width, requestedHeight: spec.height, currencyCode: currency)
            }
        }
        let values = data.presentValues
        let colors = colorScale(data)
        let scaled = scaledColumns(data)
        var svg = SVGWriter()

        // Column title and labels across the top, thinned when cells are narrow.
        svg.open("g", ["class": "chart-axis chart-axis-category", "fill": "currentColor"])
        let textStyle = cellTextStyle(data, layout: layout, currencyCode: currency)
        var title = data.columnTitle
        if !textStyle.percentSign && textStyle.fontSize != nil {
            title = (title.map { $0 + " · " } ?? "") + "values in %"
        }
        if let title {
            svg.element("text", [
                "x": layout.gridLeft.svg, "y": "14",
                "fill-opacity": ChartStyle.mutedTextOpacity,
            ], text: title)
        }
        let headerY = layout.gridTop - 8
        let columnLabels = CategoryLabels(data.columns, maxWidth: max(layout.cellWidth * 2, 40))
        let centers = data.columns.indices.map { layout.gridLeft + (Double($0) + 0.5) * layout.cellWidth }
        let step = columnLabels.thinningStep(positions: centers, minX: layout.gridLeft - 4, maxX: width)
        svg.open("g", ["text-anchor": "middle"])
        for index in stride(from: 0, to: data.columns.count, by: step) {
            let x = columnLabels.clampedCenter(index, at: centers[index], minX: layout.gridLeft - 4, maxX: width)
            svg.label(columnLabels.visible[index], full: columnLabels.full[index], ["x": x.svg, "y": headerY.svg])
        }
        svg.close("g")
        svg.label(data.rowHeader, full: data.rowHeader, [
            "x": layout.rowLabelX.svg, "y": headerY.svg, "font-weight": "600",
        ])
        if let sizeHeader = data.sizeHeader, let right = layout.sizeRight {
            svg.element("text", ["x": right.svg, "y": headerY.svg, "text-anchor": "end", "font-weight": "600"], text: sizeHeader)
        }
        svg.close("g")

        // Row labels and sizes.
        let rowLabels = CategoryLabels(data.rows, maxWidth: 140)
        svg.open("g", ["class": "chart-axis chart-axis-rows", "fill": "currentColor"])
        for row in data.rows.indices {
            let y = layout.gridTop + (Double(row) + 0.5) * layout.cellHeight
            svg.label(rowLabels.visible[row], full: rowLabels.full[row], ["x": layout.rowLabelX.svg, "y": y.svg, "dy": "0.35em"])
            if let right = layout.sizeRight {
                svg.element("text", [
                    "x": right.svg, "y": y.svg, "dy": "0.35em", "text-anchor": "end",
                    "fill-opacity": ChartStyle.mutedTextOpacity,
                ], text: sizeText(data.sizes[row], data: data, currencyCode: currency))
            }
        }
        svg.close("g")

        // Cells: only where there is a figure, so a cohort triangle stays a triangle.
        // Every cell's text has one size (see `cellTextStyle`): set once, on the group.
        svg.open("g", pairs: [("class", "chart-cells"), ("text-anchor", "middle")] + (textStyle.fontSize.map { [("font-size", $0.svg)] } ?? []))
        for (row, cells) in data.cells.enumerated() {
            for (column, value) in cells.enumerated() {
                guard let value else { continue }
                let x = layout.gridLeft + Double(column) * layout.cellWidth
                let y = layout.gridTop + Double(row) * layout.cellHeight
                let full = FigureFormatter.format(value, unit: data.unit, currencyCode: currency)
                // Off the scale (the +0 column): an outlined cell in the page's colours.
                let onScale = scaled.contains(column)
                svg.open("g", ["class": onScale ? "chart-cell" : "chart-cell chart-cell-unscaled"])
                svg.open("rect", pairs: [
                    ("x", (x + 1).svg), ("y", (y + 1).svg),
                    ("width", max(0, layout.cellWidth - 2).svg), ("height", max(0, layout.cellHeight - 2).svg),
                    ("rx", "2"),
                ] + (onScale ? [("fill", colors.color(for: value))]
                     : [("fill", "none"), ("stroke", "currentColor"), ("stroke-opacity", "0.35")]))
                svg.tooltip("\(data.rows[row]) · \(data.columns[column]): \(full)" + (data.isPartial(row: row, column: column) ? " (partial period)" : ""))
                svg.close("rect")
                let text = textStyle.fontSize.map { _ in cellText(value, data: data, percentSign: textStyle.percentSign, currencyCode: currency) }
                if let fontSize = textStyle.fontSize, let text, onScale || TextMetrics.width(text, fontSize: fontSize) <= layout.cellWidth - 3 {
                    // The baseline 0.35 em below the middle centres the digits (a `dy` per cell, spared).
                    svg.element("text", [
                        "x": (x + layout.cellWidth / 2).svg, "y": (y + layout.cellHeight / 2 + 0.35 * fontSize).svg,
                        "fill": onScale ? colors.textColor(for: value) : "currentColor",
                    ], text: text)
                }
                svg.close("g")
                if data.isPartial(row: row, column: column) {
                    // The last period is partial: its cells are outlined, dashed (outside the
                    // cell's group, which dark mode inverts, so the outline keeps the text colour).
                    svg.empty("rect", [
                        "class": "chart-partial", "x": (x + 1.75).svg, "y": (y + 1.75).svg,
                        "width": max(0, layout.cellWidth - 3.5).svg, "height": max(0, layout.cellHeight - 3.5).svg,
                        "rx": "2", "fill": "none", "stroke": "currentColor", "stroke-width": "1.5",
                        "stroke-dasharray": ChartStyle.partialDash,
                    ])
                }
            }
        }
        svg.close("g")

        drawKey(colors: colors, data: data, x: layout.gridLeft, y: layout.height - 30, currencyCode: currency, maxWidth: width - layout.gridLeft - 4, into: &svg)

        let rowsText = data.rows.count == 1 ? "1 row" : "\(data.rows.count) rows"
        var summary = "\(rowsText) of \(data.rowHeader.lowercasedFirst)"
        if let first = data.rows.first, let last = data.rows.last {
            summary += data.rows.count == 1 ? " (\(first))" : " (\(first) to \(last))"
        }
        summary += " by \(data.columns.count) column\(data.columns.count == 1 ? "" : "s")"
        if let first = data.columns.first, let last = data.columns.last, data.columns.count > 1 {
            summary += " (\(first) to \(last))"
        }
        if let low = values.min(), let high = values.max() {
            let format = { (value: Double) in FigureFormatter.format(value, unit: data.unit, currencyCode: currency) }
            summary += "; \(values.count) cell\(values.count == 1 ? "" : "s") from \(format(low)) to \(format(high))."
            if data.partialColumn.contains(where: { $0 != nil }) {
                summary += " The last cell of each row is in a partial period: the data ends before it does."
            }
            if isConstantFirstColumn(data), let first = data.columns.first {
                summary += " The colour scale leaves out column \(first), which is always 100%."
            }
        }
        let table = HTMLDataTable(
            header: [data.rowHeader] + (data.sizeHeader.map { [$0] } ?? []) + data.columns,
            rows: data.rows.indices.map { row in
                let size = data.sizeHeader == nil ? [] : [sizeText(data.sizes[row], data: data, currencyCode: currency)]
                return (data.rows[row], size + data.cells[row].indices.map { column in
                    FigureFormatter.format(data.cells[row][column], unit: data.unit, currencyCode: currency)
                        + (data.isPartial(row: row, column: column) ? " (partial)" : "")
                })
            }
        ).aligningDecimals()
        return ChartDrawing(
            width: width, height: layout.height, body: svg.markup, summary: summary, table: table,
            fallbackTitle: data.columnTitle == nil ? "Heatmap by \(data.rowHeader.lowercasedFirst)" : "Retention by \(data.rowHeader.lowercasedFirst)",
            note: data.partialColumn.contains { $0 != nil }
                ? "Cells outlined dashed are in a partial period: the data ends before it does." : nil
        )
    }

    /// Ratios run from 0 to the highest cell, so a lighter cell always means a smaller
    /// share; other units from their lowest to their highest cell.
    ///
    /// A cohort table's +0 column is 100% by definition (every member is active in
    /// its first period): on the scale it would spend the dark end on a constant and
    /// push every other cell into the palest third. It is left off the scale, drawn
    /// neutral, and the key says so.
    static func colorScale(_ data: HeatmapData) -> SequentialColorScale {
        let scaled = scaledColumns(data)
        let values = data.cells.flatMap { row in row.indices.filter(scaled.contains).compactMap { row[$0] } }
        let high = values.max() ?? 1
        let low = data.unit == .ratio ? min(0, values.min() ?? 0) : (values.min() ?? 0)
        return SequentialColorScale(lower: low, upper: high > low ? high : low + 1)
    }

    /// The columns the colour scale spans: all, but a cohort table's always-100% +0
    /// column (when there are others to scale).
    static func scaledColumns(_ data: HeatmapData) -> Set<Int> {
        let all = Set(data.cells.first.map { Array($0.indices) } ?? [])
        return isConstantFirstColumn(data) && all.count > 1 ? all.subtracting([0]) : all
    }

    /// Whether column 0 is a cohort's +0: period offsets, every present cell exactly 1.
    static func isConstantFirstColumn(_ data: HeatmapData) -> Bool {
        guard data.columnTitle != nil, data.unit == .ratio else { return false }
        let first = data.cells.compactMap { $0.first ?? nil }
        return !first.isEmpty && first.allSatisfy { $0 == 1 }
    }

    /// How cell figures are written: one font size for all cells (a grid where some
    /// cells have text and others not reads as missing data), and percentages without
    /// their % sign when the cells are too narrow for it. No size fits: no cell text;
    /// tooltips and the data table still carry every figure.
    struct CellTextStyle: Equatable {
        var fontSize: Double?
        var percentSign: Bool
    }

    static func cellTextStyle(_ data: HeatmapData, layout: Layout, currencyCode: String) -> CellTextStyle {
        let room = layout.cellWidth - 3
        // Larger text without the % sign reads better than tiny text with it; the
        // smallest size is the last resort.
        var candidates: [(size: Double, percentSign: Bool)] = [(ChartStyle.smallFontSize, true), (10, true)]
        if data.unit == .ratio { candidates += [(ChartStyle.smallFontSize, false), (10, false)] }
        candidates.append((9, data.unit != .ratio))
        // The always-100% +0 column of a cohort table need not fit: its "100" is the
        // widest text and says nothing the key does not (see `colorScale`).
        let skipped = isConstantFirstColumn(data) && data.columns.count > 1 ? 0 : -1
        let values = data.cells.flatMap { row in row.indices.filter { $0 != skipped }.compactMap { row[$0] } }
        for candidate in candidates where candidate.size <= layout.cellHeight - 4 {
            let fits = values.allSatisfy { value in
                let text = cellText(value, data: data, percentSign: candidate.percentSign, currencyCode: currencyCode)
                return TextMetrics.width(text, fontSize: candidate.size) <= room
            }
            if fits { return CellTextStyle(fontSize: candidate.size, percentSign: candidate.percentSign) }
        }
        return CellTextStyle(fontSize: nil, percentSign: true)
    }

    /// The narrowest drawing whose cells fit their figures at the smallest cell size
    /// (percentages without their sign), the +0 column of a cohort table aside.
    static func readableWidth(_ data: HeatmapData, layout: Layout, currencyCode: String) -> Double {
        let skipped = isConstantFirstColumn(data) && data.columns.count > 1 ? 0 : -1
        let widest = data.cells.flatMap { row in row.indices.filter { $0 != skipped }.compactMap { row[$0] } }
            .map { TextMetrics.width(cellText($0, data: data, percentSign: data.unit != .ratio, currencyCode: currencyCode), fontSize: ChartStyle.smallestCellFontSize) }
            .max() ?? 0
        let cell = min(maxCellWidth, (widest + 3.5).rounded(.up))
        return (layout.gridLeft + 4 + cell * Double(max(1, data.columns.count))).rounded(.up)
    }

    /// A cell's text: whole percentages for ratios (the table below has the decimals),
    /// compact figures otherwise.
    static func cellText(_ value: Double, data: HeatmapData, percentSign: Bool = true, currencyCode: String) -> String {
        guard data.unit == .ratio else {
            return FigureFormatter.format(value, unit: data.unit, currencyCode: currencyCode, style: .compact)
        }
        let text = FigureFormatter.format(value, unit: .ratio, style: .axis(step: 0.01))
        return percentSign ? text : String(text.dropLast())
    }

    private static func sizeText(_ value: Double?, data: HeatmapData, currencyCode: String) -> String {
        FigureFormatter.format(value, unit: data.sizeUnit, currencyCode: currencyCode, style: .full)
    }

    /// A colour ramp with its lowest and highest values, so the shades can be read.
    private static func drawKey(
        colors: SequentialColorScale, data: HeatmapData, x: Double, y: Double,
        currencyCode: String, maxWidth: Double, into svg: inout SVGWriter
    ) {
        // The gradient's id is the figure's id prefix + this: left open in the drawing.
        let gradientID = "-ramp"
        // The ramp is as long as the grid allows, up to its full length.
        // A cohort table's key also says the +0 column is off the scale; the ramp
        // shortens to leave it room.
        let note = isConstantFirstColumn(data) && data.columns.count > 1 ? "\(data.columns[0]) (always 100%) not on scale" : nil
        let noteWidth = note.map { TextMetrics.width($0, fontSize: ChartStyle.fontSize) + 12 } ?? 0
        let rampWidth = max(40, min(Self.rampWidth, maxWidth - noteWidth))
        svg.open("defs")
        svg.open("linearGradient", idPrefixed: gradientID, ["x1": "0", "x2": "1", "y1": "0", "y2": "0"])
        for stop in 0...4 {
            let t = Double(stop) / 4
            let value = colors.lower + (colors.upper - colors.lower) * t
            svg.empty("stop", ["offset": t.svg, "stop-color": colors.color(for: value)])
        }
        svg.close("linearGradient")
        svg.close("defs")
        svg.open("g", ["class": "chart-legend chart-key", "fill": "currentColor"])
        svg.empty("rect", ["x": x.svg, "y": y.svg, "width": rampWidth.svg, "height": "8", "rx": "2"], "fill", urlOfIDPrefixed: gradientID)
        let low = FigureFormatter.format(colors.lower, unit: data.unit, currencyCode: currencyCode, style: .compact)
        let high = FigureFormatter.format(colors.upper, unit: data.unit, currencyCode: currencyCode, style: .compact)
        svg.element("text", ["x": x.svg, "y": (y + 22).svg, "fill-opacity": ChartStyle.mutedTextOpacity], text: low)
        svg.element("text", [
            "x": (x + rampWidth).svg, "y": (y + 22).svg, "text-anchor": "end", "fill-opacity": ChartStyle.mutedTextOpacity,
        ], text: high)
        if let note {
            svg.element("text", [
                "class": "chart-key-note", "x": (x + rampWidth + 12).svg, "y": (y + 8).svg, "fill-opacity": ChartStyle.mutedTextOpacity,
            ], text: note)
        }
        svg.close("g")
    }
}
