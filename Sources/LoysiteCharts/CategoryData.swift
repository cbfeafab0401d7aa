import LoysiteSupport

/// One series of values: a `y` column, with what it takes to draw and describe it.
struct ChartSeries: Equatable {
    /// The column's name in the table.
    let column: String
    /// How the chart names it (legend, table header, description).
    let label: String
    let unit: DataTable.Unit
    /// One value per category; `nil` where the cell is `null` or empty.
    let values: [Double?]
    /// A CSS colour (usually `var(--chart-N, #hex)`).
    let color: String

    var presentValues: [Double] { values.compactMap { $0 } }
}

extension CategoryData {
    /// Whether any row is a partial period.
    var hasPartial: Bool { partial.contains(true) }

    /// The category as the data table and tooltips name it, "(partial)" where it is one.
    func tableLabel(_ row: Int) -> String {
        row < partial.count && partial[row] ? categories[row] + " (partial)" : categories[row]
    }

    /// The category as a tooltip names it.
    func tooltipLabel(_ row: Int) -> String {
        row < partial.count && partial[row] ? axisLabels[row] + " (partial)" : axisLabels[row]
    }
}

/// A table read as categories (the `x` column) × series (the `y` columns): what line,
/// area, bar, stacked-bar, donut and sparkline charts draw.
struct CategoryData: Equatable {
    /// The `x` column's display name, if there is an `x` column.
    let categoryLabel: String?
    /// One label per row, as the table has it (period keys stay keys: the data table shows these).
    let categories: [String]
    /// One label per row for the axis and tooltips: period keys as people read them
    /// ("Mar 2026"), other categories as they are.
    let axisLabels: [String]
    /// Per row: whether its period is partial (SPEC §2), drawn distinguishably.
    let partial: [Bool]
    let series: [ChartSeries]
    /// The unit the value axis formats with: the series' common unit, or `plain` when
    /// the block allowed mixed units.
    let unit: DataTable.Unit

    init(categoryLabel: String?, categories: [String], axisLabels: [String]? = nil, partial: [Bool]? = nil,
         series: [ChartSeries], unit: DataTable.Unit) {
        self.categoryLabel = categoryLabel
        self.categories = categories
        self.axisLabels = axisLabels ?? categories
        self.partial = partial ?? categories.map { _ in false }
        self.series = series
        self.unit = unit
    }

    /// Whether there is anything to draw: at least one row and one present value.
    var hasValues: Bool { series.contains { !$0.presentValues.isEmpty } }

    /// Reads `table` as `spec` asks, choosing defaults for `x` and `y` and rejecting
    /// what cannot be drawn with a message that says what to write instead.
    static func resolve(_ spec: ChartSpec, table: DataTable) throws(ChartError) -> CategoryData {
        let columnNames = table.columns.map(\.name)
        let xIndex = try TableColumns.categoryColumn(named: spec.x, in: table)
        let yIndices: [Int]
        if spec.y.isEmpty {
            yIndices = table.columns.indices.filter { index in
                index != xIndex && TableColumns.isNumeric(table, column: index) && !TableColumns.looksLikeIdentifier(table.columns[index].name)
            }
            guard !yIndices.isEmpty else {
                throw ChartError(.missingData, "no numeric column to draw; the table has columns: \(columnNames.joined(separator: ", "))")
            }
        } else {
            yIndices = try TableColumns.valueColumns(named: spec.y, in: table)
        }

        let unit = try TableColumns.commonUnit(
            of: yIndices.map { table.columns[$0] },
            allowMixed: spec.mixedUnits,
            yWasGiven: !spec.y.isEmpty
        )

        let categories = TableColumns.categoryLabels(table, column: xIndex)
        let labels = yIndices.map { ColumnLabel.display(table.columns[$0].name, labels: spec.labels) }
        let colors = ChartPalette.colors(forSeries: yIndices.map { table.columns[$0].name }, custom: spec.colors)
        let series = yIndices.enumerated().map { position, index in
            ChartSeries(
                column: table.columns[index].name,
                label: labels[position],
                unit: table.columns[index].unit,
                values: table.rows.map { TableColumns.number(in: $0[index]) },
                color: colors[position]
            )
        }
        return CategoryData(
            categoryLabel: xIndex.map { ColumnLabel.display(table.columns[$0].name, labels: spec.labels) },
            categories: categories,
            axisLabels: PeriodLabel.humanize(categories),
            partial: table.partialRows,
            series: series,
            unit: unit
        )
    }
}
