import LoysiteSupport

/// A table read as a grid for a heatmap: rows are the `x` column (cohorts), cells the
/// `y` columns (periods since the cohort's start), with an optional size column shown
/// beside each row label.
struct HeatmapData {
    let rowHeader: String
    let rows: [String]
    let sizeHeader: String?
    let sizes: [Double?]
    let sizeUnit: DataTable.Unit
    /// Column labels as shown ("+0", "+1", … for cohort periods).
    let columns: [String]
    /// `cells[row][column]`; `nil` where there is no figure (beyond a cohort's last period).
    let cells: [[Double?]]
    let unit: DataTable.Unit
    /// A title over the column labels ("Months since first order"), for cohort tables.
    let columnTitle: String?
    /// Per row: the column of its cell that falls in a partial period (SPEC §2), if
    /// any. In a cohort triangle every row's last cell is in the last period; the
    /// table's `partial` column says whether that period is partial.
    var partialColumn: [Int?] = []

    func isPartial(row: Int, column: Int) -> Bool {
        row < partialColumn.count && partialColumn[row] == column
    }

    var presentValues: [Double] { cells.flatMap { $0.compactMap { $0 } } }
    var hasValues: Bool { !presentValues.isEmpty }

    static func resolve(_ spec: ChartSpec, table: DataTable, period: String?) throws(ChartError) -> HeatmapData {
        let names = table.columns.map(\.name)
        let xIndex = try TableColumns.categoryColumn(named: spec.x, in: table)

        let sizeIndex: Int?
        if let size = spec.size {
            sizeIndex = try TableColumns.valueColumns(named: [size], in: table, role: "size")[0]
        } else if let index = table.columnIndex("size"), index != xIndex, TableColumns.isNumeric(table, column: index) {
            sizeIndex = index
        } else {
            sizeIndex = nil
        }

        var cellIndices: [Int] = []
        if spec.y.isEmpty {
            let candidates = table.columns.indices.filter { $0 != xIndex && $0 != sizeIndex && TableColumns.isNumeric(table, column: $0) }
            // The cohort table's period columns are its ratio columns; other tables
            // (NPS by segment and month, say) use every numeric column.
            let ratios = candidates.filter { table.columns[$0].unit == .ratio }
            cellIndices = ratios.isEmpty ? candidates.filter { !TableColumns.looksLikeIdentifier(table.columns[$0].name) } : ratios
            guard !cellIndices.isEmpty else {
                throw ChartError(.missingData, "a heatmap needs numeric columns for its cells, and this table has none besides its row labels; give y: [...] (columns: \(names.joined(separator: ", ")))")
            }
        } else {
            cellIndices = try TableColumns.valueColumns(named: spec.y, in: table)
        }
        let unit = try TableColumns.commonUnit(
            of: cellIndices.map { table.columns[$0] }, allowMixed: spec.mixedUnits, yWasGiven: !spec.y.isEmpty
        )

        let cellNames = cellIndices.map { table.columns[$0].name }
        // Cohort tables name their columns by periods since the start: 0, 1, 2 …
        let arePeriodOffsets = cellNames.allSatisfy { Int($0) != nil && !$0.hasPrefix("-") && !$0.hasPrefix("+") }
        let columnLabels = cellNames.map { name in
            if let label = spec.labels[name], !label.isEmpty { return label }
            return arePeriodOffsets ? "+" + name : ColumnLabel.humanize(name)
        }

        let cells = table.rows.map { row in cellIndices.map { TableColumns.number(in: row[$0]) } }
        let partialRows = table.partialRows
        var data = HeatmapData(
            rowHeader: xIndex.map { ColumnLabel.display(table.columns[$0].name, labels: spec.labels) } ?? "#",
            rows: TableColumns.categoryLabels(table, column: xIndex),
            sizeHeader: sizeIndex.map { ColumnLabel.display(table.columns[$0].name, labels: spec.labels) },
            sizes: table.rows.map { row in sizeIndex.flatMap { TableColumns.number(in: row[$0]) } },
            sizeUnit: sizeIndex.map { table.columns[$0].unit } ?? .count,
            columns: columnLabels,
            cells: cells,
            unit: unit,
            columnTitle: arePeriodOffsets ? periodTitle(period) : nil
        )
        if arePeriodOffsets {
            data.partialColumn = cells.indices.map { row in partialRows[row] ? cells[row].lastIndex { $0 != nil } : nil }
        }
        return data
    }

    /// "Months since first order" for a monthly cohort table.
    static func periodTitle(_ period: String?) -> String {
        let plural: [String: String] = ["day": "Days", "week": "Weeks", "month": "Months", "quarter": "Quarters", "year": "Years"]
        let unit = period.flatMap { plural[$0.lowercased()] } ?? "Periods"
        return "\(unit) since first order"
    }
}
