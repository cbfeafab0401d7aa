/// Settings that come from the site and the page rather than from the chart block.
public struct ChartOptions: Sendable, Equatable {
    /// ISO 4217 code for `money` figures (site.yml `currency`): USD → `$1.2k`,
    /// EUR → `€1.2k`, an unknown code → `1.2k CHF`.
    public var currencyCode: String
    /// Prefix for every `id` in the output (`chart-3` → `chart-3-title`), so several
    /// charts on one page never clash and output is the same on every build. Characters
    /// other than letters, digits, `-` and `_` are replaced by `-`.
    public var idPrefix: String
    /// The width of the drawing in viewBox units. The SVG always scales to its
    /// container's width; this sets how much text fits across it.
    public var width: Double
    /// The width of a second, narrower drawing for phones, or `nil` for none. A drawing
    /// scales with its column, text included: a 640-wide chart on a 360-pixel screen
    /// would have 7-pixel labels. So every chart but a sparkline is drawn several
    /// times, and `charts.css` shows the narrow one when the figure is narrower than
    /// 27.5rem (a container query; no JavaScript). Only one is ever displayed, so
    /// assistive technology meets one.
    public var narrowWidth: Double?
    /// Widths of further drawings, for half-width columns (shown from 27.5rem to 36rem)
    /// and for wide ones (from 47.5rem), so that text keeps nearly one size in CSS
    /// pixels however wide the chart is placed. Drawn only with a `narrowWidth`.
    public var mediumWidth: Double?
    public var largeWidth: Double?
    /// The period of the data (`day`, `week`, `month`, `quarter`, `year`), when known:
    /// a cohort heatmap then titles its columns "Months since first order".
    public var period: String?

    public init(
        currencyCode: String = "USD",
        idPrefix: String = "chart",
        width: Double = 640,
        narrowWidth: Double? = 360,
        mediumWidth: Double? = 540,
        largeWidth: Double? = 880,
        period: String? = nil
    ) {
        self.mediumWidth = mediumWidth
        self.largeWidth = largeWidth
        self.currencyCode = currencyCode
        self.idPrefix = idPrefix
        self.width = width
        self.narrowWidth = narrowWidth
        self.period = period
    }

    /// `idPrefix` made safe for an `id` attribute and a URL fragment.
    var safeIDPrefix: String {
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
