/// Category labels along an axis (periods under a line chart, names beside horizontal
/// bars): shortened with an ellipsis when too long, the full text kept in a `<title>`,
/// and thinned to every k-th label so no two overlap.
struct CategoryLabels {
    /// Text shown (maybe shortened) and the full text.
    let visible: [String]
    let full: [String]
    let widths: [Double]

    init(_ texts: [String], maxWidth: Double, fontSize: Double = ChartStyle.fontSize) {
        let cut = texts.map { TextMetrics.truncate($0, toWidth: maxWidth, fontSize: fontSize) }
        self.full = texts
        self.visible = cut.map(\.text)
        self.widths = visible.map { TextMetrics.width($0, fontSize: fontSize) }
    }

    var widest: Double { widths.max() ?? 0 }

    /// Where label `index`'s centre goes when it is centred on `position`, moved inwards
    /// so its box stays within `minX…maxX`.
    func clampedCenter(_ index: Int, at position: Double, minX: Double, maxX: Double) -> Double {
        let half = widths[index] / 2
        return min(max(position, minX + half), max(minX + half, maxX - half))
    }

    /// The labels shown with every `step`-th one: 0, k, 2k, … or, anchored at the end,
    /// …, n−1−k, n−1 (on a time axis the latest period is the one a reader looks for).
    func shownIndices(step: Int, anchoredAtEnd: Bool) -> [Int] {
        let step = max(1, step)
        guard anchoredAtEnd else { return Array(stride(from: 0, to: visible.count, by: step)) }
        return Array(stride(from: visible.count - 1, through: 0, by: -step).reversed())
    }

    /// The smallest step k such that showing every k-th label (see `shownIndices`)
    /// centred on `positions` leaves at least `ChartStyle.labelGap` between neighbouring boxes.
    func thinningStep(positions: [Double], minX: Double, maxX: Double, anchoredAtEnd: Bool = false) -> Int {
        let count = visible.count
        guard count > 1 else { return 1 }
        let centers = positions.indices.map { clampedCenter($0, at: positions[$0], minX: minX, maxX: maxX) }
        for step in 1..<count {
            let shown = shownIndices(step: step, anchoredAtEnd: anchoredAtEnd)
            let fits = zip(shown, shown.dropFirst()).allSatisfy { previous, index in
                centers[index] - centers[previous] >= (widths[index] + widths[previous]) / 2 + ChartStyle.labelGap
            }
            if fits { return step }
        }
        return count
    }

    /// Draws every `step`-th label (see `shownIndices`) centred under `positions`, their tops at `y`.
    func drawBelow(into svg: inout SVGWriter, positions: [Double], y: Double, step: Int, minX: Double, maxX: Double, anchoredAtEnd: Bool = false) {
        svg.open("g", ["class": "chart-axis chart-axis-category", "fill": "currentColor", "text-anchor": "middle"])
        for index in shownIndices(step: step, anchoredAtEnd: anchoredAtEnd) {
            let x = clampedCenter(index, at: positions[index], minX: minX, maxX: maxX)
            svg.label(visible[index], full: full[index], ["x": x.svg, "y": (y + ChartStyle.fontSize * 0.8).svg])
        }
        svg.close("g")
    }

    /// Draws every label right-aligned at `x`, vertically centred on `positions`.
    func drawLeft(into svg: inout SVGWriter, positions: [Double], x: Double) {
        svg.open("g", ["class": "chart-axis chart-axis-category", "fill": "currentColor", "text-anchor": "end"])
        for index in visible.indices {
            svg.label(visible[index], full: full[index], ["x": x.svg, "y": positions[index].svg, "dy": "0.35em"])
        }
        svg.close("g")
    }
}
