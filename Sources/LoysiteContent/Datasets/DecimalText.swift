import LoysiteMetrics

/// Reads the numbers of a dataset: plain decimals with a point (`-12.5`, `+3`, `.5`, `18`).
///
/// Anything else is refused with a reason, never guessed at: `1,234.50` is not read as
/// 1.2345 or 1234.5 (a thousands separator is an error), `1e3` and `€5` are errors too.
/// Digits are accumulated exactly in an `Int128`, so money stays exact.
enum DecimalText {
    /// An exact decimal: `significand × 10^(−fractionDigits)`, trailing fraction zeros removed.
    struct Value: Equatable {
        var significand: Int128
        var fractionDigits: Int

        var money: Money? { Money(significand: significand, fractionDigits: fractionDigits) }

        /// `multiplied(by: other)?.money`, without normalising the product when the two
        /// have at most `Money.scale` decimal places between them and fit in 64 bits (a
        /// quantity times a price): the product is then exact in 128 bits, and scaled to
        /// money units it is the same number the normalised one gives
        /// (DecimalFastPathPropertyTests).
        func moneyProduct(_ other: Value) -> Money? {
            let places = fractionDigits + other.fractionDigits
            if places <= Money.scale, let left = Int64(exactly: significand), let right = Int64(exactly: other.significand) {
                if left.magnitude < 1 << 31, right.magnitude < 1 << 31 {
                    // Nearly every quantity and price: the product is below 2^62, and
                    // times 10^12 (< 2^40) below 2^102, so wrapping arithmetic is exact
                    // and no overflow check is needed.
                    return Money(units: Int128(left &* right) &* Money.powerOfTen(Money.scale - places))
                }
                let product = Int128(left) * Int128(right)
                let (units, overflow) = product.multipliedReportingOverflow(by: Money.powerOfTen(Money.scale - places))
                return overflow ? nil : Money(units: units)
            }
            return multiplied(by: other)?.money
        }

        /// The product, exact (`fractionDigits` add up); nil when it does not fit.
        func multiplied(by other: Value) -> Value? {
            let (product, overflow) = significand.multipliedReportingOverflow(by: other.significand)
            guard !overflow else { return nil }
            return Value(significand: product, fractionDigits: fractionDigits + other.fractionDigits).normalised
        }

        var normalised: Value {
            var value = self
            while value.fractionDigits > 0 && value.significand % 10 == 0 {
                value.significand /= 10
                value.fractionDigits -= 1
            }
            return value
        }

        var isInteger: Bool { fractionDigits == 0 }

        var doubleValue: Double {
            Money(significand: significand, fractionDigits: min(fractionDigits, Money.scale))?.doubleValue
                ?? Double(significand) / pow10(fractionDigits)
        }

        private func pow10(_ n: Int) -> Double {
            var result = 1.0
            for _ in 0..<n { result *= 10 }
            return result
        }
    }

    enum Failure: Error, Equatable {
        case empty
        case thousandsSeparator
        case exponent
        case notANumber
        case tooLong

        /// A sentence about `text`.
        func message(for text: String) -> String {
            switch self {
            case .empty:
                return "empty value where a number is required"
            case .thousandsSeparator:
                return "'\(text)' is not a number: thousands separators and decimal commas are not read (write 1234.50)"
            case .exponent:
                return "'\(text)' is written with an exponent; write it as a plain decimal number"
            case .notANumber:
                return "'\(text)' is not a number (write numbers like 1234.50: digits, an optional sign and decimal point)"
            case .tooLong:
                return "'\(text)' has too many digits to be read exactly"
            }
        }
    }

    /// Parses `bytes`, ignoring spaces and tabs around the number.
    static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> Result<Value, Failure> {
        if let value = parseShort(bytes) { return .success(value) }
        return parseAny(bytes)
    }

    /// The common case of `parse`, in 64-bit arithmetic: an optional sign, then digits
    /// with at most one point, at most 18 digits (so no overflow), nothing around them.
    /// Nil for anything else, which `parseAny` reads (or refuses) instead; where both
    /// read a text they give the same value (DecimalFastPathPropertyTests).
    @inline(__always)
    static func parseShort(_ bytes: UnsafeBufferPointer<UInt8>) -> Value? {
        guard var (significand, fractionDigits) = shortDigits(bytes) else { return nil }
        while fractionDigits > 0 && significand % 10 == 0 {
            significand /= 10
            fractionDigits -= 1
        }
        return Value(significand: Int128(significand), fractionDigits: fractionDigits)
    }

    /// quantity × price in money units straight from their texts, without a `Value` of
    /// either: when both are short decimals as `parseShort` reads them, below 2^31 in
    /// magnitude, with at most `Money.scale` decimal places between them as written.
    /// Nil for anything else (the caller parses them then). Trailing fraction zeros are
    /// kept: scaled to money units the product is the same number either way, and not
    /// removing them saves a division per number (8% of the reading of a row).
    /// The same money as `parse` and `Value.moneyProduct` (DecimalFastPathPropertyTests).
    @inline(__always)
    static func shortProduct(_ left: UnsafeBufferPointer<UInt8>, _ right: UnsafeBufferPointer<UInt8>) -> Money? {
        guard let left = shortDigits(left), let right = shortDigits(right) else { return nil }
        let places = left.fractionDigits + right.fractionDigits
        guard places <= Money.scale, left.significand.magnitude < 1 << 31, right.significand.magnitude < 1 << 31 else { return nil }
        // Below 2^62, and times 10^12 (< 2^40) below 2^102: wrapping arithmetic is exact.
        return Money(units: Int128(left.significand &* right.significand) &* Money.powerOfTen(Money.scale - places))
    }

    /// An optional sign, then at most 18 digits with at most one point, nothing around
    /// them: the significand as written and the number of digits after the point
    /// (trailing zeros kept; `parseShort` drops them).
    @inline(__always)
    private static func shortDigits(_ bytes: UnsafeBufferPointer<UInt8>) -> (significand: Int64, fractionDigits: Int)? {
        let count = bytes.count
        guard count > 0, count <= 20, let base = bytes.baseAddress else { return nil }
        var index = 0
        let negative = base[0] == 0x2D
        if negative || base[0] == 0x2B { index = 1 }
        var significand: Int64 = 0
        var digits = 0
        var pointAt = -1
        while index < count {
            let digit = base[index] &- 0x30
            if digit < 10 {
                significand = significand &* 10 &+ Int64(digit)
                digits += 1
            } else if base[index] == 0x2E && pointAt < 0 {
                pointAt = index
            } else {
                return nil
            }
            index += 1
        }
        guard digits > 0, digits <= 18 else { return nil }
        return (negative ? -significand : significand, pointAt < 0 ? 0 : count - 1 - pointAt)
    }

    /// `parse` for any text: the reference the short path is checked against.
    static func parseAny(_ bytes: UnsafeBufferPointer<UInt8>) -> Result<Value, Failure> {
        var start = 0
        var end = bytes.count
        while start < end && (bytes[start] == 0x20 || bytes[start] == 0x09) { start += 1 }
        while end > start && (bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09) { end -= 1 }
        guard start < end else { return .failure(.empty) }
        var index = start
        var negative = false
        if bytes[index] == 0x2D || bytes[index] == 0x2B {
            negative = bytes[index] == 0x2D
            index += 1
        }
        var significand: Int128 = 0
        var digits = 0
        var fractionDigits = 0
        var sawPoint = false
        while index < end {
            let byte = bytes[index]
            if byte >= 0x30 && byte <= 0x39 {
                if digits >= 36 { return .failure(.tooLong) }
                significand = significand &* 10 &+ Int128(byte &- 0x30)
                if significand != 0 { digits += 1 }
                if sawPoint { fractionDigits += 1 }
            } else if byte == 0x2E && !sawPoint {
                sawPoint = true
            } else {
                return .failure(classify(bytes, from: start, to: end))
            }
            index += 1
        }
        // A sign or point alone is no number.
        let digitCount = end - start - (negative || bytes[start] == 0x2B ? 1 : 0) - (sawPoint ? 1 : 0)
        guard digitCount > 0 else { return .failure(.notANumber) }
        var value = Value(significand: negative ? -significand : significand, fractionDigits: fractionDigits)
        if fractionDigits > 0 { value = value.normalised }
        return .success(value)
    }

    /// Why a text that is not a plain decimal failed: a thousands separator is the
    /// mistake worth naming (`1,234.5`, `1 234`, `1'234`, `1_234`).
    private static func classify(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> Failure {
        var sawDigit = false
        var sawExponent = false
        var separatorBetweenDigits = false
        var index = start
        while index < end {
            let byte = bytes[index]
            if byte >= 0x30 && byte <= 0x39 {
                sawDigit = true
            } else if (byte == 0x2C || byte == 0x27 || byte == 0x20 || byte == 0x5F) && sawDigit
                        && index + 1 < end && bytes[index + 1] >= 0x30 && bytes[index + 1] <= 0x39 {
                separatorBetweenDigits = true
            } else if (byte == 0x65 || byte == 0x45) && sawDigit {
                sawExponent = true
            } else if !(byte == 0x2E || byte == 0x2D || byte == 0x2B) {
                return .notANumber
            }
            index += 1
        }
        if separatorBetweenDigits { return .thousandsSeparator }
        if sawExponent { return .exponent }
        return .notANumber
    }

    static func parse(_ text: String) -> Result<Value, Failure> {
        var text = text
        return text.withUTF8 { parse($0) }
    }
}
