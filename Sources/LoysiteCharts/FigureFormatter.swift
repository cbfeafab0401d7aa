import Foundation
import LoysiteSupport

/// Turns a figure into the text a reader sees, by its unit. One formatter serves axis
/// ticks, data tables, tooltips, heatmap cells and KPI tiles, so a figure reads the same
/// everywhere on a page. Formatting is locale-free: `.` for decimals, `,` for thousands,
/// `−` (U+2212) for negatives.
///
/// | unit    | `.full`          | `.compact`   | `.axis(step:)` (step 0.05 / 200 …) |
/// |---------|------------------|--------------|------------------------------------|
/// | ratio   | `45.4%`          | `45.4%`      | `45%`, `12.5%` by step             |
/// | count   | `12,345`         | `12.3k`      | `800`, `1k`, `1.2k`                |
/// | money   | `$12,345.50`     | `$12.3k`     | `$800`, `$1.2k`                    |
/// | score   | `42.5`           | `42.5`       | `−20`, `0`, `20`                   |
/// | plain   | `1,234.57`       | `1.2k`       | as count                           |
///
/// Money takes an ISO 4217 code: USD `$`, EUR `€`, GBP `£`, JPY `¥`, INR `₹` and a few
/// more are written before the number; any other code after it (`1.2k CHF`).
package enum FigureFormatter {
    package enum Style: Sendable, Equatable {
        /// Every digit that matters: data tables and tooltips.
        case full
        /// Short, for headlines and labels: `12.3k`, `$1.2M`.
        case compact
        /// A tick label on an axis whose ticks are `step` apart: just enough decimals
        /// to tell neighbouring ticks apart.
        case axis(step: Double)
    }

    /// The text shown where a figure could not be computed (`null`).
    package static let missing = "—"

    /// Formats `value` for display; `nil` and non-finite values read `—`.
    package static func format(
        _ value: Double?,
        unit: DataTable.Unit,
        currencyCode: String = "USD",
        style: Style = .full
    ) -> String {
        guard let value, value.isFinite else { return missing }
        switch unit {
        case .ratio:
            return percent(value, style: style)
        case .money:
            let amount: String
            switch style {
            case .full:
                let integral = value == value.rounded()
                amount = NumberText.fixed(abs(value), decimals: integral ? 0 : 2, grouping: true)
            case .compact: amount = compact(abs(value), step: nil)
            case .axis(let step): amount = compact(abs(value), step: step)
            }
            return withCurrency(amount, negative: isNegative(value, as: amount), code: currencyCode)
        case .score:
            switch style {
            case .full, .compact: return NumberText.fixed(value, decimals: 1, grouping: true, trimZeros: true)
            case .axis(let step): return NumberText.fixed(value, decimals: NumberText.decimals(forStep: step), grouping: true)
            }
        case .count, .plain:
            switch style {
            case .full:
                return NumberText.fixed(value, decimals: unit == .count ? 1 : 2, grouping: true, trimZeros: true)
            case .compact: return signed(value, compact(abs(value), step: nil))
            case .axis(let step): return signed(value, compact(abs(value), step: step))
            }
        }
    }

    /// Values that are read side by side (the labels on a row of bars), in one
    /// precision: the suffix and decimals of the largest magnitude for all of them, so
    /// "£1.16M" stands beside "£0.95M", never "£1M" beside "£953k".
    package static func formatAligned(_ values: [Double?], unit: DataTable.Unit, currencyCode: String = "USD") -> [String] {
        let largest = values.compactMap { $0 }.filter(\.isFinite).map(abs).max() ?? 0
        guard largest > 0 else { return values.map { format($0, unit: unit, currencyCode: currencyCode, style: .compact) } }
        // The step that gives the largest value three significant digits.
        let step = pow(10, floor(log10(largest)) - 2)
        switch unit {
        case .ratio:
            // Percentages: one decimal when any needs it, for all.
            let needsDecimal = values.contains { value in
                guard let value, value.isFinite, abs(value) < 1e12 else { return false }
                return Int((value * 1000).rounded()) % 10 != 0
            }
            return values.map { format($0, unit: .ratio, style: .axis(step: needsDecimal ? 0.001 : 0.01)) }
        case .money, .count, .plain:
            let suffix = suffixes.first { largest >= $0.divisor * 0.9995 }
            let divisor = suffix?.divisor ?? 1
            let decimals = max(0, NumberText.decimals(forStep: step / divisor))
            return values.map { value in
                guard let value, value.isFinite else { return missing }
                let text = NumberText.fixed(abs(value) / divisor, decimals: decimals) + (suffix?.suffix ?? "")
                let negative = value < 0 && hasNonZeroDigit(text)
                return unit == .money ? withCurrency(text, negative: negative, code: currencyCode) : (negative ? NumberText.minus : "") + text
            }
        case .score:
            return values.map { format($0, unit: unit, currencyCode: currencyCode, style: .axis(step: max(step, 0.1))) }
        }
    }

    /// A change between two figures, with its sign always shown: `+4.5`, `−$1.2k`,
    /// and for ratios the difference in percentage points, `+2.3 pts`.
    package static func formatChange(
        _ delta: Double,
        unit: DataTable.Unit,
        currencyCode: String = "USD"
    ) -> String {
        guard delta.isFinite else { return missing }
        let text: String
        if unit == .ratio || unit == .score {
            // A score (NPS) moves in points of its own scale, a ratio in percentage points.
            let points = NumberText.fixed(abs(delta) * (unit == .ratio ? 100 : 1), decimals: 1, trimZeros: true)
            text = points + (points == "1" ? " pt" : " pts")
        } else {
            text = format(abs(delta), unit: unit, currencyCode: currencyCode, style: .compact)
        }
        // A change that rounds to nothing gets no sign: "0 pts", not "+0 pts".
        guard hasNonZeroDigit(text) else { return text }
        return (delta < 0 ? NumberText.minus : "+") + text
    }

    /// The symbol for a currency code and whether it is written before the amount.
    /// Codes without a well-known symbol are written after the amount, as the code.
    package static func currencySymbol(for code: String) -> (symbol: String, isPrefix: Bool) {
        let upper = code.uppercased()
        if let symbol = prefixSymbols[upper] { return (symbol, true) }
        return (upper.isEmpty ? "" : upper, false)
    }

    private static let prefixSymbols: [String: String] = [
        "USD": "$", "EUR": "€", "GBP": "£", "JPY": "¥", "INR": "₹", "KRW": "₩",
        "CAD": "CA$", "AUD": "A$", "NZD": "NZ$", "HKD": "HK$", "MXN": "MX$", "BRL": "R$",
        "CNY": "CN¥", "ILS": "₪", "NGN": "₦", "TRY": "₺", "UAH": "₴", "VND": "₫",
    ]

    // MARK: - Pieces

    private static func percent(_ ratio: Double, style: Style) -> String {
        let percent = ratio * 100
        switch style {
        case .full, .compact:
            return NumberText.fixed(percent, decimals: 1, trimZeros: true) + "%"
        case .axis(let step):
            return NumberText.fixed(percent, decimals: NumberText.decimals(forStep: step * 100)) + "%"
        }
    }

    /// Suffixes for compact numbers, largest first.
    private static let suffixes: [(divisor: Double, suffix: String)] = [
        (1e12, "T"), (1e9, "B"), (1e6, "M"), (1e3, "k"),
    ]

    /// A non-negative magnitude in compact form: `950`, `1.2k`, `12.3k`, `123k`, `3.4M`.
    /// With a tick `step`, decimals follow the step (in the suffix's scale) so ticks stay
    /// distinct; without, three significant digits at most.
    static func compact(_ magnitude: Double, step: Double?) -> String {
        // Past a thousand trillion the suffixes run out; scientific notation stays short.
        if magnitude >= 999.95e12 { return NumberText.scientific(magnitude) }
        var index = suffixes.firstIndex { magnitude >= $0.divisor * 0.9995 }
        while true {
            let divisor = index.map { suffixes[$0].divisor } ?? 1
            let scaled = magnitude / divisor
            let decimals = step.map { NumberText.decimals(forStep: $0 / divisor) } ?? (scaled < 100 ? 1 : 0)
            let text = NumberText.fixed(scaled, decimals: decimals, trimZeros: step == nil || index != nil)
            // 999,960 rounds to "1000k": move up to the next suffix ("1M") instead.
            if let current = index, current > 0, (Double(text) ?? 0) >= 1000 {
                index = current - 1
                continue
            }
            if index == nil, (Double(text) ?? 0) >= 1000, step == nil {
                index = suffixes.count - 1
                continue
            }
            return text + (index.map { suffixes[$0].suffix } ?? "")
        }
    }

    private static func signed(_ value: Double, _ magnitudeText: String) -> String {
        isNegative(value, as: magnitudeText) ? NumberText.minus + magnitudeText : magnitudeText
    }

    /// A negative value whose text rounded to zero is shown without a sign.
    private static func isNegative(_ value: Double, as text: String) -> Bool {
        value < 0 && hasNonZeroDigit(text)
    }

    private static func hasNonZeroDigit(_ text: String) -> Bool {
        text.contains { $0 >= "1" && $0 <= "9" }
    }

    private static func withCurrency(_ amount: String, negative: Bool, code: String) -> String {
        let (symbol, isPrefix) = currencySymbol(for: code)
        let sign = negative ? NumberText.minus : ""
        if isPrefix { return sign + symbol + amount }
        return symbol.isEmpty ? sign + amount : sign + amount + " " + symbol
    }
}
