/// Whether cmark's smart punctuation (`CMARK_OPT_SMART`) can change a text: it turns
/// quotes into curly ones, `--` and `---` into dashes and `...` into an ellipsis, and
/// nothing else. A text with no `'`, no `"`, no `--` and no `..` renders the same
/// without it (a lone `.` or `-` stays itself), but with it cmark stops at every period
/// and hyphen to look, making a text node of each that it joins again afterwards: that
/// was about a quarter of parsing a page. Most pages of a glossary have no quote or
/// dash in their bodies, and are parsed without the option.
enum SmartPunctuation {
    /// Whether `text` holds a quote, `--` or `..`. Eight bytes at a time through a
    /// filter that lets a few other bytes by (`#`, `&` with the quotes; `,,` and `//`
    /// with the pairs; each lane's test is exact, no borrow crosses lanes), and a window
    /// that passes it is read byte by byte. `mayApplyByBytes` is the reference.
    static func mayApply(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            let count = bytes.count
            guard let base = bytes.baseAddress else { return false }
            let raw = UnsafeRawPointer(base)
            let low: UInt64 = 0x0101_0101_0101_0101, seven: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
            // The high bit of each byte of `word` that is zero, exactly.
            @inline(__always) func zero(_ word: UInt64) -> UInt64 {
                ~((((word & seven) &+ seven) | word) | seven)
            }
            var index = 0
            // `next` is the same eight bytes moved on by one, for pairs: a byte equal to
            // the one after it that is `-` or `.` (or `,` or `/`: 0x2C–0x2F with the
            // low bits set); a byte that is `'` or `"` (or `#` or `&`: 0x22, 0x23, 0x26,
            // 0x27 with 0x05 set).
            while index + 9 <= count {
                let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
                let next = raw.loadUnaligned(fromByteOffset: index + 1, as: UInt64.self)
                let pairs = zero(word ^ next) & zero((word | low &* 0x03) ^ (low &* 0x2F))
                let quotes = zero((word | low &* 0x05) ^ (low &* 0x27))
                if pairs | quotes != 0, mayApplyByBytes(UnsafeBufferPointer(rebasing: bytes[index..<(index + 9)])) { return true }
                index += 8
            }
            return mayApplyByBytes(UnsafeBufferPointer(rebasing: bytes[index...]))
        }
    }

    /// `mayApply` one byte at a time: the tests' reference.
    static func mayApplyByBytes(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var previous: UInt8 = 0
        for byte in bytes {
            if byte == UInt8(ascii: "'") || byte == UInt8(ascii: "\"") { return true }
            if byte == previous, byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".") { return true }
            previous = byte
        }
        return false
    }
}
