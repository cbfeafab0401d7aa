/// Gives every number of a table column the same count of decimals, so that "28%" and
/// "27.3%" read as "28.0%" and "27.3%" and line up under each other (with tabular
/// figures, right-aligned). Cells are the formatter's text: the last run of digits is the
/// number, whatever currency sign, grouping or suffix surrounds it; a cell without digits
/// ("—") is left as it is.
enum DecimalAlignment {
    static func aligned(_ cells: [String]) -> [String] {
        let parts = cells.map(number)
        let most = parts.compactMap { $0?.decimals }.max() ?? 0
        guard most > 0 else { return cells }
        return zip(cells, parts).map { cell, part in
            guard let part, part.decimals < most else { return cell }
            let padding = (part.decimals == 0 ? "." : "") + String(repeating: "0", count: most - part.decimals)
            var padded = cell
            padded.insert(contentsOf: padding, at: part.end)
            return padded
        }
    }

    /// Where the cell's number ends and how many decimals it has.
    private static func number(in cell: String) -> (end: String.Index, decimals: Int)? {
        guard let lastDigit = cell.lastIndex(where: \.isASCIIDigit) else { return nil }
        let end = cell.index(after: lastDigit)
        var decimals = 0
        var index = lastDigit
        while true {
            if cell[index] == "." { return (end, decimals) }
            guard cell[index].isASCIIDigit else { return (end, 0) }
            decimals += 1
            guard index > cell.startIndex else { return (end, 0) }
            index = cell.index(before: index)
        }
    }
}

private extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
