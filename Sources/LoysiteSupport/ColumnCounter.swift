/// The 1-based column (in Unicode scalars, as editors and YAML count) of byte offsets
/// on one line, asked for left to right.
///
/// Why a counter and not a function of the offset: counting from the line's start for
/// every value made reading a one-line file quadratic (a minified 1 MB JSON dataset
/// took 88 s, a one-line list of 100,000 aliases 25 s). The counter remembers the last
/// offset it counted to, so a line costs one pass however many values it holds.
package struct ColumnCounter: Sendable {
    // Usable from inline code: `column(at:in:)` is inlinable, so that it is specialised
    // for the caller's collection (unspecialised, its generic subscripts allocated, and
    // were most of the time of reading a large JSON dataset).
    @usableFromInline var lineStart: Int
    @usableFromInline var offset: Int
    @usableFromInline var column = 1

    /// A counter for the line starting at byte `lineStart`.
    package init(lineStart: Int = 0) {
        self.lineStart = lineStart
        self.offset = lineStart
    }

    /// Starts counting a new line at byte `lineStart`.
    package mutating func startLine(at lineStart: Int) {
        self.lineStart = lineStart
        offset = lineStart
        column = 1
    }

    /// The column of byte `target` of `bytes`, on the current line (`target` ≥ the line's
    /// start). Cheap when `target` is at or after the last one asked for; an earlier one
    /// is counted again from the line's start.
    @inlinable
    package mutating func column<Bytes: RandomAccessCollection>(at target: Int, in bytes: Bytes) -> Int where Bytes.Element == UInt8, Bytes.Index == Int {
        if target < offset {
            offset = lineStart
            column = 1
        }
        var index = offset
        var count = column
        while index < target {
            // Every byte but a UTF-8 continuation byte starts a scalar.
            if bytes[index] & 0xC0 != 0x80 { count += 1 }
            index += 1
        }
        offset = target
        column = count
        return count
    }
}
