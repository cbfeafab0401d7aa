import LoysiteCharts
import LoysiteContent
import LoysiteRender
import LoysiteMetrics
import LoysiteSupport

/// Renders the ```chart and ```metric blocks of SPEC §2 from the site's datasets: a
/// chart block becomes an inline SVG figure, a metric block one or more KPI tiles.
/// Every mistake in a block is an error at the block's line (or at the offending key).
package struct DatasetBlockRenderer: BlockDirectiveRenderer {
    package let names: Set<String> = ["chart", "metric"]
    let datasets: [String: Dataset]
    let index: PageIndex
    let currencyCode: String
    /// The charts drawn so far by this renderer (one build).
    let charts = PreparedCharts()

    package init(datasets: [Dataset], index: PageIndex, currencyCode: String) {
        self.datasets = Dictionary(datasets.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        self.index = index
        self.currencyCode = currencyCode
    }

    package func render(_ directive: BlockDirective) -> (html: String?, diagnostics: [Diagnostic]) {
        switch directive.name {
        case "chart": return ChartBlock.render(directive, with: self)
        default: return MetricBlock.render(directive, with: self)
        }
    }

    /// The dataset a block's `data:` names, or an error listing the ones that exist.
    func dataset(_ name: Located<String>?, in directive: BlockDirective) -> Result<Dataset, Diagnostic> {
        guard let name else {
            return .failure(.error("\(directive.name) block needs 'data:', the name of a dataset in content/data/ (\(available))", at: directive.location))
        }
        guard let dataset = datasets[name.value] else {
            let close = datasets.keys.min { EditDistance.between($0, name.value) < EditDistance.between($1, name.value) }
            let hint = close.map { EditDistance.between($0, name.value) <= 3 ? "; did you mean '\($0)'?" : "" } ?? ""
            return .failure(.error("unknown dataset '\(name.value)'\(hint) (\(available))", at: name.location, subject: DatasetBlockRenderer.subject(name.value)))
        }
        return .success(dataset)
    }

    /// `Diagnostic.subject` of a problem with what a block asks of dataset `name`: it
    /// may only follow from the dataset's sidecar failing to load (`FollowOnProblems`).
    package static func subject(_ name: String) -> String { "data/" + name }

    private var available: String {
        datasets.isEmpty ? "there are no datasets" : "datasets: " + datasets.keys.sorted().joined(separator: ", ")
    }

    func options(for directive: BlockDirective, dataset: Dataset) -> ChartOptions {
        ChartOptions(currencyCode: currencyCode, idPrefix: "\(directive.name)-\(directive.ordinal)", period: dataset.period.rawValue)
    }

    /// The glossary page a figure or label names, for links from tiles.
    func glossaryLink(for names: [String], from page: Page) -> String? {
        for name in names {
            if let number = index.page(named: name), index.pages[number].kind == .term {
                return RelativeURL.link(from: page.path, to: index.pages[number].path)
            }
        }
        return nil
    }

    /// Parses a block's YAML, with positions in the page's file.
    static func parse(_ directive: BlockDirective) -> Result<[YAMLDocument], Diagnostic> {
        YAMLDocument.parseList(directive.body, path: directive.page.source, firstLine: directive.bodyLocation.line ?? 1, columnOffset: max((directive.bodyLocation.column ?? 1) - 1, 0))
    }

    /// Unknown keys are warnings: the block still renders, the author learns of the typo.
    static func warnUnknownKeys(_ fields: FieldReader, known: [String], block: String) -> [Diagnostic] {
        fields.unreadEntries.map { entry in
            .warning("unknown key '\(entry.key)' in \(block) block (known keys: \(known.joined(separator: ", ")))", at: entry.keyLocation)
        }
    }
}
