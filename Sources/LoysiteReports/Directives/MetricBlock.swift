import LoysiteCharts
import LoysiteContent
import LoysiteRender
import LoysiteMetrics
import LoysiteSupport

/// A ```metric block: one headline figure as a KPI tile, or a list of them as a row of
/// tiles:
///
///     ```metric
///     data: nps-responses
///     value: nps
///     label: Net Promoter Score
///     period: last      # optional: last | a period key; shows the change vs the previous one
///     target: 40        # optional: met / missed
///     ```
enum MetricBlock {
    static let keys = ["data", "value", "label", "period", "target", "higher_is_better"]
    /// How many periods a tile's sparkline shows.
    static let historyLength = 12

    static func render(_ directive: BlockDirective, with renderer: DatasetBlockRenderer) -> (html: String?, diagnostics: [Diagnostic]) {
        let documents: [YAMLDocument]
        switch DatasetBlockRenderer.parse(directive) {
        case .success(let value): documents = value
        case .failure(let diagnostic): return (nil, [diagnostic])
        }
        guard !documents.isEmpty else {
            return (nil, [.error("metric block needs 'data:' and 'value:'", at: directive.location)])
        }
        var diagnostics: [Diagnostic] = []
        var tiles: [MetricTile] = []
        for document in documents {
            let (tile, tileDiagnostics) = self.tile(document, directive: directive, renderer: renderer)
            diagnostics += tileDiagnostics
            if let tile { tiles.append(tile) }
        }
        guard !diagnostics.contains(where: { $0.severity == .error }) else { return (nil, diagnostics) }
        let options = ChartOptions(currencyCode: renderer.currencyCode, idPrefix: "metric-\(directive.ordinal)")
        return (MetricTile.renderGrid(tiles, options: options), diagnostics)
    }

    static func tile(_ document: YAMLDocument, directive: BlockDirective, renderer: DatasetBlockRenderer) -> (MetricTile?, [Diagnostic]) {
        var fields = FieldReader(document)
        let dataName = fields.string("data")
        let value = fields.string("value")
        let label = fields.string("label")
        let period = fields.string("period")
        let target = fields.number("target")
        let higherIsBetter = fields.bool("higher_is_better")
        var diagnostics = fields.diagnostics + DatasetBlockRenderer.warnUnknownKeys(fields, known: keys, block: "metric")
        let dataset: Dataset
        switch renderer.dataset(dataName, in: directive) {
        case .success(let found): dataset = found
        case .failure(let diagnostic): return (nil, diagnostics + [diagnostic])
        }
        guard let value else {
            diagnostics.append(.error("metric block needs 'value:', a figure of dataset '\(dataset.name)' (\(dataset.figureNames.joined(separator: ", ")))", at: document.location,
                                      subject: DatasetBlockRenderer.subject(dataset.name)))
            return (nil, diagnostics)
        }
        let figure: Figure
        do {
            figure = try dataset.lookUpFigure(named: value.value, period: period?.value)
        } catch {
            diagnostics.append(.error("metric: \(error.description)", at: error.isAboutPeriod ? (period?.location ?? value.location) : value.location,
                                      subject: DatasetBlockRenderer.subject(dataset.name)))
            return (nil, diagnostics)
        }
        let title = label?.value ?? value.value.replacingOccurrences(of: "_", with: " ").capitalizedFirst
        let tile = MetricTile(
            label: title, value: figure.value, unit: figure.unit, period: figure.period,
            previousValue: figure.previousValue, previousPeriod: figure.previousPeriod, target: target?.value,
            higherIsBetter: higherIsBetter?.value ?? KnownFigures.higherIsBetter(value.value),
            history: figure.period.map { history(of: value.value, until: $0, in: dataset) } ?? [],
            href: renderer.glossaryLink(for: [title, value.value.replacingOccurrences(of: "_", with: " ")], from: directive.page),
            partialCoverage: figure.partialCoverage.map(\.daysText),
            definition: KnownFigures.definition(of: value.value))
        return (tile, diagnostics)
    }

    /// The figure's values over the periods up to `period`, from the derived table that
    /// has it as a column: the tile's sparkline.
    static func history(of figure: String, until period: String, in dataset: Dataset) -> [Double?] {
        for name in dataset.tableNames {
            guard let table = dataset.table(named: name), let periods = table.values(of: "period"), let values = table.values(of: figure),
                  let end = periods.firstIndex(where: { $0.text == period }) else { continue }
            let start = max(0, end - historyLength + 1)
            return values[start...end].map(\.number)
        }
        return []
    }
}

extension FigureLookupError {
    var isAboutPeriod: Bool {
        if case .unknownFigure = self { return false }
        return true
    }
}

extension String {
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
