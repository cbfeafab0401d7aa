/// The `partial` column of a period table (SPEC §2 "Partial periods"): `true` on a
/// period the data covers only in part. Kept as text, not as a number, so a chart
/// without `y:` never takes it for a series to draw.
extension DataTable {
    package static let partialColumn = "partial"

    package static func partialCell(_ isPartial: Bool) -> Value {
        .text(isPartial ? "true" : "false")
    }

    /// One flag per row: whether that row's period is partial (all false without the column).
    package var partialRows: [Bool] {
        guard let index = columnIndex(DataTable.partialColumn) else { return rows.map { _ in false } }
        return rows.map { $0[index].text == "true" }
    }
}
