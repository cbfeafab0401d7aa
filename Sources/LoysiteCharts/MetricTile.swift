import LoysiteSupport

/// A headline figure (a KPI tile), as a `metric` block asks for: the figure formatted
/// by its unit, its change against the previous period with an arrow coloured by
/// whether the change is good, whether it meets a target, and a sparkline of recent
/// values.
///
/// ```swift
/// let tile = MetricTile(
///     label: "Churn rate", value: 0.062, unit: .ratio,
///     period: "2026-03", previousValue: 0.055, previousPeriod: "2026-02",
///     target: 0.05, higherIsBetter: false, history: [0.07, 0.061, 0.055, 0.062]
/// )
/// let html = tile.render(options: ChartOptions(idPrefix: "metric-1"))
/// ```
/// renders "Churn rate · 6.2% · ▲ +0.7 pts vs 2026-02 (bad) · Target 5% · missed".
package struct MetricTile: Sendable, Equatable {
    /// What the figure is ("Net Promoter Score").
    package var label: String
    /// The figure; `nil` when it cannot be computed (shown as "—").
    package var value: Double?
    package var unit: DataTable.Unit
    /// The period the figure is for (`2026-03`), shown under it.
    package var period: String?
    /// The previous period's figure, for the change line.
    package var previousValue: Double?
    /// The previous period's key, for "vs 2026-02".
    package var previousPeriod: String?
    /// The target; the tile says whether the figure meets it.
    package var target: Double?
    /// Whether a rise is good news. `false` for churn rate, returns, cost: a rise is
    /// then coloured as bad and a target is met from below.
    package var higherIsBetter: Bool
    /// Recent values, oldest first, ending with `value`: drawn as a sparkline when
    /// there are at least two.
    package var history: [Double?]
    /// A link for the label, e.g. the glossary page of the term.
    package var href: String?
    /// Set when `period` is partial (SPEC §2): how much of it the data covers, "9 of 31
    /// days". The tile says so beside the period, and does not judge the change.
    package var partialCoverage: String?
    /// What the figure is ("Share of customers with two or more orders"): shown where a
    /// tile has no sparkline, so it does not stand half empty beside tiles that have one.
    package var definition: String?

    package init(
        label: String,
        value: Double?,
        unit: DataTable.Unit,
        period: String? = nil,
        previousValue: Double? = nil,
        previousPeriod: String? = nil,
        target: Double? = nil,
        higherIsBetter: Bool = true,
        history: [Double?] = [],
        href: String? = nil,
        partialCoverage: String? = nil,
        definition: String? = nil
    ) {
        self.partialCoverage = partialCoverage
        self.definition = definition
        self.label = label
        self.value = value
        self.unit = unit
        self.period = period
        self.previousValue = previousValue
        self.previousPeriod = previousPeriod
        self.target = target
        self.higherIsBetter = higherIsBetter
        self.history = history
        self.href = href
    }

    /// How the figure moved against the previous period.
    package enum Trend: String, Sendable {
        case good, bad, flat
    }

    /// The change against the previous period, when both figures exist.
    package var change: Double? {
        guard let value, let previousValue, value.isFinite, previousValue.isFinite else { return nil }
        return value - previousValue
    }

    /// Whether the change is good news, taking `higherIsBetter` into account. nil for a
    /// partial period: part of a period against a whole one is neither.
    package var trend: Trend? {
        guard let change, partialCoverage == nil else { return nil }
        if change == 0 { return .flat }
        return (change > 0) == higherIsBetter ? .good : .bad
    }

    /// Whether the sparkline's values went the good way: judged on the line it draws
    /// (the least-squares slope over its full periods), not on the last step alone,
    /// so a rising year with a dip in its last month reads as rising.
    package var historyTrend: Trend? {
        var points = history.enumerated().compactMap { index, value in value.flatMap { $0.isFinite ? (Double(index), $0) : nil } }
        // The partial period's value is the period so far: it does not set the trend.
        if partialCoverage != nil, let last = points.last, Int(last.0) == history.count - 1 { points.removeLast() }
        guard points.count >= 2 else { return nil }
        let meanX = points.map(\.0).reduce(0, +) / Double(points.count)
        let meanY = points.map(\.1).reduce(0, +) / Double(points.count)
        let slope = points.map { ($0.0 - meanX) * ($0.1 - meanY) }.reduce(0, +)
        let spread = points.map { abs($0.1 - meanY) }.max() ?? 0
        // A slope that moves the line by under 1% of its spread is level.
        if spread == 0 || abs(slope) / points.map({ ($0.0 - meanX) * ($0.0 - meanX) }).reduce(0, +) * Double(points.count) < spread * 0.01 {
            return .flat
        }
        return (slope > 0) == higherIsBetter ? .good : .bad
    }

    /// Whether the figure meets the target: at or above it, or at or below it when
    /// lower is better. `nil` without a target or a figure.
    package var meetsTarget: Bool? {
        guard let target, let value, target.isFinite, value.isFinite else { return nil }
        return higherIsBetter ? value >= target : value <= target
    }

    /// The tile as an HTML fragment: `<div class="metric-tile">…</div>`. Ids (for the
    /// sparkline's title) start with `options.idPrefix`.
    package func render(options: ChartOptions = ChartOptions()) -> String {
        let currency = options.currencyCode
        let idPrefix = options.safeIDPrefix
        var out = "<div class=\"metric-tile\" id=\"\(idPrefix)\">\n"

        let labelHTML = Escape.html(label)
        if let href, !href.isEmpty {
            out += "<p class=\"metric-label\"><a href=\"\(Escape.html(href))\">\(labelHTML)</a></p>\n"
        } else {
            out += "<p class=\"metric-label\">\(labelHTML)</p>\n"
        }

        let valueText = FigureFormatter.format(value, unit: unit, currencyCode: currency, style: .compact)
        if let value, value.isFinite {
            out += "<p class=\"metric-value\"><span data-value=\"\(JSONValue.format(value))\">\(Escape.html(valueText))</span></p>\n"
        } else {
            out += "<p class=\"metric-value metric-missing\" title=\"Not computable for this period\">\(valueText)</p>\n"
        }
        if let period, !period.isEmpty {
            out += "<p class=\"metric-period\">\(Escape.html(PeriodLabel.human(period) ?? period))"
            if let partialCoverage {
                out += " · <span class=\"metric-partial\">partial: \(Escape.html(partialCoverage))</span>"
            }
            out += "</p>\n"
        }

        if let change, partialCoverage != nil {
            // A partial period's change is shown, but not coloured as news.
            let arrow = change > 0 ? "▲" : change < 0 ? "▼" : "■"
            let text = FigureFormatter.formatChange(change, unit: unit, currencyCode: currency)
            let versus = previousPeriod.map { "vs " + (PeriodLabel.human($0) ?? $0) + " (a full period)" } ?? "vs previous period"
            out += "<p class=\"metric-change metric-flat metric-change-partial\"><span class=\"metric-arrow\" aria-hidden=\"true\">\(arrow)</span> "
                + Escape.html(text)
                + " <span class=\"metric-vs\">\(Escape.html(versus))</span><span class=\"chart-sr-only\">, not comparable: the period is partial</span></p>\n"
        } else if let change, let trend {
            let arrow = change > 0 ? "▲" : change < 0 ? "▼" : "■"
            var text = FigureFormatter.formatChange(change, unit: unit, currencyCode: currency)
            if unit == .count || unit == .money || unit == .plain, let previousValue, previousValue != 0 {
                let relative = change / abs(previousValue)
                let percent = FigureFormatter.format(abs(relative), unit: .ratio)
                text += " (" + (percent == "0%" ? "" : relative < 0 ? NumberText.minus : "+") + percent + ")"
            }
            // Colour alone must not carry meaning: say it in words for screen readers.
            let meaning = trend == .good ? "an improvement" : trend == .bad ? "a deterioration" : "no change"
            let versus = previousPeriod.map { "vs " + (PeriodLabel.human($0) ?? $0) } ?? "vs previous period"
            out += "<p class=\"metric-change metric-\(trend.rawValue)\"><span class=\"metric-arrow\" aria-hidden=\"true\">\(arrow)</span> "
                + Escape.html(text)
                + " <span class=\"metric-vs\">\(Escape.html(versus))</span><span class=\"chart-sr-only\">, \(meaning)</span></p>\n"
        }

        if let target, target.isFinite {
            let targetText = FigureFormatter.format(target, unit: unit, currencyCode: currency, style: .compact)
            if let met = meetsTarget {
                out += "<p class=\"metric-target \(met ? "metric-met" : "metric-missed")\">Target \(Escape.html(targetText)) · \(met ? "met" : "missed")</p>\n"
            } else {
                out += "<p class=\"metric-target\">Target \(Escape.html(targetText))</p>\n"
            }
        }

        if history.compactMap({ $0 }).count >= 2 {
            out += sparkline(idPrefix: idPrefix, currencyCode: currency)
        } else if let definition, !definition.isEmpty {
            out += "<p class=\"metric-definition\">\(Escape.html(definition))</p>\n"
        }
        out += "</div>\n"
        return out
    }

    /// Several tiles in a responsive grid; tile `n` gets the id `idPrefix-n`.
    package static func renderGrid(_ tiles: [MetricTile], options: ChartOptions = ChartOptions()) -> String {
        var out = "<div class=\"metric-grid\">\n"
        for (index, tile) in tiles.enumerated() {
            var tileOptions = options
            tileOptions.idPrefix = options.safeIDPrefix + "-\(index + 1)"
            out += tile.render(options: tileOptions)
        }
        return out + "</div>\n"
    }

    private func sparkline(idPrefix: String, currencyCode: String) -> String {
        let width = ChartStyle.sparklineWidth
        let height = 32.0
        let color = historyTrend == .bad ? ChartPalette.bad : ChartPalette.series(0)
        let present = history.compactMap { $0 }
        let format = { (value: Double) in FigureFormatter.format(value, unit: unit, currencyCode: currencyCode, style: .compact) }
        var description = "Trend over the last \(history.count) periods" + (partialCoverage != nil ? " (the last one partial)" : "")
        if let first = present.first, let last = present.last, let low = present.min(), let high = present.max() {
            description += ": from \(format(first)) to \(format(last)), lowest \(format(low)), highest \(format(high))"
        }
        var svg = SVGWriter()
        svg.open("svg", [
            "xmlns": "http://www.w3.org/2000/svg", "class": "metric-sparkline",
            "viewBox": "0 0 \(width.svg) \(height.svg)", "width": "100%",
            // In a tile wider than the line's shape allows (its height is capped), the
            // line starts under the figure rather than floating in the middle.
            "preserveAspectRatio": "xMinYMid meet",
            "role": "img", "aria-label": description,
        ])
        svg.element("title", [:], text: description)
        svg.raw(Sparkline.body(values: history, width: width, height: height, color: color, lastLabel: nil, lastIsPartial: partialCoverage != nil))
        svg.close("svg")
        return svg.output
    }
}
