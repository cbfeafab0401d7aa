import Testing
@testable import LoysiteCharts

/// `NumberText.fixed` writes digits straight into one string; these compare it with the
/// plain way of building the same text (pieces joined), kept here as the reference.
@Suite struct NumberTextTests {
    /// The earlier implementation: integer and fraction digits as strings, then joined.
    static func reference(_ value: Double, decimals: Int, grouping: Bool, trimZeros: Bool, minusSign: String) -> String {
        guard value.isFinite else { return "—" }
        let decimals = max(0, min(decimals, 9))
        var scale: Double = 1
        for _ in 0..<decimals { scale *= 10 }
        let scaled = (abs(value) * scale * (1 + 1e-12)).rounded(.toNearestOrAwayFromZero)
        guard scaled < 9e15 else { return (value < 0 ? minusSign : "") + String(describing: abs(value)) }
        let whole = UInt64(scaled), unit = UInt64(scale)
        var integerDigits = String(whole / unit)
        var fraction = ""
        if decimals > 0 {
            let raw = String(whole % unit)
            fraction = String(repeating: "0", count: decimals - raw.count) + raw
            if trimZeros { while fraction.last == "0" { fraction.removeLast() } }
        }
        if grouping, integerDigits.count > 3 {
            var out = ""
            for (index, character) in integerDigits.enumerated() {
                if index > 0, (integerDigits.count - index) % 3 == 0 { out.append(",") }
                out.append(character)
            }
            integerDigits = out
        }
        let sign = (value < 0 && whole != 0) ? minusSign : ""
        return sign + integerDigits + (fraction.isEmpty ? "" : "." + fraction)
    }

    @Test func matchesTheReferenceOnAwkwardValues() {
        let values: [Double] = [0, -0.0, 0.004, -0.004, 0.005, 0.285 * 100, 1, 9.995, 10, 999, 1000, 999_999.5, 1_234_567.5,
                                -1_234_567.891, 12.3, 0.1 + 0.2, 8.9e15, 9.1e15, .infinity, -.infinity, .nan, 1e-9, 123_456_789_012]
        for value in values {
            for decimals in [0, 1, 2, 3, 9] {
                for grouping in [false, true] {
                    for trimZeros in [false, true] {
                        for minus in ["−", "-"] {
                            #expect(NumberText.fixed(value, decimals: decimals, grouping: grouping, trimZeros: trimZeros, minusSign: minus)
                                    == Self.reference(value, decimals: decimals, grouping: grouping, trimZeros: trimZeros, minusSign: minus),
                                    "\(value) decimals \(decimals) grouping \(grouping) trim \(trimZeros)")
                        }
                    }
                }
            }
        }
    }

    @Test func matchesTheReferenceOnRandomValues() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<20_000 {
            let magnitude = Double.random(in: -3...13, using: &generator)
            let value = (Bool.random(using: &generator) ? -1 : 1) * pow10(magnitude)
            let decimals = Int.random(in: 0...4, using: &generator)
            let grouping = Bool.random(using: &generator), trimZeros = Bool.random(using: &generator)
            #expect(NumberText.fixed(value, decimals: decimals, grouping: grouping, trimZeros: trimZeros)
                    == Self.reference(value, decimals: decimals, grouping: grouping, trimZeros: trimZeros, minusSign: NumberText.minus), "\(value)")
        }
    }

    private func pow10(_ exponent: Double) -> Double {
        var result = 1.0
        let whole = Int(exponent.rounded(.down))
        for _ in 0..<abs(whole) { result = whole < 0 ? result / 10 : result * 10 }
        return result * (1 + (exponent - Double(whole)) * 9)
    }
}
