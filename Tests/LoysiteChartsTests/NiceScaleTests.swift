import Testing
@testable import LoysiteCharts

@Suite struct NiceScaleTests {
    @Test func zeroToNinetySeven() {
        let scale = NiceScale.make(minimum: 0, maximum: 97, targetTicks: 5, includeZero: true)
        #expect(scale.ticks == [0, 20, 40, 60, 80, 100])
    }

    @Test func decimalTicksAreClean() {
        let scale = NiceScale.make(minimum: 0, maximum: 0.97, targetTicks: 5, includeZero: true)
        #expect(scale.ticks == [0, 0.2, 0.4, 0.6, 0.8, 1])
        let tenths = NiceScale.make(minimum: 0, maximum: 0.3, targetTicks: 3, includeZero: true)
        #expect(tenths.ticks == [0, 0.1, 0.2, 0.3])
    }

    @Test func linesNeedNotStartAtZero() {
        let scale = NiceScale.make(minimum: 0.38, maximum: 0.55, targetTicks: 5, includeZero: false)
        #expect(scale.lower > 0 && scale.lower <= 0.38)
        #expect(scale.upper >= 0.55 && scale.upper <= 0.6)
        // But a range whose low end is nearer zero than the top takes zero in.
        #expect(NiceScale.make(minimum: 40, maximum: 140, targetTicks: 5, includeZero: false).lower == 0)
    }

    @Test func negativeRangesStraddleZero() {
        let scale = NiceScale.make(minimum: -30, maximum: 45, targetTicks: 5, includeZero: true)
        #expect(scale.ticks.contains(0))
        #expect(scale.lower <= -30 && scale.upper >= 45)
        let below = NiceScale.make(minimum: -80, maximum: -10, targetTicks: 4, includeZero: true)
        #expect(below.upper == 0 && below.lower <= -80)
    }

    @Test func equalValuesGetARange() {
        let fifty = NiceScale.make(minimum: 50, maximum: 50, targetTicks: 5, includeZero: false)
        #expect(fifty.lower == 0 && fifty.upper > 50)
        let zero = NiceScale.make(minimum: 0, maximum: 0, targetTicks: 5, includeZero: true)
        #expect(zero.lower == 0 && zero.upper == 1)
        let negative = NiceScale.make(minimum: -7, maximum: -7, targetTicks: 5, includeZero: false)
        #expect(negative.lower < -7 && negative.upper == 0)
    }

    @Test(arguments: [
        (0.0, 1.0), (0, 97), (3, 17), (-1234, 98765), (0.001, 0.0047), (12_000, 12_900), (-5, -1), (0, 1e9),
    ])
    func stepsAreOneTwoFiveAndCoverTheData(range: (Double, Double)) {
        for target in 2...8 {
            let scale = NiceScale.make(minimum: range.0, maximum: range.1, targetTicks: target, includeZero: false)
            let exponent = (log10(scale.step)).rounded(.down)
            let mantissa = scale.step / pow(10, exponent)
            #expect([1, 2, 5].contains { abs($0 - mantissa) < 1e-9 }, "step \(scale.step)")
            #expect(scale.lower <= range.0 && scale.upper >= range.1)
            #expect(scale.ticks.count - 1 <= target, "\(scale.ticks.count - 1) intervals for a target of \(target)")
            #expect(scale.ticks.first == scale.lower && scale.ticks.last == scale.upper)
        }
    }

    @Test func linearScaleMapsAndClamps() {
        let scale = LinearScale(domain: NiceScale(lower: 0, upper: 100, step: 20), from: 300, to: 20)
        #expect(scale(0) == 300)
        #expect(scale(100) == 20)
        #expect(scale(50) == 160)
        #expect(scale(150) == 20)
        #expect(scale(.nan) == 300)
        #expect(scale.baseline == 300)
    }
}

import Foundation
