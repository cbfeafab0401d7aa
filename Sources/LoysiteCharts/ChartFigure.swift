import LoysiteSupport

/// Wraps a drawing into the HTML a page embeds:
///
/// ```html
/// <figure class="chart chart-line" id="chart-3">
/// <figcaption>Title</figcaption>
/// <svg … viewBox="0 0 640 320" width="100%" role="img" aria-labelledby="chart-3-title chart-3-desc">
/// <title id="chart-3-title">Title</title><desc id="chart-3-desc">Summary</desc> … </svg>
/// <details class="chart-data"><summary>Data</summary><table>…</table></details>
/// </figure>
/// ```
/// The SVG has a viewBox and `width="100%"` but no pixel size, so it scales with the
/// column; text and strokes use `currentColor`, so it follows the page's colour scheme.
enum ChartFigure {
    static func html(type: ChartType, title: String?, drawing: ChartDrawing, idPrefix: String) -> String {
        let titleID = idPrefix + "-title"
        let descID = idPrefix + "-desc"
        let shownTitle = title.flatMap { $0.isEmpty ? nil : $0 }
        var svg = SVGWriter()
        svg.open("svg", [
            "xmlns": "http://www.w3.org/2000/svg",
            "class": "chart-svg",
            "viewBox": "0 0 \(drawing.width.svg) \(drawing.height.svg)",
            "width": "100%",
            "role": "img",
            "aria-labelledby": titleID + " " + descID,
            "font-size": ChartStyle.fontSize.svg,
            "fill": "currentColor",
        ])
        svg.element("title", ["id": titleID], text: shownTitle ?? drawing.fallbackTitle)
        svg.element("desc", ["id": descID], text: type.displayName + ". " + drawing.summary)
        svg.raw(drawing.body)
        svg.close("svg")

        var out = "<figure class=\"chart chart-\(type.rawValue)\" id=\"\(Escape.html(idPrefix))\">\n"
        if let shownTitle {
            out += "<figcaption>" + Escape.html(shownTitle) + "</figcaption>\n"
        }
        out += svg.output
        if let table = drawing.table { out += table.html }
        out += "</figure>\n"
        return out
    }
}
