import LoysiteSupport
@testable import LoysiteCharts

/// A chart rendered and parsed back, for tests to look into.
struct Rendered {
    let html: String
    let figure: Node
    /// The first (wide) drawing.
    let svg: Node
    let geometry: SVGGeometry
    /// Every drawing: the wide one and, for most types, the medium, narrow and phone
    /// ones (a scrolling one sits in a `div`).
    let svgs: [Node]

    init(_ spec: ChartSpec, _ table: DataTable, options: ChartOptions = ChartOptions(idPrefix: "chart-1")) throws {
        html = try ChartRenderer.render(spec, table: table, options: options)
        let root = try XMLCheck.parse(html)
        guard let figure = root.children.first, figure.name == "figure",
              let svg = figure.children.first(where: { $0.name == "svg" }) else {
            throw XMLCheck.Failure.invalid("no <figure> with an <svg> in:\n\(html)")
        }
        self.figure = figure
        self.svg = svg
        self.svgs = figure.children.flatMap { $0.name == "svg" ? [$0] : $0.name == "div" ? $0.children.filter { $0.name == "svg" } : [] }
        self.geometry = SVGGeometry(svg)
    }

    var bars: [Node] { svg.withClass("chart-bar") }

    /// The y of the zero baseline grid line (vertical charts) or its x (horizontal).
    var baseline: Node? { svg.withClass("chart-baseline").first }

    /// Category labels as drawn: visible text and centre x.
    var categoryLabels: [(text: String, x: Double, y: Double)] {
        svg.withClass("chart-axis-category").flatMap { $0.descendants("text") }.map {
            ($0.ownText, $0.number("x") ?? .nan, $0.number("y") ?? .nan)
        }
    }
}
