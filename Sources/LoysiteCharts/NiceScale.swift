import Foundation

/// A value axis's range and ticks, rounded to "nice" numbers: steps of 1, 2 or 5 times a
/// power of ten, with the range widened to whole steps (data 0…97 → 0, 20, … 100).
struct NiceScale: Equatable {
    let lower: Double
    let upper: Double
    let step: Double

    /// The tick values from `lower` to `upper`, computed by multiplication (not repeated
    /// addition) and rounded to the step's precision, so 0.1 × 3 reads 0.3.
    var ticks: [Double] {
        let intervals = ((upper - lower) / step).rounded()
        // `make` keeps this small and finite; the guard keeps a hand-made scale from trapping.
        let count = intervals.isFinite ? Int(Swift.max(0, Swift.min(intervals, 1000))) : 0
        return (0...count).map { index in NiceScale.clean(lower + Double(index) * step, step) }
    }

    /// Data beyond ±1e300 is scaled as if it were ±1e300. Widening a range to whole
    /// steps (1e308 → 2e308) would overflow Double into infinity, and every position
    /// and tick computed from it would be NaN; no loyalty figure comes anywhere near.
    static let largestMagnitude = 1e300

    /// Chooses a range and step for data between `minimum` and `maximum`, with about
    /// `targetTicks` intervals (never more).
    ///
    /// - `includeZero`: bars and areas grow from a zero baseline, so zero is always in.
    ///   Otherwise zero is still taken in when the data's nearest edge is closer to zero
    ///   than to the other edge (a line from 40 to 140 starts at 0, one from 38% to 55%
    ///   does not), which keeps lines honest without flattening them.
    /// - Equal values (or a single one) get a range around them instead of a zero-width
    ///   one: from zero to a little above the value.
    static func make(minimum: Double, maximum: Double, targetTicks: Int, includeZero: Bool) -> NiceScale {
        let limit = largestMagnitude
        var low = minimum.isFinite ? Swift.min(Swift.max(minimum, -limit), limit) : 0
        var high = maximum.isFinite ? Swift.min(Swift.max(maximum, -limit), limit) : 0
        if low > high { swap(&low, &high) }
        if includeZero || (low > 0 && low < high / 2) || (high < 0 && high > low / 2) {
            low = Swift.min(low, 0)
            high = Swift.max(high, 0)
        }
        if low == high {
            if low == 0 {
                high = 1
            } else if low > 0 {
                (low, high) = (0, high * 1.1)
            } else {
                (low, high) = (low * 1.1, 0)
            }
        }
        let intervals = Double(Swift.max(1, targetTicks))
        var step = niceStep((high - low) / intervals)
        // Widening to whole steps can need one more interval than asked; take the next
        // step up until the ticks fit (at most a couple of rounds).
        for _ in 0..<4 {
            let lower = (low / step).rounded(.down) * step
            let upper = (high / step).rounded(.up) * step
            if (upper - lower) / step <= intervals + 0.5 {
                return NiceScale(lower: clean(lower, step), upper: clean(upper, step), step: step)
            }
            step = niceStep(step * 1.5)
        }
        let lower = (low / step).rounded(.down) * step
        let upper = (high / step).rounded(.up) * step
        return NiceScale(lower: clean(lower, step), upper: clean(upper, step), step: step)
    }

    /// The smallest of 1, 2, 5 × 10^k that is at least `raw`.
    static func niceStep(_ raw: Double) -> Double {
        guard raw.isFinite, raw > 0 else { return 1 }
        let power = pow(10, (log10(raw)).rounded(.down))
        let fraction = raw / power
        let nice: Double
        if fraction <= 1.000001 { nice = 1 }
        else if fraction <= 2.000001 { nice = 2 }
        else if fraction <= 5.000001 { nice = 5 }
        else { nice = 10 }
        return nice * power
    }

    /// `value` rounded to two digits finer than the step, so 0.1 × 3 reads 0.3, and
    /// never a negative zero. Steps finer than 1e-6 have more digits than
    /// `NumberText.decimals(forStep:)` counts: rounding to its precision would merge
    /// ticks (or the whole range) into 0, so such values are left as they are.
    static func clean(_ value: Double, _ step: Double) -> Double {
        let precision = pow(10, Double(NumberText.decimals(forStep: step) + 2))
        guard step * precision >= 100 else { return value == 0 ? 0 : value }
        let rounded = (value * precision).rounded() / precision
        guard rounded.isFinite else { return value }
        return rounded == 0 ? 0 : rounded
    }
}

/// Maps values from a domain onto a pixel range (either direction). The domain is
/// never empty: callers build it from a `NiceScale`.
struct LinearScale {
    let domainLower: Double
    let domainUpper: Double
    let rangeStart: Double
    let rangeEnd: Double

    init(domain: NiceScale, from start: Double, to end: Double) {
        self.domainLower = domain.lower
        self.domainUpper = domain.upper
        self.rangeStart = start
        self.rangeEnd = end
    }

    init(lower: Double, upper: Double, from start: Double, to end: Double) {
        self.domainLower = lower
        self.domainUpper = upper == lower ? lower + 1 : upper
        self.rangeStart = start
        self.rangeEnd = end
    }

    /// The position of `value`, clamped to the range so no mark leaves the plot.
    func callAsFunction(_ value: Double) -> Double {
        let t = (value - domainLower) / (domainUpper - domainLower)
        let clamped = Swift.min(1, Swift.max(0, t.isFinite ? t : 0))
        return rangeStart + clamped * (rangeEnd - rangeStart)
    }

    /// Where zero lies (or the domain edge nearest to it): the baseline bars grow from.
    var baseline: Double { self(Swift.min(Swift.max(0, domainLower), domainUpper)) }
}
