/// Settings that come from the site and the page rather than from the chart block.
package struct ChartOptions: Sendable, Hashable {
    /// ISO 4217 code for `money` figures (site.yml `currency`): USD → `$1.2k`,
    /// EUR → `€1.2k`, an unknown code → `1.2k CHF`.
    package var currencyCode: String
    /// Prefix for every `id` in the output (`chart-3` → `chart-3-title`), so several
    /// charts on one page never clash and output is the same on every build. Characters
    /// other than letters, digits, `-` and `_` are replaced by `-`.
    package var idPrefix: String
    /// The width of the drawing in viewBox units when the chart is drawn once
    /// (`responsive: false`). The SVG always scales to its container's width; this sets
    /// how much text fits across it.
    package var width: Double
    /// Whether the chart is drawn at each of `ChartStyle.drawingWidths` (phone,
    /// narrow, medium and wide columns), of which `charts.css` shows the one laid out
    /// for the figure's width (a container query; no JavaScript) and holds its text at
    /// 12 CSS pixels. Only one is ever displayed, so assistive technology meets one.
    /// A sparkline is drawn once either way.
    package var responsive: Bool
    /// The period of the data (`day`, `week`, `month`, `quarter`, `year`), when known:
    /// a cohort heatmap then titles its columns "Months since first order".
    package var period: String?

    package init(
        currencyCode: String = "USD",
        idPrefix: String = "chart",
        width: Double = 640,
        responsive: Bool = true,
        period: String? = nil
    ) {
        self.currencyCode = currencyCode
        self.idPrefix = idPrefix
        self.width = width
        self.responsive = responsive
        self.period = period
    }

    /// Set on the narrower drawings of a responsive chart to the widest figure each is
    /// shown in: a heatmap whose cells would be too narrow for their numbers is drawn
    /// wider than that, so that it always scrolls sideways where it is shown (never a
    /// "scroll" hint over a drawing that fits).
    var widensBeyond: Double?

    /// `idPrefix` made safe for an `id` attribute and a URL fragment.
    var safeIDPrefix: String { ChartOptions.safeIDPrefix(idPrefix) }

    /// `idPrefix` made safe for an `id` attribute and a URL fragment.
    static func safeIDPrefix(_ idPrefix: String) -> String {
        let cleaned = String(idPrefix.map { character -> Character in
            character.isASCII && (character.isLetter || character.isNumber || character == "-" || character == "_")
                ? character : "-"
        })
        guard let first = cleaned.first else { return "chart" }
        // An id must not start with a digit to be usable as a CSS selector.
        return first.isLetter ? cleaned : "chart-" + cleaned
    }

    /// The drawing width, kept within sane bounds whatever the caller passes.
    var drawingWidth: Double {
        guard width.isFinite else { return 640 }
        return min(2000, max(240, width))
    }
}
