/// The typographic and visual constants every chart shares, in viewBox units. Kept in
/// one place so all chart types look like one family.
enum ChartStyle {
    /// Every label: ticks, categories, legends, values, keys. `charts.css` holds it at
    /// 12 CSS pixels however wide the drawing is shown (see `drawingWidths`).
    static let fontSize = 12.0
    /// Figures inside marks that scale with the drawing: heatmap cells, a donut's caption.
    static let smallFontSize = 11.0
    /// The smallest text a heatmap cell may have; below it a narrow drawing widens and
    /// scrolls sideways rather than drop its numbers.
    static let smallestCellFontSize = 10.0
    /// Space kept free between neighbouring labels.
    static let labelGap = 8.0
    /// Gap between a tick label and the plot.
    static let tickLabelPadding = 6.0
    /// Opacity of grid lines drawn in `currentColor`: visible, but behind the data.
    static let gridOpacity = "0.15"
    /// Opacity of the zero baseline: the one line that carries meaning.
    static let baselineOpacity = "0.6"
    /// Opacity of secondary text (tick labels, sizes), still above 4.5:1 contrast on
    /// the usual white and near-black page backgrounds.
    static let mutedTextOpacity = "0.78"
    /// A partial period (SPEC §2): its line segment dashed, its bar pale and outlined.
    static let partialDash = "4 3"
    static let partialFillOpacity = "0.35"
    /// The widths (viewBox units) a chart is drawn at, each shown for figures from its
    /// width up to the next one's (the widest from its width up), so a drawing is never
    /// shown narrower than it was laid out for and its labels, held at 12 CSS px by
    /// `charts.css`, are never wider than the room they were given. `charts.css` names
    /// the same widths (`--chart-w`) and breakpoints; `ChartTextSizeTests` checks it.
    static let drawingWidths: [(role: ChartFigure.Variant.Role, width: Double)] = [
        (.wide, 640), (.phone, 280), (.narrow, 380), (.medium, 500),
    ]
    /// Default drawing heights by type.
    static let defaultHeight = 320.0
    /// A narrow drawing is shown larger than its width (a 280-unit one up to 380 px):
    /// at the full 320 units a phone's line chart would stand taller than it is wide.
    static func defaultHeight(width: Double) -> Double {
        min(defaultHeight, max(200, (width * 0.75).rounded()))
    }
    static let donutHeight = 240.0
    static let sparklineWidth = 160.0
    static let sparklineHeight = 36.0
}

/// The rectangle data is drawn in, inside the margins that hold axes and legend.
struct PlotArea: Equatable {
    var left: Double
    var top: Double
    var right: Double
    var bottom: Double

    var width: Double { right - left }
    var height: Double { bottom - top }
}
