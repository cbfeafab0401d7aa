import Foundation
import LoysiteMetrics
import LoysiteSupport

/// One dataset of `content/data/`: a CSV or JSON file, what its sidecar says it is, and
/// its computed figures (orders and responses) or its rows (series).
///
/// This is what the rest of loysite asks about datasets: chart blocks ask for a
/// `table(named:)`, metric blocks and alerts for a `figure(named:period:)`, and
/// metrics.json is built from `json()`.
package struct Dataset: Sendable {
    /// What the rows are (the sidecar's `kind`; default `series`).
    package enum Kind: String, Sendable, CaseIterable {
        case orders
        case responses
        case series
    }

    /// What was computed from the rows.
    package enum Figures: Sendable {
        case orders(OrdersMetrics)
        case responses(ResponsesMetrics)
        /// The rows themselves; a column whose every non-empty value is a number holds numbers.
        case series(DataTable)
    }

    /// The file name without its extension: how chart and metric blocks name the dataset.
    package var name: String
    /// The data file, relative to the site root (`content/data/orders.csv`).
    package var path: String
    /// The sidecar, relative to the site root, if there is one.
    package var sidecarPath: String?
    package var kind: Kind
    /// The period figures are grouped by (the sidecar's, else the site's).
    package var period: Period
    /// Data rows read, header excluded, bad ones included.
    package var rows: Int
    /// Bad rows left out under `bad_rows: skip`.
    package var skippedRows: Int
    /// Column names, in file order.
    package var columns: [String]
    package var figures: Figures

    package init(
        name: String, path: String, sidecarPath: String? = nil, kind: Kind, period: Period, rows: Int,
        skippedRows: Int, columns: [String], figures: Figures
    ) {
        self.name = name
        self.path = path
        self.sidecarPath = sidecarPath
        self.kind = kind
        self.period = period
        self.rows = rows
        self.skippedRows = skippedRows
        self.columns = columns
        self.figures = figures
    }

    package var orders: OrdersMetrics? {
        if case .orders(let metrics) = figures { return metrics }
        return nil
    }

    package var responses: ResponsesMetrics? {
        if case .responses(let metrics) = figures { return metrics }
        return nil
    }

    /// This dataset's entry in metrics.json (SPEC §4).
    package func json() -> JSONValue {
        switch figures {
        case .orders(let metrics): return metrics.json()
        case .responses(let metrics): return metrics.json()
        case .series:
            return .object([
                ("kind", .string("series")),
                ("rows", .int(rows)),
                ("skipped_rows", .int(skippedRows)),
                ("columns", .array(columns.map { .string($0) })),
            ])
        }
    }

    /// The derived tables a chart block can name with `metric:` (SPEC §2).
    package var tableNames: [String] {
        switch figures {
        case .orders(let metrics): return metrics.availableTableNames
        case .responses: return ResponsesMetrics.tableNames
        case .series: return []
        }
    }

    /// A table for a chart block: a derived table by name, or with a nil name the raw
    /// rows. Only series datasets keep their raw rows (orders and responses are folded
    /// into figures as they stream in), so `table(named: nil)` is nil for them.
    package func table(named name: String?) -> DataTable? {
        switch figures {
        case .orders(let metrics): return name.flatMap(metrics.table(named:))
        case .responses(let metrics): return name.flatMap(metrics.table(named:))
        case .series(let table): return name == nil ? table : nil
        }
    }

    /// The names `figure(named:period:)` knows for this dataset.
    package var figureNames: [String] {
        switch figures {
        case .orders(let metrics): return metrics.availableFigureNames
        case .responses(let metrics): return metrics.availableFigureNames
        case .series(let table): return Dataset.numericColumns(of: table)
        }
    }

    /// A headline figure for a metric block or an alert.
    ///
    /// Orders and responses: the SPEC §2 figure of that name (see
    /// `OrdersMetrics.lookUpFigure` and `ResponsesMetrics.lookUpFigure`). Series: the
    /// value of a numeric column in the last row (`period` nil or `last`) or in the row
    /// whose first column is `period`, with the row before it as the previous value.
    package func lookUpFigure(named name: String, period: String? = nil) throws(FigureLookupError) -> Figure {
        switch figures {
        case .orders(let metrics): return try metrics.lookUpFigure(named: name, period: period)
        case .responses(let metrics): return try metrics.lookUpFigure(named: name, period: period)
        case .series(let table): return try Dataset.seriesFigure(table, named: name, period: period, kind: self.period)
        }
    }

    /// `lookUpFigure(named:period:)`, nil where it throws.
    package func figure(named name: String, period: String? = nil) -> Figure? {
        try? lookUpFigure(named: name, period: period)
    }

    /// A few figures that sum the dataset up, for a home page or dashboard that shows
    /// headline metrics without naming them: for orders, customers, orders, revenue,
    /// average order value, repeat purchase rate and the last period's retention; for
    /// responses, the NPS overall and of the last period, and the number of responses.
    /// None for series.
    package var headlineFigures: [Figure] {
        let wanted: [(String, String?)]
        switch kind {
        case .orders:
            wanted = [("customers", nil), ("orders", nil), ("revenue", nil), ("average_order_value", nil),
                      ("repeat_purchase_rate", nil), ("retention_rate", "last")]
        case .responses:
            wanted = [("nps", nil), ("nps", "last"), ("responses", nil)]
        case .series:
            wanted = []
        }
        return wanted.compactMap { figure(named: $0.0, period: $0.1) }
    }

    private static func seriesFigure(_ table: DataTable, named name: String, period: String?, kind: Period) throws(FigureLookupError) -> Figure {
        let numeric = numericColumns(of: table)
        guard numeric.contains(name), let column = table.columnIndex(name) else {
            throw .unknownFigure(name, known: numeric)
        }
        guard !table.rows.isEmpty else { throw .noPeriods(name) }
        var position = table.rows.count - 1
        let selector = period?.trimmingBlanks() ?? ""
        if !selector.isEmpty && selector.lowercased() != "last" {
            guard let found = table.rows.firstIndex(where: { $0.first?.text == selector }) else {
                throw .unknownPeriod(selector, period: kind, first: table.rows.first?.first?.text, last: table.rows.last?.first?.text)
            }
            position = found
        }
        let label: (Int) -> String? = { table.columns.count > 1 ? table.rows[$0].first?.text : nil }
        return Figure(
            name: name, unit: table.columns[column].unit, value: table.rows[position][column].number,
            period: label(position),
            previousValue: position > 0 ? table.rows[position - 1][column].number : nil,
            previousPeriod: position > 0 ? label(position - 1) : nil)
    }

    /// Columns holding numbers (every non-empty cell a number).
    static func numericColumns(of table: DataTable) -> [String] {
        table.columns.indices.filter { column in
            table.rows.contains { $0[column].number != nil } && table.rows.allSatisfy { $0[column].number != nil || $0[column] == .null }
        }.map { table.columns[$0].name }
    }
}
