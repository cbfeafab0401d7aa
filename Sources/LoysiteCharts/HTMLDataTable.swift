import LoysiteSupport

/// The numbers behind a chart as an HTML table, shown inside
/// `<details><summary>Data: <title></summary>…</details>` after the SVG: readable
/// without sight, copyable, and a check on the picture. Each column's numbers share one
/// count of decimals (`DecimalAlignment`), so they line up.
struct HTMLDataTable: Equatable, Sendable {
    /// Column headers; the first heads the row-header column.
    var header: [String]
    /// Each row: its header cell (a category) and its formatted cells.
    var rows: [(label: String, cells: [String])]

    static func == (lhs: HTMLDataTable, rhs: HTMLDataTable) -> Bool {
        lhs.header == rhs.header && lhs.rows.map(\.label) == rhs.rows.map(\.label) && lhs.rows.map(\.cells) == rhs.rows.map(\.cells)
    }

    /// The table of a category chart: one row per category, one column per series.
    static func categories(_ data: CategoryData, currencyCode: String) -> HTMLDataTable {
        HTMLDataTable(
            header: [data.categoryLabel ?? "#"] + data.series.map(\.label),
            rows: data.categories.indices.map { row in
                (data.tableLabel(row), data.series.map {
                    FigureFormatter.format($0.values[row], unit: $0.unit, currencyCode: currencyCode, style: .full)
                })
            }
        ).aligningDecimals()
    }

    /// The same table with each column's numbers given one count of decimals. Only for
    /// tables whose cells are all formatted figures (the chart tables are).
    func aligningDecimals() -> HTMLDataTable {
        let width = rows.map(\.cells.count).max() ?? 0
        let columns = (0..<width).map { column in
            DecimalAlignment.aligned(rows.map { column < $0.cells.count ? $0.cells[column] : "" })
        }
        var table = self
        for number in table.rows.indices {
            for column in table.rows[number].cells.indices { table.rows[number].cells[column] = columns[column][number] }
        }
        return table
    }

    /// The disclosure says whose data it holds: a page with several charts otherwise
    /// shows a column of identical "Data" links.
    func html(title: String?) -> String {
        let label = title.map { "Data: " + Escape.html($0) } ?? "Data table"
        var out = "<details class=\"chart-data\">\n<summary>" + label + "</summary>\n<div class=\"chart-table\">\n<table>\n<thead>\n<tr>"
        for (index, title) in header.enumerated() {
            out += "<th scope=\"col\"" + (index > 0 ? " class=\"num\"" : "") + ">" + Escape.html(title) + "</th>"
        }
        out += "</tr>\n</thead>\n<tbody>\n"
        for row in rows {
            out += "<tr><th scope=\"row\">" + Escape.html(row.label) + "</th>"
            for cell in row.cells { out += "<td class=\"num\">" + Escape.html(cell) + "</td>" }
            out += "</tr>\n"
        }
        out += "</tbody>\n</table>\n</div>\n</details>\n"
        return out
    }
}
