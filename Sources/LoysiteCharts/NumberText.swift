import Foundation

/// Locale-free number text. Charts must read the same on every machine (and be
/// byte-identical from build to build), so nothing here asks Foundation for a locale:
/// digits are produced by integer arithmetic on the rounded value.
enum NumberText {
    /// The typographic minus sign (U+2212): as wide as a plus, unlike a hyphen.
    static let minus = "\u{2212}"

    /// `value` with exactly `decimals` digits after the point (or at most that many when
    /// `trimZeros`), half away from zero. `grouping` adds a comma every three digits.
    /// A negative value that rounds to zero loses its sign, so no "−0" appears.
    static func fixed(
        _ value: Double,
        decimals: Int,
        grouping: Bool = false,
        trimZeros: Bool = false,
        minusSign: String = minus
    ) -> String {
        guard value.isFinite else { return "—" }
        let decimals = max(0, min(decimals, 9))
        var scale: Double = 1
        for _ in 0..<decimals { scale *= 10 }
        // The nudge keeps 0.285 × 100 (= 28.499999…) rounding to 29, as a reader expects.
        let scaled = (abs(value) * scale * (1 + 1e-12)).rounded(.toNearestOrAwayFromZero)
        guard scaled < 9e15 else {
            return (value < 0 ? minusSign : "") + String(describing: abs(value))
        }
        let whole = UInt64(scaled)
        let unit = UInt64(scale)
        let integerPart = whole / unit
        var fraction = whole % unit
        var fractionDigits = decimals
        if trimZeros {
            while fractionDigits > 0, fraction % 10 == 0 {
                fraction /= 10
                fractionDigits -= 1
            }
        }
        let sign = (value < 0 && whole != 0) ? minusSign : ""
        var integerDigits = 1
        var rest = integerPart
        while rest >= 10 {
            rest /= 10
            integerDigits += 1
        }
        let commas = grouping ? (integerDigits - 1) / 3 : 0
        // Written into one string of the final size (charts write thousands of numbers
        // a page; joining pieces made and freed several strings for each).
        let length = sign.utf8.count + integerDigits + commas + (fractionDigits > 0 ? fractionDigits + 1 : 0)
        return String(unsafeUninitializedCapacity: length) { buffer in
            var position = 0
            for byte in sign.utf8 {
                buffer[position] = byte
                position += 1
            }
            var index = position + integerDigits + commas - 1
            rest = integerPart
            var written = 0
            repeat {
                if commas > 0, written > 0, written % 3 == 0 {
                    buffer[index] = UInt8(ascii: ",")
                    index -= 1
                }
                buffer[index] = 0x30 + UInt8(rest % 10)
                rest /= 10
                index -= 1
                written += 1
            } while rest > 0
            position += integerDigits + commas
            if fractionDigits > 0 {
                buffer[position] = UInt8(ascii: ".")
                position += 1
                for offset in stride(from: fractionDigits - 1, through: 0, by: -1) {
                    buffer[position + offset] = 0x30 + UInt8(fraction % 10)
                    fraction /= 10
                }
                position += fractionDigits
            }
            return position
        }
    }

    /// A positive magnitude as `1.8e308`: two significant digits and the power of ten,
    /// for figures too large for any suffix (a short label, not a page of digits).
    static func scientific(_ magnitude: Double) -> String {
        guard magnitude.isFinite, magnitude > 0 else { return fixed(magnitude, decimals: 0) }
        var exponent = Int(log10(magnitude).rounded(.down))
        var mantissa = magnitude / pow(10, Double(exponent))
        if !mantissa.isFinite || mantissa <= 0 { mantissa = 1 }
        var digits = fixed(mantissa, decimals: 1, trimZeros: true)
        if digits == "10" {
            exponent += 1
            digits = "1"
        }
        return digits + "e" + String(exponent)
    }

    /// Digits needed after the point so that values `step` apart read differently and
    /// exactly: 20 → 0, 0.5 → 1, 2.5 → 1, 0.05 → 2, 0.25 → 2.
    static func decimals(forStep step: Double) -> Int {
        guard step.isFinite, step > 0 else { return 0 }
        var scaled = step
        for decimals in 0...6 {
            if abs(scaled - scaled.rounded()) <= 1e-6 * max(1, scaled) { return decimals }
            scaled *= 10
        }
        return 6
    }
}

/// Coordinates written into SVG: at most two decimals, no trailing zeros, a plain
/// hyphen-minus, and never `nan` or `inf` (a non-finite coordinate becomes 0, though the
/// chart code is written so that none reaches here).
enum SVGNumber {
    static func format(_ value: Double) -> String {
        guard value.isFinite else { return "0" }
        return NumberText.fixed(value, decimals: 2, trimZeros: true, minusSign: "-")
    }
}

extension Double {
    /// This number as an SVG coordinate (see `SVGNumber`).
    var svg: String { SVGNumber.format(self) }
}
