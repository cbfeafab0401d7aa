import ArgumentParser
import Foundation
import LoysiteBuild
import LoysiteContent
import LoysiteMetrics
import LoysiteReports
import LoysiteSupport

/// `loysite metrics [--root DIR] [--json]`: computes the figures of every dataset in
/// content/data/ and prints them — a readable summary, or with `--json` exactly what
/// the build writes to site/metrics.json. Data errors are printed to standard error
/// (`path:line:column: error: message`) and exit with status 1, printing no figures.
struct MetricsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "metrics",
        abstract: "Print the figures computed from the datasets in content/data/.",
        discussion: "Orders and responses datasets (see their .yml sidecars) give the loyalty figures of the spec; series datasets are listed with their columns."
    )

    @OptionGroup var site: SiteOptions

    @Flag(name: .long, help: "Print metrics.json (every figure, full precision) instead of the summary.")
    var json = false

    func run() throws {
        let root = site.rootURL
        let (config, configDiagnostics) = SiteConfig.load(root: root)
        let period = Period(rawValue: config.period) ?? .month
        let (datasets, datasetDiagnostics) = DatasetLoader.loadAll(root: root, defaultPeriod: period)
        // Alerts too, so `--json` prints exactly the build's metrics.json.
        let alerts = Alerts.evaluate(config.alerts, datasets: datasets)
        let diagnostics = Diagnostics(configDiagnostics + datasetDiagnostics + alerts.diagnostics)
        DiagnosticPrinter.print(diagnostics)
        if diagnostics.hasErrors { throw ExitCode(1) }
        // The summary quotes column and segment names from the data: their control
        // characters (an ESC sequence in a CSV header) are escaped for the terminal.
        let text = json
            ? MetricsDocument.fileContents(datasets: datasets, alerts: alerts.json, version: LoysiteVersion.current)
            : TerminalText.escapedKeepingLineBreaks(MetricsSummary.text(datasets: datasets, currency: config.currency))
        FileHandle.standardOutput.write(Data(text.utf8))
    }
}
