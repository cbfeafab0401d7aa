import LoysiteSupport

/// The charts module's entry point: a chart block's spec and its table in, the
/// `<figure>` HTML out. Pure: the same inputs give byte-identical output.
///
/// ```swift
/// let spec = ChartSpec(type: .line, title: "Month-on-month retention", x: "period", y: ["retention_rate"])
/// let html = try ChartRenderer.render(spec, table: periods, options: ChartOptions(currencyCode: "EUR", idPrefix: "chart-1"))
/// ```
package enum ChartRenderer {
    /// Renders `spec` over `table` as a `<figure class="chart chart-TYPE">` holding a
    /// figcaption (when titled), an accessible inline SVG and the data as a table.
    /// Throws a `ChartError` for what the author must fix: unknown or non-numeric
    /// columns, mixed units, options that do not apply. A table without rows, or without
    /// a single value, is not an error: it renders a "No data" figure.
    package static func render(_ spec: ChartSpec, table: DataTable, options: ChartOptions = ChartOptions()) throws(ChartError) -> String {
        try prepare(spec, table: table, options: options).html(idPrefix: options.idPrefix)
    }

    /// Everything `render` does but give the figure its ids: the same chart shown by
    /// several blocks (on several pages) is drawn once and given each block's ids by
    /// `PreparedChart.html(idPrefix:)`. `options.idPrefix` is not read.
    package static func prepare(_ spec: ChartSpec, table: DataTable, options: ChartOptions = ChartOptions()) throws(ChartError) -> PreparedChart {
        try validate(spec)
        guard options.responsive, spec.type != .sparkline else {
            let drawing = try drawing(spec, table: table, options: options)
            return PreparedChart(type: spec.type, title: spec.title, variants: [ChartFigure.Variant(drawing: drawing, idPrefix: "", role: nil)],
                                 table: drawing.table, note: drawing.note)
        }
        // One drawing per class of column width (see `ChartStyle.drawingWidths`); the
        // first, widest one also gives the table and the note.
        var variants: [ChartFigure.Variant] = []
        for (role, width) in ChartStyle.drawingWidths {
            var variantOptions = options
            variantOptions.width = width
            variantOptions.widensBeyond = ChartStyle.drawingWidths.map(\.width).filter { $0 > width }.min()
            let drawing = try drawing(spec, table: table, options: variantOptions)
            let variant = ChartFigure.Variant(drawing: drawing, idPrefix: "", role: role, laidOutWidth: width)
            // Drawings widened to one width to scroll are the same drawing: written once.
            if variant.scrolls, let same = variants.firstIndex(where: { $0.scrolls && $0.drawing.width == drawing.width }) {
                variants[same].alsoFor.append(role)
            } else {
                variants.append(variant)
            }
        }
        let wide = variants[0].drawing
        return PreparedChart(type: spec.type, title: spec.title, variants: variants, table: wide.table, note: wide.note)
    }

    static func drawing(_ spec: ChartSpec, table: DataTable, options: ChartOptions) throws(ChartError) -> ChartDrawing {
        let width = options.drawingWidth
        let fallbackTitle = (spec.y.isEmpty ? "Chart" : spec.y.map(ColumnLabel.humanize).joined(separator: ", "))
        if table.rows.isEmpty {
            // Still catch misspelt columns when the (empty) table says what it has.
            if !table.columns.isEmpty {
                let names = table.columns.map(\.name)
                for (role, name) in [("x", spec.x), ("size", spec.size)] + spec.y.map({ ("y", Optional($0)) }) {
                    if let name, table.columnIndex(name) == nil { throw .unknownColumn(name, role: role, available: names) }
                }
            }
            return NoDataChart.draw(type: spec.type, width: width, fallbackTitle: fallbackTitle)
        }

        switch spec.type {
        case .heatmap:
            let data = try HeatmapData.resolve(spec, table: table, period: options.period)
            guard data.hasValues else { return NoDataChart.draw(type: spec.type, width: width, fallbackTitle: fallbackTitle) }
            return HeatmapChart.draw(data, spec: spec, options: options)
        case .donut:
            let categories = try CategoryData.resolve(spec, table: table)
            let data = try DonutData.resolve(categories, spec: spec)
            guard data.total > 0 else { return NoDataChart.draw(type: spec.type, width: width, fallbackTitle: fallbackTitle) }
            return DonutChart.draw(data, spec: spec, options: options)
        case .sparkline:
            let data = try CategoryData.resolve(spec, table: table)
            guard data.series.count == 1 else {
                throw ChartError(.invalidOption, "a sparkline draws one column; give y: one of \(data.series.map(\.column).joined(separator: ", "))")
            }
            guard data.hasValues else { return NoDataChart.draw(type: spec.type, width: width, fallbackTitle: fallbackTitle) }
            return Sparkline.draw(data, spec: spec, options: options)
        case .line, .area, .bar, .stackedBar:
            let data = try CategoryData.resolve(spec, table: table)
            guard data.hasValues else { return NoDataChart.draw(type: spec.type, width: width, fallbackTitle: ChartSummary.fallbackTitle(data)) }
            switch spec.type {
            case .line: return LineChart.draw(data, filled: false, spec: spec, options: options)
            case .area: return LineChart.draw(data, filled: true, spec: spec, options: options)
            case .bar: return BarChart.draw(data, spec: spec, options: options)
            default: return StackedBarChart.draw(data, spec: spec, options: options)
            }
        }
    }

    /// Options that are malformed or meaningless for the chart type are errors, not
    /// silently ignored: a block that says `percent: true` on a line chart expects
    /// something the chart would not do.
    static func validate(_ spec: ChartSpec) throws(ChartError) {
        let type = spec.type.rawValue
        if spec.percent && spec.type != .stackedBar {
            throw ChartError(.invalidOption, "percent applies to stacked-bar charts only, not \(type)", key: "percent")
        }
        if spec.horizontal != nil && spec.type != .bar && spec.type != .stackedBar {
            throw ChartError(.invalidOption, "horizontal applies to bar and stacked-bar charts only, not \(type)", key: "horizontal")
        }
        if spec.size != nil && spec.type != .heatmap {
            throw ChartError(.invalidOption, "size applies to heatmap charts only, not \(type)", key: "size")
        }
        if spec.row != nil && spec.type != .donut {
            throw ChartError(.invalidOption, "row applies to donut charts only, not \(type)", key: "row")
        }
        let lowest = spec.type == .sparkline ? 20.0 : 100.0
        if let height = spec.height, !(height.isFinite && height >= lowest && height <= 2000) {
            throw ChartError(.invalidOption, "height must be a number from \(JSONValue.format(lowest)) to 2000 for a \(type) chart, not \(JSONValue.format(height))", key: "height")
        }
        if let bad = spec.colors.first(where: { !ChartPalette.isAcceptable($0) }) {
            throw ChartError(.invalidOption, "colour \"\(bad)\" is not a #hex colour or a CSS colour name", key: "colors")
        }
    }
}
