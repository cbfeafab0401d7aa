#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

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
    var trimmed: UnsafeBufferPointer<UInt8> {
        var start = 0
        var end = count
        while start < end && (self[start] == 0x20 || self[start] == 0x09) { start += 1 }
        while end > start && (self[end - 1] == 0x20 || self[end - 1] == 0x09) { end -= 1 }
        guard start < end, let base = baseAddress else { return UnsafeBufferPointer(start: nil, count: 0) }
        return UnsafeBufferPointer(start: base + start, count: end - start)
    }

    var string: String { String(decoding: self, as: UTF8.self) }

    /// Byte-for-byte equality with `other` (memcmp, not a generic element loop).
    func hasSameBytes(as other: [UInt8]) -> Bool {
        guard count == other.count else { return false }
        guard count > 0 else { return true }
        return other.withUnsafeBufferPointer { memcmp(baseAddress!, $0.baseAddress!, count) == 0 }
    }
}

/// Turns text ids (customers, orders) into dense integers 0, 1, 2 … in first-seen order,
/// remembering the text for messages. The last id looked up is cached: rows of one
/// order usually follow each other, so most rows skip the dictionary.
struct IdInterner {
    private var indices: [String: Int] = [:]
    private(set) var names: [String] = []
    private var lastBytes: [UInt8] = []
    private var lastIndex = -1

    var count: Int { names.count }

    /// Per index, its name's position in name order (byte-wise, as `String` compares
    /// ASCII ids): how ties are broken "by customer id".
    func rankByName() -> [Int32] {
        var rank = [Int32](repeating: 0, count: names.count)
        for (position, index) in names.indices.sorted(by: { names[$0] < names[$1] }).enumerated() {
            rank[index] = Int32(position)
        }
        return rank
    }

    mutating func index(of bytes: UnsafeBufferPointer<UInt8>) -> Int {
        if lastIndex >= 0, bytes.hasSameBytes(as: lastBytes) { return lastIndex }
        let name = bytes.string
        let index: Int
        if let existing = indices[name] {
            index = existing
        } else {
            index = names.count
            indices[name] = index
            names.append(name)
        }
        lastBytes.removeAll(keepingCapacity: true)
        lastBytes.append(contentsOf: bytes)
        lastIndex = index
        return index
    }

    /// Makes room for `count` names in all.
    mutating func reserveCapacity(_ count: Int) {
        indices.reserveCapacity(count)
        names.reserveCapacity(count)
    }

    /// The index of a name given as text (merging the ids of another interner).
    mutating func index(ofName name: String) -> Int {
        if let existing = indices[name] { return existing }
        let index = names.count
        indices[name] = index
        names.append(name)
        return index
    }
}
