import LoysiteCharts
import LoysiteContent
import LoysiteRender
import LoysiteSupport

/// A ```chart block: YAML naming a dataset, an optional derived table (`metric:`), the
/// columns and the chart type; rendered by LoysiteCharts.
enum ChartBlock {
    static let keys = ["type", "data", "metric"] + ChartSpec.keys.filter { !["type", "data", "metric"].contains($0) }

    static func render(_ directive: BlockDirective, with renderer: DatasetBlockRenderer) -> (html: String?, diagnostics: [Diagnostic]) {
        let documents: [YAMLDocument]
        switch DatasetBlockRenderer.parse(directive) {
        case .success(let value): documents = value
        case .failure(let diagnostic): return (nil, [diagnostic])
        }
        guard documents.count == 1, let document = documents.first else {
            return (nil, [.error("a chart block holds one chart: `key: value` lines, not a list", at: directive.location)])
        }
        var fields = FieldReader(document)
        let typeName = fields.string("type")
        let dataName = fields.string("data")
        let metric = fields.string("metric")
        let x = fields.string("x")
        let y = fields.stringList("y") ?? []
        let title = fields.string("title")
        let percent = fields.bool("percent")?.value ?? false
        let horizontal = fields.bool("horizontal")?.value
        let height = fields.number("height")?.value
        let colors = fields.stringList("colors")?.map(\.value) ?? []
        let mixedUnits = fields.bool("mixed_units")?.value ?? false
        let labels = fields.stringMap("labels") ?? [:]
        let size = fields.string("size")
        let row = fields.string("row")
        var diagnostics = fields.diagnostics + DatasetBlockRenderer.warnUnknownKeys(fields, known: keys, block: "chart")

        guard let typeName else {
            diagnostics.append(.error("chart block needs 'type:' (\(ChartType.allCases.map(\.rawValue).joined(separator: ", ")))", at: directive.location))
            return (nil, diagnostics)
        }
        guard let type = ChartType(rawValue: typeName.value) else {
            diagnostics.append(.error("unknown chart type '\(typeName.value)'; types: \(ChartType.allCases.map(\.rawValue).joined(separator: ", "))", at: typeName.location))
            return (nil, diagnostics)
        }
        let dataset: Dataset
        switch renderer.dataset(dataName, in: directive) {
        case .success(let value): dataset = value
        case .failure(let diagnostic): return (nil, diagnostics + [diagnostic])
        }
        let spec = ChartSpec(
            type: type, title: title?.value, x: x?.value, y: y.map(\.value), percent: percent, horizontal: horizontal,
            height: height, colors: colors, mixedUnits: mixedUnits, labels: labels, size: size?.value, row: row?.value)
        let options = renderer.options(for: directive, dataset: dataset)
        let key = PreparedCharts.Key(spec: spec, dataset: dataset.name, metric: metric?.value, options: options)
        let hasErrors = diagnostics.contains { $0.severity == .error }
        // Drawn once per build (`PreparedCharts`): a chart drawn before had its table,
        // and a block's other errors are its own (found above, from its keys).
        var missingTable = false
        do {
            let html = try renderer.charts.figure(for: key, idPrefix: options.idPrefix) { () throws(ChartError) -> PreparedChart? in
                guard let table = dataset.table(named: metric?.value) else {
                    missingTable = true
                    return nil
                }
                guard !hasErrors else { return nil }
                return try ChartRenderer.prepare(spec, table: table, options: options)
            }
            if missingTable {
                let names = dataset.tableNames
                if let metric {
                    diagnostics.append(.error("unknown metric '\(metric.value)' for \(dataset.kind.rawValue) dataset '\(dataset.name)'; metrics: \(names.joined(separator: ", "))", at: metric.location,
                                              subject: DatasetBlockRenderer.subject(dataset.name)))
                } else {
                    diagnostics.append(.error("dataset '\(dataset.name)' holds \(dataset.kind.rawValue); say which table to chart with 'metric:' (\(names.joined(separator: ", ")))", at: dataName?.location ?? directive.location,
                                              subject: DatasetBlockRenderer.subject(dataset.name)))
                }
                return (nil, diagnostics)
            }
            guard !hasErrors, let html else { return (nil, diagnostics) }
            return (html, diagnostics)
        } catch {
            // Point at the key at fault (the `y` item, the `row:` line) where the error names one.
            var location = directive.location
            if let key = error.key, let entry = document[key] {
                location = y.first { key == "y" && $0.value == error.value }?.location ?? entry.valueLocation
            }
            diagnostics.append(.error("chart: \(error.description)", at: location))
            return (nil, diagnostics)
        }
    }
}
