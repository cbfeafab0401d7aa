import Foundation
import LoysiteSupport

/// A GitHub-flavoured pipe table read from source lines: a header row, a delimiter row
/// giving each column's alignment, and body rows. Cells are raw Markdown.
struct PipeTable {
    enum Alignment { case none, left, center, right }

    var header: [String]
    var alignments: [Alignment]
    var body: [[String]]

    /// Nil unless `rows` is a table: the second row must be a delimiter row with as many
    /// cells as the header.
    init?(rows: [Substring]) {
        guard rows.count >= 2, rows[0].contains("|") else { return nil }
        let header = PipeTable.cells(rows[0])
        let delimiters = PipeTable.cells(rows[1])
        guard !header.isEmpty, header.count == delimiters.count else { return nil }
        var alignments: [Alignment] = []
        for cell in delimiters {
            let core = cell.trimmingCharacters(in: CharacterSet(charactersIn: ":"))
            guard !core.isEmpty, core.allSatisfy({ $0 == "-" }) else { return nil }
            switch (cell.hasPrefix(":"), cell.hasSuffix(":")) {
            case (true, true): alignments.append(.center)
            case (true, false): alignments.append(.left)
            case (false, true): alignments.append(.right)
            case (false, false): alignments.append(.none)
            }
        }
        self.header = header
        self.alignments = alignments
        self.body = rows.dropFirst(2).map(PipeTable.cells)
    }

    func alignmentAttribute(_ column: Int) -> String {
        switch alignments[column] {
        case .none: return ""
        case .left: return " style=\"text-align:left\""
        case .center: return " style=\"text-align:center\""
        case .right: return " style=\"text-align:right\""
        }
    }

    /// Splits a row at unescaped pipes, dropping the optional outer pipes; `\|` is a
    /// literal pipe.
    static func cells(_ row: Substring) -> [String] {
        var line = row.trimmingBlanks()
        if line.hasPrefix("|") { line.removeFirst() }
        if line.hasSuffix("|"), !line.hasSuffix("\\|") { line.removeLast() }
        var cells: [String] = []
        var current = ""
        var escaped = false
        for character in line {
            if escaped {
                current.append(character == "|" ? "|" : "\\")
                if character != "|" { current.append(character) }
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else if character == "|" {
                cells.append(current.trimmingBlanks())
                current = ""
            } else {
                current.append(character)
            }
        }
        if escaped { current.append("\\") }
        cells.append(current.trimmingBlanks())
        return cells
    }
}
