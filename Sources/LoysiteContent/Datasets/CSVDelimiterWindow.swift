/// Where the unquoted fields of a `CSVReader` buffer end, found 64 bytes at a time.
///
/// Why: finding each field's end by testing its bytes a word at a time was a third of
/// the CPU time at 10.8M rows, most of it in the branch that leaves the loop at a
/// field's end, which no predictor guesses (fields are 1–40 bytes long). Here 64 bytes
/// are classified at once, 16 per vector without a branch, into one bit per byte; each
/// field end is then the lowest set bit past the field's start, and a window serves the
/// six or so fields of a row.
///
/// The window caches a function of the buffer's bytes only, so it stays right for any
/// position inside it however the reader moves; the reader drops it (`invalidate`) when
/// it moves or replaces the bytes.
struct CSVDelimiterWindow {
    /// Bit `i` of `bits` is set when `buffer[start + i]` is a comma, LF, CR or NUL; the
    /// window covers `start..<start + 64` (nothing when `covered` is false).
    private var start = 0
    private var bits: UInt64 = 0
    private var covered = false

    mutating func invalidate() {
        covered = false
    }

    /// The offset of the first comma, LF, CR or NUL in `bytes[position..<end]`; `end`
    /// when there is none. Within 63 bytes of `end` the bytes are looked at one by one
    /// (a window never reaches past the bytes it was given).
    @inline(__always)
    mutating func firstDelimiter(in bytes: UnsafePointer<UInt8>, from position: Int, before end: Int) -> Int {
        var pos = position
        while true {
            if covered, pos >= start, pos < start + 64 {
                let ahead = bits >> UInt64(pos - start)
                if ahead != 0 { return pos + ahead.trailingZeroBitCount }
                pos = start + 64
            }
            guard pos + 64 <= end else { break }
            start = pos
            bits = CSVDelimiterWindow.delimiterBits(UnsafeRawPointer(bytes + pos))
            covered = true
        }
        return CSVDelimiterWindow.firstDelimiterByBytes(in: bytes, from: pos, before: end)
    }

    /// The reference: byte by byte.
    static func firstDelimiterByBytes(in bytes: UnsafePointer<UInt8>, from position: Int, before end: Int) -> Int {
        var pos = position
        while pos < end {
            let byte = bytes[pos]
            if byte <= 0x2C && (byte == 0x2C || byte == 0x0A || byte == 0x0D || byte == 0) { return pos }
            pos += 1
        }
        return end
    }

    /// One bit per byte of the 64 at `raw` (the first byte the lowest bit): set for a
    /// comma, LF, CR or NUL.
    @inline(__always)
    static func delimiterBits(_ raw: UnsafeRawPointer) -> UInt64 {
        bits(raw, plain: false)
    }

    /// `delimiterBits` with quotes and bytes ≥ 0x80 too: every byte that ends a field or
    /// makes a record other than plain (`CSVReader.scanPlainRecord`), so that a plain
    /// record is known to be ASCII without another look at its bytes.
    @inline(__always)
    static func fieldBits(_ raw: UnsafeRawPointer) -> UInt64 {
        bits(raw, plain: true)
    }

    @inline(__always)
    private static func bits(_ raw: UnsafeRawPointer, plain: Bool) -> UInt64 {
        delimiterBits16(raw.loadUnaligned(as: SIMD16<UInt8>.self), plain: plain)
            | delimiterBits16(raw.loadUnaligned(fromByteOffset: 16, as: SIMD16<UInt8>.self), plain: plain) << 16
            | delimiterBits16(raw.loadUnaligned(fromByteOffset: 32, as: SIMD16<UInt8>.self), plain: plain) << 32
            | delimiterBits16(raw.loadUnaligned(fromByteOffset: 48, as: SIMD16<UInt8>.self), plain: plain) << 48
    }

    /// The delimiters (and, for `plain`, quotes and bytes ≥ 0x80) of 16 bytes as the low
    /// 16 bits. `(x &- 1) & ~x` has the high bit of a lane set exactly where the lane
    /// is 0: lanes do not borrow from each other, so unlike the same trick on a 64-bit
    /// word no byte past a zero is marked; a byte ≥ 0x80 marks itself. (Swift's
    /// `.==` on vectors compiles to a loop over the lanes here; these wrapping lane
    /// operations compile to one vector instruction each.) The marks, bit 7 of each
    /// byte, are then gathered eight at a time by one multiplication: byte `k`'s bit,
    /// moved to bit `8k`, is multiplied to bit `56 + k`, and no two partial products
    /// meet, so nothing carries.
    @inline(__always)
    static func delimiterBits16(_ lanes: SIMD16<UInt8>, plain: Bool) -> UInt64 {
        @inline(__always) func zeroLanes(_ x: SIMD16<UInt8>) -> SIMD16<UInt8> { (x &- 1) & ~x }
        var found = zeroLanes(lanes ^ SIMD16(repeating: 0x2C)) | zeroLanes(lanes ^ SIMD16(repeating: 0x0A))
            | zeroLanes(lanes ^ SIMD16(repeating: 0x0D)) | zeroLanes(lanes)
        if plain { found |= zeroLanes(lanes ^ SIMD16(repeating: 0x22)) | lanes }
        let marks = found & SIMD16(repeating: 0x80)
        let halves = unsafeBitCast(marks, to: SIMD2<UInt64>.self)
        let gather: UInt64 = 0x0102_0408_1020_4080
        let low = ((UInt64(littleEndian: halves[0]) >> 7) &* gather) >> 56
        let high = ((UInt64(littleEndian: halves[1]) >> 7) &* gather) >> 56
        return low | high << 8
    }
}
