import LoysiteSupport

/// The parts of a donut: either one row per category of a single `y` column (responses
/// by segment), or several `y` columns of one row (promoters, passives and detractors
/// of the last month).
struct DonutData {
    struct Part: Equatable {
        var label: String
        var value: Double
        var color: String
    }

    /// What the parts are parts of ("Responses"), and the name of what they are ("Segment").
    let measure: String
    let partHeader: String
    let parts: [Part]
    let unit: DataTable.Unit
    /// The row the parts were taken from, when they are columns of one row.
    let row: String?

    var total: Double { parts.reduce(0) { $0 + $1.value } }

    static func resolve(_ data: CategoryData, spec: ChartSpec) throws(ChartError) -> DonutData {
        let parts: [Part]
        let measure: String
        let partHeader: String
        var rowLabel: String?
        if data.series.count == 1 {
            let series = data.series[0]
            let colors = ChartPalette.colors(forSeries: data.categories, custom: spec.colors)
            parts = data.categories.indices.compactMap { index in
                series.values[index].map { Part(label: data.categories[index], value: $0, color: colors[index]) }
            }
            measure = series.label
            partHeader = data.categoryLabel ?? "Part"
        } else {
            let rowIndex: Int
            if let wanted = spec.row {
                guard let index = data.categories.lastIndex(of: wanted) else {
                    let known = data.categories.suffix(12).joined(separator: ", ")
                    throw ChartError(.unknownColumn, "row \"\(wanted)\" is not in the \(data.categoryLabel?.lowercasedFirst ?? "x") column; it has: \(known)", key: "row", value: wanted)
                }
                rowIndex = index
            } else {
                // The latest row that has figures: the usual "this month" view.
                rowIndex = data.categories.indices.last { row in data.series.contains { $0.values[row] != nil } } ?? 0
            }
            parts = data.series.compactMap { series in
                series.values.indices.contains(rowIndex)
                    ? series.values[rowIndex].map { Part(label: series.label, value: $0, color: series.color) }
                    : nil
            }
            measure = "Total"
            partHeader = "Part"
            // A partial period's split is the period so far (SPEC §2): its label says so.
            rowLabel = data.categories.indices.contains(rowIndex) ? data.tableLabel(rowIndex) : nil
        }
        if let negative = parts.first(where: { $0.value < 0 }) {
            throw ChartError(
                .unsupportedData,
                "a donut shows parts of a whole and cannot show the negative value of \"\(negative.label)\" (\(FigureFormatter.format(negative.value, unit: data.unit))); use a bar chart"
            )
        }
        return DonutData(measure: measure, partHeader: partHeader, parts: parts, unit: data.unit, row: rowLabel)
    }
}
