import Foundation
import LoysiteSupport

/// A GitHub-flavoured pipe table read from source lines: a header row, a delimiter row
/// giving each column's alignment, and body rows. Cells are raw Markdown.
struct PipeTable {
    enum Alignment { case none, left, center, right }

    /// One cell: its Markdown, and the 1-based column of its first character in the row,
    /// so problems inside a cell are reported where the cell is.
    struct Cell: Equatable {
        var text: String
        var column: Int
    }

    var header: [Cell]
    var alignments: [Alignment]
    var body: [[Cell]]

    /// Nil unless `rows` is a table: the second row must be a delimiter row with as many
    /// cells as the header.
    init?(rows: [Substring]) {
        guard rows.count >= 2, rows[0].contains("|") else { return nil }
        let header = PipeTable.cells(rows[0])
        let delimiters = PipeTable.cells(rows[1])
        guard !header.isEmpty, header.count == delimiters.count else { return nil }
        var alignments: [Alignment] = []
        for cell in delimiters {
            guard let alignment = PipeTable.alignment(delimiter: cell.text) else { return nil }
            alignments.append(alignment)
        }
        self.header = header
        self.alignments = alignments
        self.body = rows.dropFirst(2).map(PipeTable.cells)
    }

    /// A delimiter row's cell (`---`, `:--`, `:-:`, `--:`): dashes with an optional colon
    /// at either end; nil for anything else. Read on bytes: only ASCII colons and dashes
    /// make a delimiter, and a byte of anything else (a combining mark too) makes none.
    /// (Trimming with a `CharacterSet` built a bitmap for every cell.)
    static func alignment(delimiter cell: String) -> Alignment? {
        var bytes = Substring(cell).utf8[...]
        let colon = UInt8(ascii: ":"), dash = UInt8(ascii: "-")
        let leading = bytes.first == colon, trailing = bytes.last == colon
        while bytes.first == colon { bytes.removeFirst() }
        while bytes.last == colon { bytes.removeLast() }
        guard !bytes.isEmpty, bytes.allSatisfy({ $0 == dash }) else { return nil }
        switch (leading, trailing) {
        case (true, true): return .center
        case (true, false): return .left
        case (false, true): return .right
        case (false, false): return Alignment.none
        }
    }

    /// `alignment(delimiter:)` on Characters with Foundation's trimming: the reference of
    /// the tests.
    static func referenceAlignment(delimiter cell: String) -> Alignment? {
        let core = cell.trimmingCharacters(in: CharacterSet(charactersIn: ":"))
        guard !core.isEmpty, core.allSatisfy({ $0 == "-" }) else { return nil }
        switch (cell.hasPrefix(":"), cell.hasSuffix(":")) {
        case (true, true): return .center
        case (true, false): return .left
        case (false, true): return .right
        case (false, false): return Alignment.none
        }
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
    /// literal pipe. Cells are trimmed; each keeps the column where its text starts.
    static func cells(_ row: Substring) -> [Cell] {
        // ASCII rows (nearly all) split on bytes: the same cells without breaking the row
        // into Characters. (No CR LF pair can be in a row, which is one line.)
        if row.utf8.allSatisfy({ $0 < 0x80 }) { return split(Array(row.utf8)) { String(decoding: $0, as: UTF8.self) } }
        return split(Array(row)) { String($0) }
    }

    /// `cells` over the row's characters or its ASCII bytes, `text` making a cell's text.
    private static func split<Unit: RowUnit>(_ characters: [Unit], text: ([Unit]) -> String) -> [Cell] {
        var start = 0, end = characters.count
        while start < end, characters[start] == .space || characters[start] == .tab { start += 1 }
        while end > start, characters[end - 1] == .space || characters[end - 1] == .tab { end -= 1 }
        if start < end, characters[start] == .pipe { start += 1 }
        if end > start, characters[end - 1] == .pipe, !(end - 2 >= start && characters[end - 2] == .backslash) { end -= 1 }
        var cells: [Cell] = []
        var current: [Unit] = []
        var currentStart = start
        var escaped = false
        func finish() {
            let leading = current.prefix { $0 == .space || $0 == .tab }.count
            cells.append(Cell(text: text(current).trimmingBlanks(), column: currentStart + leading + 1))
        }
        var index = start
        while index < end {
            let character = characters[index]
            if escaped {
                current.append(character == .pipe ? .pipe : .backslash)
                if character != .pipe { current.append(character) }
                escaped = false
            } else if character == .backslash {
                escaped = true
            } else if character == .pipe {
                finish()
                current.removeAll(keepingCapacity: true)
                currentStart = index + 1
            } else {
                current.append(character)
            }
            index += 1
        }
        if escaped { current.append(.backslash) }
        finish()
        return cells
    }
}

/// What a row is split into: Characters, or bytes when it is ASCII.
protocol RowUnit: Equatable {
    static var space: Self { get }
    static var tab: Self { get }
    static var pipe: Self { get }
    static var backslash: Self { get }
}

extension Character: RowUnit {
    static var space: Character { " " }
    static var tab: Character { "\t" }
    static var pipe: Character { "|" }
    static var backslash: Character { "\\" }
}

extension UInt8: RowUnit {
    static var space: UInt8 { 0x20 }
    static var tab: UInt8 { 0x09 }
    static var pipe: UInt8 { 0x7C }
    static var backslash: UInt8 { 0x5C }
}
