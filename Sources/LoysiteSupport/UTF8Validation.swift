/// Where bytes stop being UTF-8, so that a reader can point at the bad byte instead of
/// decoding it to U+FFFD: a 0xFF in a customer id once made a customer of its own
/// (`176�77`), and 22 figures were wrong with no message.
package enum UTF8Validation {
    /// The offset of the first byte that does not start or continue a well-formed UTF-8
    /// sequence (RFC 3629: no overlong forms, no surrogates, nothing above U+10FFFF), or
    /// nil when all of `bytes` is UTF-8. ASCII is skipped eight bytes at a time.
    package static func firstInvalidByte(in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        let count = bytes.count
        guard let base = bytes.baseAddress, count > 0 else { return nil }
        var index = 0
        while index < count {
            if index + 8 <= count {
                let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
                if word & 0x8080_8080_8080_8080 == 0 {
                    index += 8
                    continue
                }
            }
            let lead = base[index]
            if lead < 0x80 {
                index += 1
                continue
            }
            let length: Int
            var lowest: UInt8 = 0x80, highest: UInt8 = 0xBF
            switch lead {
            case 0xC2...0xDF: length = 2
            case 0xE0: length = 3; lowest = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED: length = 3; highest = 0x9F
            case 0xF0: length = 4; lowest = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4: length = 4; highest = 0x8F
            default: return index
            }
            guard index + length <= count else { return index }
            let second = base[index + 1]
            guard second >= lowest, second <= highest else { return index }
            for next in 2..<length where base[index + next] & 0xC0 != 0x80 { return index }
            index += length
        }
        return nil
    }

    /// `firstInvalidByte` over `range` of an array, as an offset into the array.
    package static func firstInvalidByte(in bytes: [UInt8], range: Range<Int>) -> Int? {
        bytes.withUnsafeBufferPointer { buffer in
            firstInvalidByte(in: UnsafeBufferPointer(rebasing: buffer[range])).map { range.lowerBound + $0 }
        }
    }

    /// How the byte at `offset` is named in messages: `0xFF`.
    package static func describe(_ byte: UInt8) -> String {
        let hex = String(byte, radix: 16, uppercase: true)
        return "0x" + (hex.count == 1 ? "0" : "") + hex
    }
}
