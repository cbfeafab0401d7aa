/// The date and number forms of TOML that `TOMLByteReader` reads itself, on a value's
/// bytes; nil for anything else (TOMLKit then reads the page, and words any error).
enum TOMLScalarText {
    private static func digits(_ token: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int? {
        guard range.upperBound <= token.count else { return nil }
        var value = 0
        for offset in range {
            let byte = token[offset]
            guard byte >= 0x30, byte <= 0x39 else { return nil }
            value = value * 10 + Int(byte - 0x30)
        }
        return value
    }

    /// `YYYY-MM-DD`, `HH:MM:SS` (a fraction allowed), or both joined by `T`, `t` or a
    /// space with an optional `Z` or `±HH:MM` offset, as `TOMLFrontMatter` writes them:
    /// fraction and offset dropped. Only dates and times that exist (no leap second).
    static func date(_ token: UnsafeBufferPointer<UInt8>) -> String? {
        guard token.count >= 8 else { return nil }
        var time = 0
        var out = ""
        if token.count >= 10, token[4] == UInt8(ascii: "-"), token[7] == UInt8(ascii: "-") {
            guard let year = digits(token, 0..<4), let month = digits(token, 5..<7), let day = digits(token, 8..<10),
                  (1...12).contains(month), day >= 1 else { return nil }
            let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
            let lengths = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
            guard day <= lengths[month - 1] else { return nil }
            out = String(decoding: UnsafeBufferPointer(rebasing: token[0..<10]), as: UTF8.self)
            if token.count == 10 { return out }
            let separator = token[10]
            guard separator == UInt8(ascii: "T") || separator == UInt8(ascii: "t") || separator == 0x20 else { return nil }
            out += "T"
            time = 11
        }
        guard token.count >= time + 8, token[time + 2] == UInt8(ascii: ":"), token[time + 5] == UInt8(ascii: ":"),
              let hour = digits(token, time..<(time + 2)), let minute = digits(token, (time + 3)..<(time + 5)),
              let second = digits(token, (time + 6)..<(time + 8)), hour < 24, minute < 60, second < 60 else { return nil }
        out += String(decoding: UnsafeBufferPointer(rebasing: token[time..<(time + 8)]), as: UTF8.self)
        var rest = time + 8
        if rest < token.count, token[rest] == UInt8(ascii: ".") {
            let start = rest + 1
            rest = start
            while rest < token.count, token[rest] >= 0x30, token[rest] <= 0x39 { rest += 1 }
            guard rest > start, rest - start <= 9 else { return nil }
        }
        if rest == token.count { return out }
        // An offset only after a date.
        guard time == 11 else { return nil }
        if token[rest] == UInt8(ascii: "Z") || token[rest] == UInt8(ascii: "z") { return rest + 1 == token.count ? out : nil }
        guard token[rest] == UInt8(ascii: "+") || token[rest] == UInt8(ascii: "-"), token.count == rest + 6, token[rest + 3] == UInt8(ascii: ":"),
              let hours = digits(token, (rest + 1)..<(rest + 3)), let minutes = digits(token, (rest + 4)..<(rest + 6)),
              hours < 24, minutes < 60 else { return nil }
        return out
    }

    /// A decimal integer (`42`, `-7`, `1_000`; no leading zero, at most 18 digits) or a
    /// float (`3.14`, `-0.5`, `1e6`, `6.02_2e+23`; not `inf` or `nan`).
    static func number(_ token: UnsafeBufferPointer<UInt8>) -> TOMLValue? {
        var offset = 0
        var clean: [UInt8] = []
        clean.reserveCapacity(token.count)
        if offset < token.count, token[offset] == UInt8(ascii: "+") || token[offset] == UInt8(ascii: "-") {
            if token[offset] == UInt8(ascii: "-") { clean.append(token[offset]) }
            offset += 1
        }
        /// Digits with single `_` between them; the count read.
        func run() -> Int? {
            var count = 0
            while offset < token.count {
                let byte = token[offset]
                if byte >= 0x30, byte <= 0x39 {
                    clean.append(byte)
                    count += 1
                    offset += 1
                } else if byte == UInt8(ascii: "_"), count > 0, offset + 1 < token.count, token[offset + 1] >= 0x30, token[offset + 1] <= 0x39 {
                    offset += 1
                } else {
                    break
                }
            }
            return count > 0 ? count : nil
        }
        let integerStart = clean.count
        guard let integerDigits = run() else { return nil }
        // No leading zero: `0`, `0.5`, but not `01`.
        guard integerDigits == 1 || clean[integerStart] != UInt8(ascii: "0") else { return nil }
        var isFloat = false
        if offset < token.count, token[offset] == UInt8(ascii: ".") {
            clean.append(token[offset])
            offset += 1
            guard run() != nil else { return nil }
            isFloat = true
        }
        if offset < token.count, token[offset] == UInt8(ascii: "e") || token[offset] == UInt8(ascii: "E") {
            clean.append(UInt8(ascii: "e"))
            offset += 1
            if offset < token.count, token[offset] == UInt8(ascii: "+") || token[offset] == UInt8(ascii: "-") {
                clean.append(token[offset])
                offset += 1
            }
            guard run() != nil else { return nil }
            isFloat = true
        }
        guard offset == token.count else { return nil }
        let text = String(decoding: clean, as: UTF8.self)
        if isFloat {
            // Beyond Double's range (overflow, or underflow to zero or a subnormal) is
            // toml++'s to judge.
            let mantissaIsZero = !clean.prefix { $0 != UInt8(ascii: "e") }.contains { $0 >= 0x31 && $0 <= 0x39 }
            guard let value = Double(text), value.isFinite, (value == 0) == mantissaIsZero,
                  value == 0 || abs(value) >= Double.leastNormalMagnitude else { return nil }
            return .float(value)
        }
        guard integerDigits <= 18, let value = Int(text) else { return nil }
        return .integer(value)
    }
}
