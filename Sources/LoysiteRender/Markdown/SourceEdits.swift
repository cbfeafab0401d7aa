/// Where the rewritten text's columns came from: per line, the edits in order, each
/// the rewritten column where it starts, its length there and its length in the file.
struct SourceEdits {
    struct Edit {
        var column: Int
        var newLength: Int
        var oldLength: Int
    }

    private(set) var lines: [Int: [Edit]] = [:]

    mutating func record(line: Int, column: Int, newLength: Int, oldLength: Int) {
        guard newLength != oldLength else { return }
        lines[line, default: []].append(Edit(column: column, newLength: newLength, oldLength: oldLength))
    }

    /// The file's column for a column of the rewritten line (inside a replacement: where
    /// the replaced text started).
    func originalColumn(line: Int, column: Int) -> Int {
        guard let edits = lines[line] else { return column }
        var shift = 0
        for edit in edits {
            if column < edit.column { break }
            if column < edit.column + edit.newLength { return edit.column + shift }
            shift += edit.oldLength - edit.newLength
        }
        return column + shift
    }
}
