import LoysiteSupport
import Testing
@testable import LoysiteCharts

@Suite struct FigureFormatterTests {
    @Test func percentagesFromRatios() {
        #expect(FigureFormatter.format(0.45, unit: .ratio) == "45%")
        #expect(FigureFormatter.format(0.4537, unit: .ratio) == "45.4%")
        #expect(FigureFormatter.format(1, unit: .ratio) == "100%")
        #expect(FigureFormatter.format(-0.05, unit: .ratio) == "−5%")
        // Axis labels take their decimals from the tick step.
        #expect(FigureFormatter.format(0.4, unit: .ratio, style: .axis(step: 0.2)) == "40%")
        #expect(FigureFormatter.format(0.025, unit: .ratio, style: .axis(step: 0.005)) == "2.5%")
        #expect(FigureFormatter.format(0.03, unit: .ratio, style: .axis(step: 0.005)) == "3.0%")
        #expect(FigureFormatter.format(0.15, unit: .ratio, style: .axis(step: 0.05)) == "15%")
    }

    @Test func moneyByCurrency() {
        #expect(FigureFormatter.format(1200, unit: .money, currencyCode: "USD", style: .compact) == "$1.2k")
        #expect(FigureFormatter.format(1200, unit: .money, currencyCode: "EUR", style: .compact) == "€1.2k")
        #expect(FigureFormatter.format(1200, unit: .money, currencyCode: "GBP", style: .compact) == "£1.2k")
        #expect(FigureFormatter.format(1200, unit: .money, currencyCode: "CHF", style: .compact) == "1.2k CHF")
        #expect(FigureFormatter.format(1200, unit: .money, currencyCode: "chf", style: .compact) == "1.2k CHF")
        #expect(FigureFormatter.format(-1200, unit: .money, currencyCode: "USD", style: .compact) == "−$1.2k")
        #expect(FigureFormatter.format(12345.5, unit: .money, currencyCode: "USD") == "$12,345.50")
        #expect(FigureFormatter.format(1250, unit: .money, currencyCode: "USD") == "$1,250")
        #expect(FigureFormatter.format(-0.001, unit: .money, currencyCode: "USD") == "$0.00")
        #expect(FigureFormatter.format(3_400_000, unit: .money, currencyCode: "SEK", style: .compact) == "3.4M SEK")
    }

    @Test func compactNumbers() {
        #expect(FigureFormatter.format(999, unit: .count, style: .compact) == "999")
        #expect(FigureFormatter.format(1234, unit: .count, style: .compact) == "1.2k")
        #expect(FigureFormatter.format(1000, unit: .count, style: .compact) == "1k")
        #expect(FigureFormatter.format(12_345, unit: .count, style: .compact) == "12.3k")
        #expect(FigureFormatter.format(123_456, unit: .count, style: .compact) == "123k")
        #expect(FigureFormatter.format(3_400_000, unit: .count, style: .compact) == "3.4M")
        // Rounding up to the next suffix says 1M, not 1000k.
        #expect(FigureFormatter.format(999_960, unit: .count, style: .compact) == "1M")
        #expect(FigureFormatter.format(999.7, unit: .count, style: .compact) == "1k")
        #expect(FigureFormatter.format(2.5e9, unit: .count, style: .compact) == "2.5B")
        #expect(FigureFormatter.format(-4_500, unit: .plain, style: .compact) == "−4.5k")
        #expect(FigureFormatter.format(12_345, unit: .count) == "12,345")
        #expect(FigureFormatter.format(1_234_567.891, unit: .plain) == "1,234,567.89")
    }

    @Test func axisLabelsStayDistinct() {
        let ticks = stride(from: 0.0, through: 1200, by: 200).map {
            FigureFormatter.format($0, unit: .count, style: .axis(step: 200))
        }
        #expect(ticks == ["0", "200", "400", "600", "800", "1k", "1.2k"])
        let money = [0.0, 2500, 5000, 7500, 10000].map {
            FigureFormatter.format($0, unit: .money, currencyCode: "USD", style: .axis(step: 2500))
        }
        #expect(money == ["$0", "$2.5k", "$5k", "$7.5k", "$10k"])
        let small = [0.0, 0.5, 1, 1.5].map { FigureFormatter.format($0, unit: .plain, style: .axis(step: 0.5)) }
        #expect(small == ["0.0", "0.5", "1.0", "1.5"])
        #expect(Set(ticks).count == ticks.count)
    }

    @Test func scoresAndMissingFigures() {
        #expect(FigureFormatter.format(-12.345, unit: .score) == "−12.3")
        #expect(FigureFormatter.format(42, unit: .score) == "42")
        #expect(FigureFormatter.format(nil, unit: .count) == "—")
        #expect(FigureFormatter.format(.nan, unit: .ratio) == "—")
        #expect(FigureFormatter.format(.infinity, unit: .money) == "—")
        #expect(FigureFormatter.format(-0.0001, unit: .count) == "0")
    }

    @Test func changesCarryASign() {
        #expect(FigureFormatter.formatChange(0.023, unit: .ratio) == "+2.3 pts")
        #expect(FigureFormatter.formatChange(-0.01, unit: .ratio) == "−1 pt")
        #expect(FigureFormatter.formatChange(0, unit: .ratio) == "0 pts")
        #expect(FigureFormatter.formatChange(5, unit: .score) == "+5 pts")
        #expect(FigureFormatter.formatChange(-1, unit: .score) == "−1 pt")
        #expect(FigureFormatter.formatChange(-1500, unit: .money, currencyCode: "EUR") == "−€1.5k")
    }

    @Test func numberTextIsLocaleFreeAndRoundsHalfAway() {
        #expect(NumberText.fixed(0.285 * 100, decimals: 0) == "29")
        #expect(NumberText.fixed(-2.5, decimals: 0) == "−3")
        #expect(NumberText.fixed(1234567.5, decimals: 1, grouping: true) == "1,234,567.5")
        #expect(NumberText.fixed(-0.004, decimals: 2) == "0.00")
        #expect(SVGNumber.format(12.345) == "12.35")
        #expect(SVGNumber.format(-3.1) == "-3.1")
        #expect(SVGNumber.format(.nan) == "0")
        #expect(SVGNumber.format(40.0) == "40")
        #expect(NumberText.decimals(forStep: 20) == 0)
        #expect(NumberText.decimals(forStep: 0.5) == 1)
        #expect(NumberText.decimals(forStep: 0.05) == 2)
        #expect(NumberText.decimals(forStep: 0.1) == 1)
    }
}
