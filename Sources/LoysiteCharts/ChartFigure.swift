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
/// Most charts carry four SVGs, `chart-svg-wide`, `-medium`, `-narrow` and `-phone`
/// (see `ChartStyle.drawingWidths`), of which the stylesheet shows the one drawn for the
/// figure's width.
/// The SVG has a viewBox and `width="100%"` but no pixel size, so it scales with the
/// column; text and strokes use `currentColor`, so it follows the page's colour scheme.
/// A drawing wider than its class (a heatmap keeping its numbers on a phone) is shown
/// at its own size in CSS pixels inside a sideways-scrolling, focusable `div`.
enum ChartFigure {
    /// One drawing of the chart. With several, each says which figure widths it is for.
    struct Variant: Sendable {
        enum Role: String, Sendable {
            case wide, medium, narrow, phone

            /// Makes the drawing's ids unique on the page.
            var idSuffix: String {
                switch self {
                case .wide: ""
                case .medium: "-m"
                case .narrow: "-n"
                case .phone: "-p"
                }
            }
        }

        var drawing: ChartDrawing
        var idPrefix: String
        var role: Role?
        /// Further width classes it serves: two narrow drawings widened to the same
        /// size to scroll are one.
        var alsoFor: [Role] = []
        /// The width the drawing was asked for; a wider drawing scrolls.
        var laidOutWidth: Double? = nil

        var scrolls: Bool { laidOutWidth.map { drawing.width > $0 + 0.5 } ?? false }
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
        let roleClass = ((variant.role.map { [$0] } ?? []) + variant.alsoFor).map { " chart-svg-\($0.rawValue)" }.joined()
        let name = title ?? drawing.fallbackTitle
        var svg = SVGWriter()
        if variant.scrolls {
            // The affordance, for readers who do not see the clipped edge as one.
            svg.element("p", ["class": "chart-scroll-hint" + roleClass, "aria-hidden": "true"], text: "Scroll sideways for every column →")
            // Focusable, so a keyboard can scroll it too; named, as a group to scroll.
            svg.open("div", [
                "class": "chart-scroll" + roleClass, "tabindex": "0", "role": "group",
                "aria-label": name + " (scrolls sideways)",
            ])
        }
        var attributes: [(String, String)] = [
            ("xmlns", "http://www.w3.org/2000/svg"),
            ("class", "chart-svg" + (variant.scrolls ? " chart-svg-fixed" : roleClass)),
            ("viewBox", "0 0 \(drawing.width.svg) \(drawing.height.svg)"),
            // A scrolling drawing keeps its size: one viewBox unit, one CSS pixel.
            ("width", variant.scrolls ? drawing.width.svg : "100%"),
            ("role", "img"),
            // aria-label rather than aria-labelledby on the <title>: HTML checkers such as
            // tidy take an id on an inline SVG <title> for an error in the page's <title>.
            ("aria-label", name),
            ("aria-describedby", descID),
        ]
        if variant.scrolls { attributes.insert(("height", drawing.height.svg), at: 4) }
        svg.open("svg", pairs: attributes)
        svg.element("title", [:], text: name)
        svg.element("desc", ["id": descID], text: type.displayName + ". " + drawing.summary)
        // Presentation defaults on a group, not on <svg>, where HTML checkers reject them.
        svg.open("g", ["font-size": ChartStyle.fontSize.svg, "fill": "currentColor"])
        svg.raw(drawing.body.text(idPrefix: variant.idPrefix))
        svg.close("g")
        svg.close("svg")
        if variant.scrolls { svg.close("div") }
        return svg.output
    }
}
