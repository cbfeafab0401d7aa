/// A small column-oriented table: what the metrics module derives (periods, cohorts,
/// NPS by period or segment) and what the charts module draws. It lives here, below
/// both, so neither has to know the other.
package struct DataTable: Sendable, Equatable {
    /// One cell. `null` is a figure that cannot be computed (retention of a first period).
    package enum Value: Sendable, Hashable {
        case number(Double)
        case text(String)
        case null

        package var number: Double? {
            if case .number(let value) = self { return value }
            return nil
        }

        package var text: String? {
            switch self {
            case .text(let value): return value
            case .number(let value): return JSONValue.format(value)
            case .null: return nil
            }
        }
    }

    /// How a column's numbers read, so charts and tiles format them right.
    package enum Unit: String, Sendable, Hashable {
        /// A plain quantity: customers, orders, responses.
        case count
        /// A share between 0 and 1, shown as a percentage.
        case ratio
        /// An amount of money in the site's currency.
        case money
        /// A score on its own scale (NPS from −100 to 100), shown as a plain number.
        case score
        /// Text or a number with no special meaning.
        case plain
    }

    package struct Column: Sendable, Hashable {
        package var name: String
        package var unit: Unit

        package init(_ name: String, unit: Unit = .plain) {
            self.name = name
            self.unit = unit
        }
    }

    package var columns: [Column]
    /// Row-major cells; every row has `columns.count` cells.
    package var rows: [[Value]]

    package init(columns: [Column], rows: [[Value]]) {
        self.columns = columns
        self.rows = rows
    }

    package func columnIndex(_ name: String) -> Int? {
        columns.firstIndex { $0.name == name }
    }

    /// All cells of one column, top to bottom.
    package func values(of column: String) -> [Value]? {
        guard let index = columnIndex(column) else { return nil }
        return rows.map { $0[index] }
    }
}
