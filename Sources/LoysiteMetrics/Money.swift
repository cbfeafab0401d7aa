/// An exact decimal amount of money: a whole number of 10⁻¹² units in an `Int128`.
///
/// SPEC §2 requires money to be summed exactly (+1.10 and −1.10 total exactly 0), which
/// binary floating point cannot do. Twelve decimal places hold the product of a price
/// and a quantity with up to twelve decimal places between them; `Int128` still leaves
/// room for totals up to about 10²⁶. Fixed-point integers are an order of magnitude
/// faster to add than Foundation's `Decimal`, which matters over half a million rows.
package struct Money: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// Decimal places kept.
    package static let scale = 12
    /// 10^scale.
    package static let unitsPerWhole: Int128 = 1_000_000_000_000

    /// The amount in 10⁻¹² units.
    package var units: Int128

    package init(units: Int128) {
        self.units = units
    }

    package static let zero = Money(units: 0)

    /// `significand × 10^(−fractionDigits)`; nil when that needs more than `scale`
    /// decimal places or does not fit.
    package init?(significand: Int128, fractionDigits: Int) {
        guard fractionDigits >= 0, fractionDigits <= Money.scale else { return nil }
        let (units, overflow) = significand.multipliedReportingOverflow(by: Money.powerOfTen(Money.scale - fractionDigits))
        guard !overflow else { return nil }
        self.units = units
    }

    /// A whole amount (used in tests and for counts converted to money).
    package init(_ whole: Int) {
        self.units = Int128(whole) * Money.unitsPerWhole
    }

    /// Exact text: the shortest decimal that is this amount (`1530`, `-11062.06`, `0.5`, `0`).
    package var description: String {
        let negative = units < 0
        let magnitude = negative ? UInt128(bitPattern: 0 &- units) : UInt128(bitPattern: units)
        let whole = magnitude / UInt128(Money.unitsPerWhole)
        var fraction = magnitude % UInt128(Money.unitsPerWhole)
        var text = negative ? "-" + String(whole) : String(whole)
        if fraction != 0 {
            var digits = Money.scale
            while fraction % 10 == 0 {
                fraction /= 10
                digits -= 1
            }
            let fractionText = String(fraction)
            text += "." + String(repeating: "0", count: digits - fractionText.count) + fractionText
        }
        return text
    }

    /// The nearest `Double` (correctly rounded, via the exact decimal text), for ratios
    /// and charts. Totals themselves stay exact.
    package var doubleValue: Double {
        Double(description) ?? .nan
    }

    package static func + (lhs: Money, rhs: Money) -> Money { Money(units: lhs.units + rhs.units) }
    package static func - (lhs: Money, rhs: Money) -> Money { Money(units: lhs.units - rhs.units) }
    package static func += (lhs: inout Money, rhs: Money) { lhs.units += rhs.units }
    package static prefix func - (value: Money) -> Money { Money(units: -value.units) }
    package static func < (lhs: Money, rhs: Money) -> Bool { lhs.units < rhs.units }

    @inline(__always)
    private static func smallPowerOfTen(_ exponent: Int) -> Int64? {
        switch exponent {
        case 0: return 1
        case 1: return 10
        case 2: return 100
        case 3: return 1_000
        case 4: return 10_000
        case 5: return 100_000
        case 6: return 1_000_000
        case 7: return 10_000_000
        case 8: return 100_000_000
        case 9: return 1_000_000_000
        case 10: return 10_000_000_000
        case 11: return 100_000_000_000
        case 12: return 1_000_000_000_000
        case 13: return 10_000_000_000_000
        case 14: return 100_000_000_000_000
        case 15: return 1_000_000_000_000_000
        case 16: return 10_000_000_000_000_000
        case 17: return 100_000_000_000_000_000
        case 18: return 1_000_000_000_000_000_000
        default: return nil
        }
    }

    /// 10^exponent for 0 ≤ exponent ≤ 38.
    package static func powerOfTen(_ exponent: Int) -> Int128 {
        precondition(exponent >= 0 && exponent <= 38, "10^\(exponent) does not fit in Int128")
        // Up to 10^18 from constants: the per-row conversions (at most `scale` places)
        // ask for these, millions of times at scale. (A `static let` table cost a
        // `swift_once` check per call, 2% of the CPU time at 10.8M rows; a switch of
        // constants compiles to a table with no check.)
        if let small = smallPowerOfTen(exponent) { return Int128(small) }
        var result: Int128 = 1
        var remaining = exponent
        while remaining >= 9 {
            result &*= 1_000_000_000
            remaining -= 9
        }
        while remaining > 0 {
            result &*= 10
            remaining -= 1
        }
        return result
    }
}
