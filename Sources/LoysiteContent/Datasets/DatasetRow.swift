/// One data row as the typed readers see it, whatever the file format: fields by
/// column index, as bytes or text, each with its place in the file.
protocol DatasetRow {
    /// Calls `body` with the field's bytes (quotes and escapes resolved); a field the
    /// row lacks, or a JSON `null`, is empty.
    func withBytes<R>(of field: Int, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R
    /// The field as text; nil for a missing field or a JSON `null`.
    func text(of field: Int) -> String?
    /// Line and column where the field's value starts (the row's start when it has none).
    func position(of field: Int) -> (line: Int, column: Int)
}

/// A row that cannot be read, and where.
struct RowIssue: Error {
    var message: String
    var line: Int
    var column: Int
}

extension CSVRecord: DatasetRow {
    func withBytes<R>(of field: Int, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        guard field < count else { return body(UnsafeBufferPointer(start: nil, count: 0)) }
        if isEscaped(field) {
            return unescapedBytes(of: field).withUnsafeBufferPointer(body)
        }
        return body(rawBytes(of: field))
    }

    func text(of field: Int) -> String? {
        field < count ? string(at: field) : nil
    }

    func position(of field: Int) -> (line: Int, column: Int) {
        let position = field < count ? position(ofField: field) : endPosition
        return (position.line, position.column)
    }
}

extension JSONRows.Row: DatasetRow {
    func withBytes<R>(of field: Int, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        guard field < cells.count, var text = cells[field]?.text else {
            return body(UnsafeBufferPointer(start: nil, count: 0))
        }
        return text.withUTF8(body)
    }

    func text(of field: Int) -> String? {
        field < cells.count ? cells[field]?.text : nil
    }

    func position(of field: Int) -> (line: Int, column: Int) {
        guard field < cells.count, let cell = cells[field] else { return (line, column) }
        return (cell.line, cell.column)
    }
}

extension UnsafeBufferPointer<UInt8> {
    /// Without spaces and tabs at either end.
    @inline(__always)
    var trimmed: UnsafeBufferPointer<UInt8> {
        // Most ids: nothing to trim, told by their two ends, with no call.
        if let base = baseAddress, count > 0, !base[0].isSpaceOrTab, !base[count - 1].isSpaceOrTab { return self }
        return trimmedSlowly
    }

    private var trimmedSlowly: UnsafeBufferPointer<UInt8> {
        var start = 0
        var end = count
        while start < end && self[start].isSpaceOrTab { start += 1 }
        while end > start && self[end - 1].isSpaceOrTab { end -= 1 }
        guard start < end, let base = baseAddress else { return UnsafeBufferPointer(start: nil, count: 0) }
        return UnsafeBufferPointer(start: base + start, count: end - start)
    }

    var string: String { String(decoding: self, as: UTF8.self) }

    /// Byte-for-byte equality with `other`.
    func hasSameBytes(as other: [UInt8]) -> Bool {
        guard count == other.count else { return false }
        guard count > 0 else { return true }
        return other.withUnsafeBufferPointer { equalBytes(baseAddress!, $0.baseAddress!, count) }
    }
}

extension UInt8 {
    fileprivate var isSpaceOrTab: Bool { self == 0x20 || self == 0x09 }
}

/// Whether `count` bytes at `left` and `right` are equal: eight at a time, inline. The
/// ids and dates compared per row are a few bytes long, where a call to `memcmp` cost
/// more than the comparison (5% of the time at 10.8M rows).
@inline(__always)
func equalBytes(_ left: UnsafePointer<UInt8>, _ right: UnsafePointer<UInt8>, _ count: Int) -> Bool {
    var offset = 0
    let a = UnsafeRawPointer(left), b = UnsafeRawPointer(right)
    while offset + 8 <= count {
        if a.loadUnaligned(fromByteOffset: offset, as: UInt64.self) != b.loadUnaligned(fromByteOffset: offset, as: UInt64.self) { return false }
        offset += 8
    }
    while offset < count {
        if left[offset] != right[offset] { return false }
        offset += 1
    }
    return true
}
