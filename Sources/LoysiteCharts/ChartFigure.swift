import LoysiteSupport

/// Wraps a drawing into the HTML a page embeds:
///
/// ```html
/// <figure class="chart chart-line" id="chart-3">
/// <figcaption>Title</figcaption>
/// <svg … viewBox="0 0 640 320" width="100%" role="img" aria-label="Title" aria-describedby="chart-3-desc">
/// <title>Title</title><desc id="chart-3-desc">Summary</desc><g …> … </g></svg>
/// <details class="chart-data"><summary>Data: title</summary><table>…</table></details>
/// </figure>
/// ```
/// Most charts carry several SVGs, `chart-svg-wide`, `-narrow` (phones), `-medium`
/// (half-width columns) and `-large` (see `ChartOptions.narrowWidth`), of which the
/// stylesheet shows the one drawn for the figure's width.
/// The SVG has a viewBox and `width="100%"` but no pixel size, so it scales with the
/// column; text and strokes use `currentColor`, so it follows the page's colour scheme.
enum ChartFigure {
    /// One drawing of the chart. With two, each says which screens it is for.
    struct Variant {
        enum Role: String {
            case wide, narrow, medium, large
        }

        var drawing: ChartDrawing
        var idPrefix: String
        var role: Role?
        /// Further ranges it stands in for when no drawing was made for them (a chart
        /// already narrow has no medium drawing: the narrow one serves).
        var standsInFor: [Role] = []
    }

    static func html(type: ChartType, title: String?, variants: [Variant], table: HTMLDataTable?, figureID: String, note: String? = nil) -> String {
        let shownTitle = title.flatMap { $0.isEmpty ? nil : $0 }
        var out = "<figure class=\"chart chart-\(type.rawValue)\" id=\"\(Escape.html(figureID))\">\n"
        if let shownTitle {
            out += "<figcaption>" + Escape.html(shownTitle) + "</figcaption>\n"
        }
        for variant in variants {
            out += svg(type: type, title: shownTitle, variant: variant)
        }
        if let note { out += "<p class=\"chart-note\">" + Escape.html(note) + "</p>\n" }
        if let table { out += table.html(title: shownTitle) }
        out += "</figure>\n"
        return out
    }

    private static func svg(type: ChartType, title: String?, variant: Variant) -> String {
        let drawing = variant.drawing
        let descID = variant.idPrefix + "-desc"
        var svg = SVGWriter()
        svg.open("svg", [
            "xmlns": "http://www.w3.org/2000/svg",
            "class": "chart-svg" + ((variant.role.map { [$0] } ?? []) + variant.standsInFor).map { " chart-svg-\($0.rawValue)" }.joined(),
            "viewBox": "0 0 \(drawing.width.svg) \(drawing.height.svg)",
            "width": "100%",
            "role": "img",
            // aria-label rather than aria-labelledby on the <title>: HTML checkers such as
            // tidy take an id on an inline SVG <title> for an error in the page's <title>.
            "aria-label": title ?? drawing.fallbackTitle,
            "aria-describedby": descID,
        ])
        svg.element("title", [:], text: title ?? drawing.fallbackTitle)
        svg.element("desc", ["id": descID], text: type.displayName + ". " + drawing.summary)
        // Presentation defaults on a group, not on <svg>, where HTML checkers reject them.
        svg.open("g", ["font-size": ChartStyle.fontSize.svg, "fill": "currentColor"])
        svg.raw(drawing.body)
        svg.close("g")
        svg.close("svg")
        return svg.output
    }
}
