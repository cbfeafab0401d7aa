#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A streaming RFC 4180 CSV reader working on bytes.
///
/// Why hand-written: it reads the file in 1 MiB blocks and hands out each record as byte
/// ranges into its buffer, so half a million rows never exist as `String`s (measured in
/// bench/metrics.sh against SwiftCSV, which builds every field as a String). It knows
/// the physical line every record and field starts on, counting line breaks inside quoted
/// fields, so errors point at the line an editor shows.
///
/// Accepted: a UTF-8 byte-order mark (skipped), LF, CRLF or lone CR line ends, quoted
/// fields with `""` for a quote and embedded commas and line breaks, a last line without
/// a line end. Lines that are completely empty are skipped (pandas does the same), and are
/// not records. A quote inside an unquoted field is kept as text. A quoted field followed
/// by anything but a comma or a line end is recorded as a problem of that record.
/// A quoted field still open at the end of the file is a `CSVSyntaxError`: nothing after
/// its opening quote can be read.
/// So is a NUL byte anywhere: no text file holds one. (Bytes that are not UTF-8 are the
/// business of the reader's caller: `CSVRecord.firstInvalidUTF8`.)
///
/// This file depends on nothing but the C library, so the benchmark can compile it on
/// its own.
struct CSVReader: ~Copyable {
    private let fileDescriptor: Int32
    /// Whether `deinit` closes `fileDescriptor`: the readers of a file's chunks share the
    /// descriptor of the file, and each reads its own range with `pread`.
    private let ownsDescriptor: Bool
    /// File offset of `buffer[0]`, and of the next byte to read.
    private var bufferOffset: Int
    private var readOffset: Int
    /// No record starting at or past this file offset is read: `next()` returns nil there.
    private let limit: Int
    private var buffer: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    /// Bytes of `buffer` holding file data.
    private var filled = 0
    /// Start of the next record in `buffer`.
    private var position = 0
    /// Physical line (1-based) of `position`.
    private var line = 1
    private var atEndOfFile = false
    private var startOfFile: Bool
    /// Field boundaries of the current record (reused from record to record, so reading
    /// a record allocates nothing and costs no reference counting).
    private var fields: UnsafeMutablePointer<CSVField>
    private var fieldCapacity = 64
    private var fieldCount = 0
    /// `buffer[asciiFrom..<asciiEnd]` is known to be ASCII, so a record inside it is
    /// UTF-8 with no further look (`CSVRecord.isASCII`). Found up to 1 KiB ahead at a
    /// time, words of 32 bytes at once: checking each record's bytes was 6% of the time
    /// at scale. (Plain records need no span: `scanPlainRecord`.)
    private var asciiFrom = 0
    private var asciiEnd = 0
    /// Where the unquoted fields of the buffer end (dropped when the bytes move).
    private var delimiters = CSVDelimiterWindow()
    /// `scanPlainRecord`'s 64 bytes, `buffer[plainStart..<plainStart + 64]`, as one bit
    /// per comma, LF, CR, NUL, quote and byte ≥ 0x80 (`CSVDelimiterWindow.fieldBits`); none while
    /// `plainCovered` is false (dropped when the bytes move, like `delimiters`).
    private var plainStart = 0
    private var plainBits: UInt64 = 0
    private var plainCovered = false
    /// Whether records are split by `scanPlainRecord` where it can: false only in the
    /// tests that hold it to `scanRecord`.
    private let splitsPlainRecords: Bool

    static let blockSize = 1 << 20
    /// The longest record read: the buffer holds a whole record, so a file of one endless
    /// line (no NUL in it, or it would have stopped at once) would otherwise take twice
    /// its size in memory. No real row comes near 256 MiB.
    static let recordLimit = 256 << 20

    /// Opens `path`; nil with `errno` set when it cannot be opened.
    init?(path: String) {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { return nil }
        self.init(fileDescriptor: descriptor)
    }

    /// Reads an open file (checked by the caller: see `InputFile`), closing it when done.
    init(fileDescriptor descriptor: Int32) {
        self.init(fileDescriptor: descriptor, ownsDescriptor: true, from: 0, before: Int.max)
    }

    /// Reads the records that start in `start..<limit` of a file (the last of them may
    /// run past `limit`); `start` must be the start of a line, and lines are counted
    /// from 1 there. A byte-order mark is looked for only at offset 0.
    init(fileDescriptor descriptor: Int32, ownsDescriptor: Bool, from start: Int, before limit: Int, splitsPlainRecords: Bool = true) {
        self.splitsPlainRecords = splitsPlainRecords
        fileDescriptor = descriptor
        self.ownsDescriptor = ownsDescriptor
        bufferOffset = start
        readOffset = start
        self.limit = limit
        startOfFile = start == 0
        capacity = 2 * CSVReader.blockSize
        buffer = .allocate(capacity: capacity)
        fields = .allocate(capacity: fieldCapacity)
    }

    deinit {
        if ownsDescriptor { close(fileDescriptor) }
        buffer.deallocate()
        fields.deallocate()
    }

    /// The next record (the header is the first), or nil at the end of the file. The
    /// record points into the reader's buffer: it is valid until the next call.
    /// (Inlined into the loop that reads the records: a record handed back through
    /// memory was stored field by field and loaded in wider pieces, which the processor
    /// cannot forward — 10% of the CPU time at 10.8M rows.)
    @inline(__always)
    mutating func next() throws(CSVSyntaxError) -> CSVRecord? {
        while true {
            if startOfFile {
                startOfFile = false
                try fill(minimum: 3)
                if filled >= 3, buffer[0] == 0xEF, buffer[1] == 0xBB, buffer[2] == 0xBF { position = 3 }
            }
            if bufferOffset + position >= limit { return nil }
            if splitsPlainRecords, let next = scanPlainRecord() {
                // A plain record is ASCII: a byte ≥ 0x80 is no plain record's.
                let record = CSVRecord(
                    base: UnsafePointer(buffer), start: position, line: line, fields: UnsafePointer(fields),
                    count: fieldCount, problem: nil, isASCII: true)
                position = next
                line += 1
                return record
            }
            switch scanRecord() {
            case .incomplete:
                // The record runs past the buffered bytes: keep its start, read more, scan again.
                try refill()
            case .unterminatedQuote(let quoteOffset):
                throw CSVSyntaxError.unterminatedQuote(location: location(of: quoteOffset, from: position, line: line))
            case .nulByte(let offset):
                throw CSVSyntaxError.nulByte(location: location(of: offset, from: position, line: line))
            case .endOfFile:
                return nil
            case .blank(let next, let lines):
                position = next
                line += lines
            case .record(let next, let lines, let problem):
                let record = CSVRecord(
                    base: UnsafePointer(buffer), start: position, line: line, fields: UnsafePointer(fields),
                    count: fieldCount, problem: problem, isASCII: isASCII(position..<next))
                position = next
                line += lines
                return record
            }
        }
    }

    /// Whether `buffer[range]` is all ASCII, extending the known-ASCII span past
    /// `range.lowerBound` (up to 1 KiB past the range) when it does not cover it.
    @inline(__always)
    private mutating func isASCII(_ range: Range<Int>) -> Bool {
        // Nearly every record: inside the span, with no call.
        if range.lowerBound >= asciiFrom && range.upperBound <= asciiEnd { return true }
        return extendASCII(range)
    }

    private mutating func extendASCII(_ range: Range<Int>) -> Bool {
        if range.lowerBound < asciiFrom || range.lowerBound > asciiEnd { asciiFrom = range.lowerBound; asciiEnd = range.lowerBound }
        let highs: UInt64 = 0x8080_8080_8080_8080
        var pos = asciiEnd
        let raw = UnsafeRawPointer(buffer)
        // Past the record by 1 KiB, not to the end of the buffer: plain records are known
        // to be ASCII without the span (`scanPlainRecord`), so it serves the others only,
        // and one quoted field among plain rows should not cost a scan of the buffer.
        let stop = min(filled, range.upperBound + 1024)
        while pos + 32 <= stop {
            let word = raw.loadUnaligned(fromByteOffset: pos, as: UInt64.self) | raw.loadUnaligned(fromByteOffset: pos + 8, as: UInt64.self)
                | raw.loadUnaligned(fromByteOffset: pos + 16, as: UInt64.self) | raw.loadUnaligned(fromByteOffset: pos + 24, as: UInt64.self)
            if word & highs != 0 { break }
            pos += 32
        }
        while pos < stop && buffer[pos] < 0x80 { pos += 1 }
        asciiEnd = pos
        return range.upperBound <= asciiEnd
    }

    /// File offset of the next record (or blank line) to read: where reading stopped
    /// once `next()` has returned nil at the limit.
    var offset: Int { bufferOffset + position }

    /// Line ends passed so far (the physical line of `offset` is `linesRead + 1`).
    var linesRead: Int { line - 1 }

    private enum ScanResult {
        case incomplete
        case endOfFile
        case unterminatedQuote(Int)
        /// A NUL byte at this offset.
        case nulByte(Int)
        /// An empty line: skip `lines` line ends.
        case blank(next: Int, lines: Int)
        case record(next: Int, lines: Int, problem: CSVRecordProblem?)
    }

    /// `scanRecord` for a plain record: not blank, no quote, NUL, lone CR or byte ≥ 0x80
    /// before its line end, and lying in windows of 64 bytes inside the buffer: where
    /// the next record starts (the record is one line long and has no problem). Nil for
    /// any other record (`scanRecord` splits those), and it then leaves no state changed
    /// but `fields`; where it answers, it answers what `scanRecord` does
    /// (`CSVPlainRecordTests`).
    ///
    /// Why: `scanRecord` finds each field's end from the last one's, through a chain of
    /// loads and a branch per field that made it a third of the CPU time at 10.8M rows.
    /// Here the only chain from field to field is clearing the lowest bit of a mask of
    /// the window (`CSVDelimiterWindow.fieldBits`): a field's end is that bit, and which
    /// byte it is (nearly always a comma) is read beside the chain, not in it. The
    /// window is kept from record to record: a row of 90 bytes needs one or two.
    @inline(__always)
    private mutating func scanPlainRecord() -> Int? {
        let start = position, end = filled
        var windowStart: Int, bits: UInt64
        if plainCovered, start >= plainStart, start < plainStart + 64 {
            windowStart = plainStart
            bits = plainBits
        } else {
            guard start + 64 <= end else { return nil }
            windowStart = start
            bits = CSVDelimiterWindow.fieldBits(UnsafeRawPointer(buffer + start))
            plainStart = windowStart
            plainBits = bits
            plainCovered = true
        }
        // The bits before the record are the record before's.
        bits &= ~UInt64(0) << UInt64(start - windowStart)
        let comma: UInt8 = 0x2C, lf: UInt8 = 0x0A, cr: UInt8 = 0x0D
        fieldCount = 0
        var fieldStart = start
        while true {
            if bits == 0 {
                windowStart += 64
                guard windowStart + 64 <= end else { return nil }
                bits = CSVDelimiterWindow.fieldBits(UnsafeRawPointer(buffer + windowStart))
                continue
            }
            let at = windowStart + bits.trailingZeroBitCount
            bits &= bits &- 1
            let byte = buffer[at]
            if byte == comma {
                if fieldCount == fieldCapacity { growFields() }
                fields[fieldCount] = CSVField(start: fieldStart, end: at, rawStart: fieldStart, escaped: false)
                fieldCount += 1
                fieldStart = at + 1
                continue
            }
            // A line end, or what makes the record one for `scanRecord`: a quote, a NUL,
            // a lone CR, a byte ≥ 0x80, a blank line (a line end at the record's start).
            let next: Int
            if byte == lf {
                next = at + 1
            } else if byte == cr, at + 1 < end, buffer[at + 1] == lf {
                next = at + 2
            } else {
                return nil
            }
            guard at > start else { return nil }
            if fieldCount == fieldCapacity { growFields() }
            fields[fieldCount] = CSVField(start: fieldStart, end: at, rawStart: fieldStart, escaped: false)
            fieldCount += 1
            // Kept for the next record, which starts in it or just past it.
            plainStart = windowStart
            plainBits = bits
            return next
        }
    }

    /// Splits the record at `position` into `fields`, without changing any state but `fields`.
    private mutating func scanRecord() -> ScanResult {
        let end = filled
        let bytes = buffer
        var pos = position
        var lines = 0
        var problem: CSVRecordProblem?
        fieldCount = 0
        if pos >= end {
            return atEndOfFile ? .endOfFile : .incomplete
        }
        let comma: UInt8 = 0x2C, quote: UInt8 = 0x22, lf: UInt8 = 0x0A, cr: UInt8 = 0x0D
        // An empty line is no record.
        if bytes[pos] == 0 { return .nulByte(pos) }
        if bytes[pos] == lf { return .blank(next: pos + 1, lines: 1) }
        if bytes[pos] == cr {
            if pos + 1 < end { return .blank(next: bytes[pos + 1] == lf ? pos + 2 : pos + 1, lines: 1) }
            return atEndOfFile ? .blank(next: pos + 1, lines: 1) : .incomplete
        }
        while true {
            let fieldStart = pos
            var contentStart = pos
            var contentEnd: Int
            var escaped = false
            if pos < end && bytes[pos] == quote {
                pos += 1
                contentStart = pos
                while true {
                    if pos >= end { return atEndOfFile ? .unterminatedQuote(fieldStart) : .incomplete }
                    let byte = bytes[pos]
                    if byte == quote {
                        if pos + 1 >= end && !atEndOfFile { return .incomplete }
                        if pos + 1 < end && bytes[pos + 1] == quote {
                            escaped = true
                            pos += 2
                            continue
                        }
                        contentEnd = pos
                        pos += 1
                        break
                    } else if byte == lf {
                        lines += 1
                    } else if byte == 0 {
                        return .nulByte(pos)
                    } else if byte == cr {
                        if pos + 1 >= end && !atEndOfFile { return .incomplete }
                        if pos + 1 >= end || bytes[pos + 1] != lf { lines += 1 }
                    }
                    pos += 1
                }
                // After the closing quote: a comma, a line end or the end of the file.
                if pos < end, bytes[pos] != comma, bytes[pos] != lf, bytes[pos] != cr {
                    if problem == nil { problem = .textAfterClosingQuote(field: fieldCount, offset: pos) }
                    while pos < end, bytes[pos] != comma, bytes[pos] != lf, bytes[pos] != cr {
                        if bytes[pos] == 0 { return .nulByte(pos) }
                        pos += 1
                    }
                    if pos >= end && !atEndOfFile { return .incomplete }
                }
            } else {
                // The field ends at the next comma, line end or NUL, found by the
                // 64-byte window of delimiters (byte by byte near the buffer's end).
                pos = delimiters.firstDelimiter(in: bytes, from: pos, before: end)
                if pos < end && bytes[pos] == 0 { return .nulByte(pos) }
                if pos >= end && !atEndOfFile { return .incomplete }
                contentEnd = pos
            }
            if fieldCount == fieldCapacity { growFields() }
            fields[fieldCount] = CSVField(start: contentStart, end: contentEnd, rawStart: fieldStart, escaped: escaped)
            fieldCount += 1
            if pos >= end {
                return .record(next: pos, lines: lines, problem: problem)
            }
            let byte = bytes[pos]
            if byte == comma {
                pos += 1
                if pos >= end && !atEndOfFile { return .incomplete }
                continue
            }
            if byte == lf {
                return .record(next: pos + 1, lines: lines + 1, problem: problem)
            }
            // CR: CRLF or a lone CR.
            if pos + 1 >= end && !atEndOfFile { return .incomplete }
            let next = pos + 1 < end && bytes[pos + 1] == lf ? pos + 2 : pos + 1
            return .record(next: next, lines: lines + 1, problem: problem)
        }
    }

    private mutating func growFields() {
        let larger = UnsafeMutablePointer<CSVField>.allocate(capacity: fieldCapacity * 2)
        larger.update(from: fields, count: fieldCount)
        fields.deallocate()
        fields = larger
        fieldCapacity *= 2
    }

    /// Moves the unread bytes to the front of the buffer and reads another block,
    /// growing the buffer when one record fills it.
    private mutating func refill() throws(CSVSyntaxError) {
        delimiters.invalidate()
        plainCovered = false
        let remaining = filled - position
        if position > 0 {
            if remaining > 0 { buffer.update(from: buffer + position, count: remaining) }
            filled = remaining
            bufferOffset += position
            // The known-ASCII span moves with the bytes (what of it is before them is gone).
            asciiFrom = max(0, asciiFrom - position)
            asciiEnd = max(0, asciiEnd - position)
            position = 0
        }
        if capacity - filled < CSVReader.blockSize {
            guard capacity < CSVReader.recordLimit else { throw CSVSyntaxError.recordTooLong(line: line) }
            let larger = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity * 2)
            larger.update(from: buffer, count: filled)
            buffer.deallocate()
            buffer = larger
            capacity *= 2
        }
        try fill(minimum: 1)
    }

    /// Reads until at least `minimum` more bytes are buffered or the file ends.
    private mutating func fill(minimum: Int) throws(CSVSyntaxError) {
        var wanted = minimum
        while wanted > 0 && !atEndOfFile {
            let count = pread(fileDescriptor, buffer + filled, capacity - filled, off_t(readOffset))
            if count < 0 {
                if errno == EINTR { continue }
                throw CSVSyntaxError.readFailed(errno: errno)
            }
            if count == 0 { atEndOfFile = true }
            filled += count
            readOffset += count
            wanted -= count
        }
    }

    /// Line and column of `offset`, counting from `start`, which is on line `line`
    /// at column 1. Columns count characters (UTF-8 lead bytes), not bytes.
    private func location(of offset: Int, from start: Int, line: Int) -> CSVPosition {
        CSVRecord.position(of: offset, in: UnsafePointer(buffer), from: start, line: line)
    }
}

/// A line and a column (both 1-based) in a CSV file.
struct CSVPosition: Equatable, Sendable {
    var line: Int
    var column: Int
}

/// What makes a CSV file unreadable from some point on.
enum CSVSyntaxError: Error, Equatable {
    /// A quoted field opened here is never closed.
    case unterminatedQuote(location: CSVPosition)
    /// A NUL byte: the file is not text (a binary file, a sparse file of zeros). Found
    /// while scanning, so such a file is refused after its first block, not read whole.
    case nulByte(location: CSVPosition)
    case readFailed(errno: Int32)
    /// The record starting on this line runs past `CSVReader.recordLimit` bytes.
    case recordTooLong(line: Int)
}

/// A problem confined to one record.
enum CSVRecordProblem: Equatable {
    /// `"abc"x`: text between a closing quote and the next comma.
    case textAfterClosingQuote(field: Int, offset: Int)
}

/// Where one field of a record is in the reader's buffer.
struct CSVField {
    /// Content start and end (quotes excluded).
    var start: Int
    var end: Int
    /// Start of the field as written (its opening quote, if any).
    var rawStart: Int
    /// Whether the field holds `""` pairs still to be turned into `"`.
    var escaped: Bool
}

/// One record of a CSV file: a view into the reader's buffer, valid while the reader's
/// callback runs.
struct CSVRecord {
    let base: UnsafePointer<UInt8>
    /// Offset of the record's first byte (always at the start of a physical line).
    let start: Int
    /// Physical line the record starts on.
    let line: Int
    let fields: UnsafePointer<CSVField>
    /// Number of fields.
    let count: Int
    let problem: CSVRecordProblem?
    /// Whether every byte of the record is ASCII (so it is UTF-8 text).
    let isASCII: Bool

    /// The bytes of field `index` as written, without its quotes. `""` pairs are still
    /// doubled when `isEscaped(index)`; use `text(of:)` or `unescapedBytes(of:)` then.
    func rawBytes(of index: Int) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(start: base + fields[index].start, count: fields[index].end - fields[index].start)
    }

    func isEscaped(_ index: Int) -> Bool { fields[index].escaped }

    /// The field's bytes with `""` turned into `"`.
    func unescapedBytes(of index: Int) -> [UInt8] {
        let raw = rawBytes(of: index)
        guard fields[index].escaped else { return Array(raw) }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(raw.count)
        var i = 0
        while i < raw.count {
            bytes.append(raw[i])
            i += raw[i] == 0x22 ? 2 : 1
        }
        return bytes
    }

    /// The field as text (invalid UTF-8 becomes U+FFFD).
    func string(at index: Int) -> String {
        if fields[index].escaped { return String(decoding: unescapedBytes(of: index), as: UTF8.self) }
        return String(decoding: rawBytes(of: index), as: UTF8.self)
    }

    /// Where field `index` starts (its opening quote, if quoted).
    func position(ofField index: Int) -> CSVPosition {
        CSVRecord.position(of: fields[index].rawStart, in: base, from: start, line: line)
    }

    /// Where the record's last field ends: the place of a missing field.
    var endPosition: CSVPosition {
        guard count > 0 else { return CSVPosition(line: line, column: 1) }
        // A quoted last field ends after its closing quote.
        let last = fields[count - 1]
        let end = last.end + (last.rawStart != last.start ? 1 : 0)
        return CSVRecord.position(of: end, in: base, from: start, line: line)
    }

    /// Where a byte offset inside this record is.
    func position(ofOffset offset: Int) -> CSVPosition {
        CSVRecord.position(of: offset, in: base, from: start, line: line)
    }

    static func position(of offset: Int, in base: UnsafePointer<UInt8>, from start: Int, line: Int) -> CSVPosition {
        var line = line
        var column = 1
        var index = start
        while index < offset {
            let byte = base[index]
            if byte == 0x0A || (byte == 0x0D && (index + 1 >= offset || base[index + 1] != 0x0A)) {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 && byte != 0x0D {
                column += 1
            }
            index += 1
        }
        return CSVPosition(line: line, column: column)
    }
}
