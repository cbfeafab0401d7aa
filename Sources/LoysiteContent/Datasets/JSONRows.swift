import LoysiteSupport

/// A JSON dataset: an array of flat objects, read with the line and column of every
/// value so row errors point into the file. Numbers keep their source text, so money
/// read from JSON is as exact as money read from CSV.
///
/// Read in two passes, so that no row is kept: `columns(of:)` checks the whole file and
/// finds its keys (the columns; a key may first appear in the last row), building no
/// values; `forEachRow` then hands out one row at a time. Memory is the file's bytes
/// and one row, not every value of every row (640 MB for the 117 MB export as JSON).
enum JSONRows {

    struct Cell {
        /// The value as text: a string's contents, a number as written, `true`/`false`;
        /// nil for `null`.
        var text: String?
        var line: Int
        var column: Int
    }

    struct Row {
        var line: Int
        var column: Int
        /// Per column (index into `columns`); nil where the object lacks the key.
        var cells: [Cell?]
        /// A value that is an object or an array: the row cannot be read.
        var problem: (message: String, line: Int, column: Int)?
    }

    struct SyntaxError: Error {
        var message: String
        var line: Int
        var column: Int
    }

    /// Checks the whole file; its keys in order of first appearance (the columns).
    static func columns(of bytes: UnsafeBufferPointer<UInt8>) -> Result<[String], SyntaxError> {
        var parser = Parser(bytes: bytes, keepsValues: false)
        do throws(SyntaxError) {
            // A NUL anywhere (a binary file, a sparse file of zeros) is refused first, where
            // it is, rather than as whatever syntax error it happens to cause.
            if let nul = bytes.firstIndex(of: 0) {
                parser.skip(to: nul)
                throw parser.fail("a NUL byte: not a text file")
            }
            return .success(try parser.document(columns: []) { _ in })
        } catch {
            return .failure(error)
        }
    }

    /// Calls `body` with each row of a file that `columns(of:)` read without error,
    /// in file order, its cells laid out as `columns` (what `columns(of:)` returned).
    static func forEachRow(of bytes: UnsafeBufferPointer<UInt8>, columns: [String], _ body: (Row) -> Void) {
        var parser = Parser(bytes: bytes, keepsValues: true)
        // The file was checked: this pass meets no error.
        _ = try? parser.document(columns: columns, body)
    }

    private struct Parser {
        /// The file, read in place (no copy of a large file).
        let bytes: UnsafeBufferPointer<UInt8>
        var index = 0
        var line = 1
        /// Columns on the current line, counted once however many values it holds.
        var columns = ColumnCounter()
        /// Whether values are made into text (the second pass); the first pass checks
        /// them and keeps only keys.
        let keepsValues: Bool

        init(bytes: UnsafeBufferPointer<UInt8>, keepsValues: Bool) {
            self.bytes = bytes
            self.keepsValues = keepsValues
            if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
                index = 3
                columns.startLine(at: 3)
            }
        }

        var column: Int {
            mutating get { columns.column(at: index, in: bytes) }
        }

        mutating func fail(_ message: String) -> SyntaxError {
            SyntaxError(message: message, line: line, column: column)
        }

        /// Moves to byte `target`, counting the lines on the way.
        mutating func skip(to target: Int) {
            while index < target {
                if bytes[index] == 0x0A { newLine(startingAt: index + 1) }
                index += 1
            }
        }

        mutating func newLine(startingAt start: Int) {
            line += 1
            columns.startLine(at: start)
        }

        mutating func skipSpace() {
            while index < bytes.count {
                switch bytes[index] {
                case 0x0A:
                    index += 1
                    newLine(startingAt: index)
                case 0x20, 0x09, 0x0D:
                    index += 1
                default:
                    return
                }
            }
        }

        mutating func expect(_ byte: UInt8, _ what: String) throws(SyntaxError) {
            skipSpace()
            guard index < bytes.count, bytes[index] == byte else {
                throw fail(index < bytes.count ? "expected \(what), found '\(Character(Unicode.Scalar(bytes[index])))'" : "expected \(what), found the end of the file")
            }
            index += 1
        }

        /// Reads the array, handing each row to `body` (with a cell per column known so
        /// far: `known` and the keys met since); the columns in the end.
        mutating func document(columns known: [String], _ body: (Row) -> Void) throws(SyntaxError) -> [String] {
            var columnNames = known
            var columnIndex: [String: Int] = [:]
            for (position, name) in known.enumerated() { columnIndex[name] = position }
            skipSpace()
            guard index < bytes.count, bytes[index] == 0x5B else {
                throw fail("a JSON dataset must be an array of objects, like [{\"date\": \"2026-01-01\", \"amount\": 12.5}]")
            }
            index += 1
            skipSpace()
            if index < bytes.count, bytes[index] == 0x5D {
                index += 1
            } else {
                while true {
                    skipSpace()
                    let rowLine = line, rowColumn = column
                    var row = Row(line: rowLine, column: rowColumn, cells: Array(repeating: nil, count: columnNames.count))
                    if index < bytes.count, bytes[index] == 0x7B {
                        index += 1
                        skipSpace()
                        if index < bytes.count, bytes[index] == 0x7D {
                            index += 1
                        } else {
                            var keyNumber = -1
                            while true {
                                skipSpace()
                                guard index < bytes.count, bytes[index] == 0x22 else { throw fail("expected a key in double quotes") }
                                let key = try string(keeping: true)
                                try expect(0x3A, "':' after a key")
                                skipSpace()
                                let valueLine = line, valueColumn = column
                                let value = try self.value()
                                let position: Int
                                keyNumber += 1
                                if keyNumber < columnNames.count, columnNames[keyNumber] == key {
                                    // Rows mostly list their keys in one order: the key at
                                    // this place of the columns is most likely this one,
                                    // and comparing is cheaper than hashing.
                                    position = keyNumber
                                } else if let existing = columnIndex[key] {
                                    position = existing
                                } else {
                                    position = columnNames.count
                                    columnIndex[key] = position
                                    columnNames.append(key)
                                }
                                while row.cells.count <= position { row.cells.append(nil) }
                                switch value {
                                case .scalar(let text):
                                    row.cells[position] = Cell(text: text, line: valueLine, column: valueColumn)
                                case .nested(let kind):
                                    if row.problem == nil {
                                        row.problem = ("'\(key)' is \(kind); dataset rows must be flat objects of text, numbers and booleans", valueLine, valueColumn)
                                    }
                                }
                                skipSpace()
                                if index < bytes.count, bytes[index] == 0x2C { index += 1; continue }
                                try expect(0x7D, "',' or '}'")
                                break
                            }
                        }
                    } else {
                        let value = try self.value()
                        let kind: String
                        switch value {
                        case .scalar(let text): kind = text.map { "the value \($0)" } ?? "null"
                        case .nested(let nested): kind = nested
                        }
                        row.problem = ("each element of a JSON dataset must be an object; this one is \(kind)", rowLine, rowColumn)
                    }
                    body(row)
                    skipSpace()
                    if index < bytes.count, bytes[index] == 0x2C { index += 1; continue }
                    try expect(0x5D, "',' or ']'")
                    break
                }
            }
            skipSpace()
            guard index == bytes.count else { throw fail("unexpected text after the closing ']'") }
            return columnNames
        }

        enum Value {
            case scalar(String?)
            case nested(String)
        }

        mutating func value() throws(SyntaxError) -> Value {
            skipSpace()
            guard index < bytes.count else { throw fail("expected a value, found the end of the file") }
            switch bytes[index] {
            case 0x22:
                return .scalar(try string(keeping: keepsValues))
            case 0x7B, 0x5B:
                let kind = bytes[index] == 0x7B ? "an object" : "an array"
                try skipNested()
                return .nested(kind)
            case 0x74 where bytes[index...].starts(with: Array("true".utf8)):
                index += 4
                return .scalar("true")
            case 0x66 where bytes[index...].starts(with: Array("false".utf8)):
                index += 5
                return .scalar("false")
            case 0x6E where bytes[index...].starts(with: Array("null".utf8)):
                index += 4
                return .scalar(nil)
            case 0x2D, 0x30...0x39:
                let start = index
                index += 1
                while index < bytes.count {
                    switch bytes[index] {
                    case 0x2B, 0x2D, 0x2E, 0x45, 0x65, 0x30...0x39: index += 1
                    default: return .scalar(keepsValues ? String(decoding: bytes[start..<index], as: UTF8.self) : "")
                    }
                }
                return .scalar(keepsValues ? String(decoding: bytes[start..<index], as: UTF8.self) : "")
            default:
                throw fail("expected a value (text in double quotes, a number, true, false or null)")
            }
        }

        mutating func skipNested() throws(SyntaxError) {
            var depth = 0
            while index < bytes.count {
                switch bytes[index] {
                case 0x22:
                    _ = try string(keeping: false)
                    continue
                case 0x7B, 0x5B:
                    depth += 1
                case 0x7D, 0x5D:
                    depth -= 1
                    if depth == 0 {
                        index += 1
                        return
                    }
                case 0x0A:
                    newLine(startingAt: index + 1)
                default:
                    break
                }
                index += 1
            }
            throw fail("unclosed object or array")
        }

        /// A string's contents (checked whatever `keeping` says; "" when it is false).
        mutating func string(keeping: Bool) throws(SyntaxError) -> String {
            // Where it opens, counted only if it is never closed (on this line, then:
            // a line break inside a string is an error of its own).
            let open = index
            index += 1
            // Most strings have no escape: their bytes are the text, made in one go.
            let plainStart = index
            while index < bytes.count, bytes[index] != 0x22, bytes[index] != 0x5C, bytes[index] >= 0x20 { index += 1 }
            if index < bytes.count, bytes[index] == 0x22 {
                if let bad = firstInvalidUTF8(in: plainStart..<index) {
                    index = bad
                    throw fail("invalid UTF-8 (byte \(UTF8Validation.describe(bytes[bad]))) in a string; a JSON dataset must be UTF-8 text")
                }
                index += 1
                return keeping ? String(decoding: bytes[plainStart..<index - 1], as: UTF8.self) : ""
            }
            // Otherwise from the start, the general way (escapes, and the errors).
            index = plainStart
            var scalars = String.UnicodeScalarView()
            var runStart = index
            /// Appends the bytes since `runStart`, which must be UTF-8: a bad byte is an
            /// error where it is, never a U+FFFD in a figure or a name.
            func flush(_ parser: inout Parser, upTo end: Int) throws(SyntaxError) {
                guard end > runStart else { return }
                if let bad = parser.firstInvalidUTF8(in: runStart..<end) {
                    parser.index = bad
                    throw parser.fail("invalid UTF-8 (byte \(UTF8Validation.describe(parser.bytes[bad]))) in a string; a JSON dataset must be UTF-8 text")
                }
                scalars.append(contentsOf: String(decoding: parser.bytes[runStart..<end], as: UTF8.self).unicodeScalars)
            }
            while index < bytes.count {
                let byte = bytes[index]
                if byte == 0x22 {
                    try flush(&self, upTo: index)
                    index += 1
                    return String(scalars)
                }
                if byte == 0x0A { throw fail("a line break inside a string (write \\n)") }
                if byte < 0x20 {
                    // RFC 8259: control characters in a string must be escaped. A raw NUL
                    // means the file is not text at all.
                    throw fail(byte == 0 ? "a NUL byte: not a text file" : "control character U+00\(UTF8Validation.describe(byte).dropFirst(2)) inside a string (write it as a \\u escape)")
                }
                if byte == 0x5C {
                    try flush(&self, upTo: index)
                    index += 1
                    guard index < bytes.count else { break }
                    let escape = bytes[index]
                    index += 1
                    switch escape {
                    case 0x22: scalars.append("\"")
                    case 0x5C: scalars.append("\\")
                    case 0x2F: scalars.append("/")
                    case 0x62: scalars.append("\u{8}")
                    case 0x66: scalars.append("\u{C}")
                    case 0x6E: scalars.append("\n")
                    case 0x72: scalars.append("\r")
                    case 0x74: scalars.append("\t")
                    case 0x75:
                        let escapeStart = index - 2
                        var code = try hex4()
                        if (0xD800..<0xDC00).contains(code), bytes[index...].starts(with: [0x5C, 0x75]) {
                            index += 2
                            let low = try hex4()
                            if (0xDC00..<0xE000).contains(low) {
                                code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                            }
                        }
                        // Half a surrogate pair is no character: an error, not a U+FFFD.
                        guard let scalar = Unicode.Scalar(code) else {
                            index = escapeStart
                            throw fail("\\u escape of half a surrogate pair (a character above U+FFFF is written as two, like \\ud83d\\ude00)")
                        }
                        scalars.append(scalar)
                    default:
                        index -= 1
                        throw fail("invalid escape in a string")
                    }
                    runStart = index
                    continue
                }
                index += 1
            }
            index = open
            throw fail("a string opened here is never closed")
        }

        /// The offset of the first byte in `range` that is not UTF-8.
        func firstInvalidUTF8(in range: Range<Int>) -> Int? {
            UTF8Validation.firstInvalidByte(in: UnsafeBufferPointer(rebasing: bytes[range])).map { range.lowerBound + $0 }
        }

        mutating func hex4() throws(SyntaxError) -> UInt32 {
            guard index + 4 <= bytes.count, let value = UInt32(String(decoding: bytes[index..<index + 4], as: UTF8.self), radix: 16) else {
                throw fail("invalid \\u escape")
            }
            index += 4
            return value
        }
    }
}
