import Foundation
import LoysiteSupport

/// Questions about a table's columns that every chart type asks the same way: which
/// are numeric, which is the natural category column, do the chosen ones share a unit.
enum TableColumns {
    /// The number in a cell: numbers as they are, text that reads as a number (a raw CSV
    /// cell) converted, `null`, empty text and non-finite numbers as missing.
    static func number(in value: DataTable.Value) -> Double? {
        switch value {
        case .number(let number): return number.isFinite ? number : nil
        case .null: return nil
        case .text(let text):
            let trimmed = text.trimmingBlanks()
            guard let number = Double(trimmed), number.isFinite else { return nil }
            return number
        }
    }

    /// A cell that is neither a number nor missing: text that is not a number.
    static func nonNumericText(in value: DataTable.Value) -> String? {
        guard case .text(let text) = value else { return nil }
        let trimmed = text.trimmingBlanks()
        if trimmed.isEmpty { return nil }
        if let number = Double(trimmed), number.isFinite { return nil }
        return text
    }

    /// A column is numeric when no cell holds non-numeric text and it either has a
    /// number or is declared with a numeric unit (a cohort period that is all `null`).
    static func isNumeric(_ table: DataTable, column: Int) -> Bool {
        var sawNumber = false
        for row in table.rows {
            if nonNumericText(in: row[column]) != nil { return false }
            if case .number = row[column] { sawNumber = true }
            if case .text = row[column], number(in: row[column]) != nil { sawNumber = true }
        }
        return sawNumber || table.columns[column].unit != .plain
    }

    /// Throws, naming the column and the first offending cell, when a `y` column is not numeric.
    static func requireNumeric(_ table: DataTable, column: Int) throws(ChartError) {
        for (rowIndex, row) in table.rows.enumerated() {
            if let text = nonNumericText(in: row[column]) {
                let shown = text.count > 40 ? String(text.prefix(40)) + "…" : text
                throw ChartError(
                    .notNumeric,
                    "column \"\(table.columns[column].name)\" is not numeric (row \(rowIndex + 1) holds \"\(shown)\"); y columns must hold numbers",
                    key: "y", value: table.columns[column].name
                )
            }
        }
    }

    /// The column a chart uses for categories when the block names none: the first that
    /// holds text (a period, a segment); failing that, the first column of a table with
    /// several (as Evidence and most notebook tools do).
    static func defaultCategoryColumn(_ table: DataTable) -> Int? {
        if let index = table.columns.indices.first(where: { index in
            table.rows.contains { nonNumericText(in: $0[index]) != nil }
        }) {
            return index
        }
        return table.columns.count > 1 ? 0 : nil
    }

    /// The category column a block names, or the default one when it names none.
    static func categoryColumn(named name: String?, in table: DataTable) throws(ChartError) -> Int? {
        guard let name else { return defaultCategoryColumn(table) }
        guard let index = table.columnIndex(name) else {
            throw .unknownColumn(name, role: "x", available: table.columns.map(\.name))
        }
        return index
    }

    /// The columns a block names as values, each checked to exist and hold numbers.
    static func valueColumns(named names: [String], in table: DataTable, role: String = "y") throws(ChartError) -> [Int] {
        var indices: [Int] = []
        for name in names {
            guard let index = table.columnIndex(name) else {
                throw .unknownColumn(name, role: role, available: table.columns.map(\.name))
            }
            try requireNumeric(table, column: index)
            indices.append(index)
        }
        return indices
    }

    /// One label per row from the category column (`—` for an empty cell), or the row
    /// numbers 1, 2, 3 … when there is none.
    static func categoryLabels(_ table: DataTable, column: Int?) -> [String] {
        table.rows.indices.map { row in
            guard let column else { return String(row + 1) }
            return table.rows[row][column].text.map { $0.isEmpty ? "—" : $0 } ?? "—"
        }
    }

    /// Identifier columns (`customer_id`, `id`) are numbers that are not figures; a
    /// default `y` leaves them out.
    static func looksLikeIdentifier(_ name: String) -> Bool {
        let lower = name.lowercased()
        return lower == "id" || lower.hasSuffix("_id") || lower.hasSuffix("-id")
    }

    /// The unit shared by `columns`. `plain` goes with any one other unit (a raw CSV's
    /// numbers have no declared unit). Different units are an error that lists them by
    /// unit and says how to choose, unless `allowMixed`, which gives `plain`.
    static func commonUnit(of columns: [DataTable.Column], allowMixed: Bool, yWasGiven: Bool) throws(ChartError) -> DataTable.Unit {
        var units: [DataTable.Unit] = []
        for column in columns where column.unit != .plain && !units.contains(column.unit) {
            units.append(column.unit)
        }
        if units.count <= 1 { return units.first ?? .plain }
        if allowMixed { return .plain }
        let groups = units.map { unit in
            "\(unit.rawValue): " + columns.filter { $0.unit == unit }.map(\.name).joined(separator: ", ")
        }
        let example = columns.filter { $0.unit == units[0] }.map(\.name).joined(separator: ", ")
        let start = yWasGiven
            ? "the y columns have different units"
            : "no y given, and the numeric columns have different units"
        return try failMixed(
            "\(start) (\(groups.joined(separator: "; "))), which cannot share one axis; choose columns of one unit, e.g. y: [\(example)], or set mixed_units: true"
        )
    }

    private static func failMixed(_ message: String) throws(ChartError) -> DataTable.Unit {
        throw ChartError(.mixedUnits, message)
    }
}
