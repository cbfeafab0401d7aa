import Foundation
import LoysiteContent
import LoysiteSupport

/// The home page's content: `content/index.md` when the site has one (Markdown with
/// chart and metric blocks, like a report), otherwise a dashboard of the headline
/// figures of whatever datasets the site has.
enum HomePage {
    static let path = SiteLayout.homePage

    static func load(root: URL, datasets: [Dataset]) -> (page: Page?, diagnostics: [Diagnostic]) {
        let url = root.appendingPathComponent(path)
        // Read by name, so checked like site.yml (a FIFO here hung the build, a link to a
        // file of the machine would have published it); a link pointing nowhere counts
        // as there, and is an error.
        var info = stat()
        if lstat(url.path, &info) == 0 {
            switch SourceText.read(url, relativePath: path, inside: root, limit: .page) {
            case .success(let source):
                // Front matter is optional here: the home page's title is the site's.
                let text = source.text.hasPrefix("---") ? source.text : "---\ntitle: Home\n---\n" + source.text
                let offset = source.text.hasPrefix("---") ? 0 : 3
                var result = PageLoader.load(SourceText(path: path, text: text), kind: .home)
                result.page = result.page.map { $0.withBodyFirstLine($0.bodyFirstLine - offset) }
                return result
            case .failure(let diagnostic):
                return (nil, [diagnostic])
            }
        }
        let body = defaultDashboard(datasets)
        guard !body.isEmpty else { return (nil, []) }
        let page = Page(kind: .home, source: "<default dashboard>", slug: "", title: "Dashboard", aliases: [], summary: nil,
                        categories: [], related: [], draft: false, date: nil, period: nil, params: [], body: body,
                        bodyFirstLine: 1, location: SourceLocation(file: "<default dashboard>"))
        return (page, [])
    }

    /// Tiles for the headline figures and two small charts per dataset, only for figures
    /// the data can give (a dataset without dates has no periods).
    static func defaultDashboard(_ datasets: [Dataset]) -> String {
        var tiles: [String] = []
        var charts: [String] = []
        for dataset in datasets {
            let name = dataset.name
            let hasPeriods = !(dataset.table(named: "periods")?.rows.isEmpty ?? true) || !(dataset.table(named: "nps")?.rows.isEmpty ?? true)
            switch dataset.kind {
            case .responses:
                let headline = headlinePeriod(dataset)
                tiles.append("- {data: \(name), value: nps, \(hasPeriods ? "period: \(headline.period), " : "")label: Net Promoter Score\(hasPeriods ? headline.labelSuffix : "")}")
                if dataset.responses?.overallLoyalty?.index != nil {
                    tiles.append("- {data: \(name), value: cli, label: Customer Loyalty Index}")
                }
                if hasPeriods {
                    charts.append("```chart\ntype: line\ndata: \(name)\nmetric: nps\nx: period\ny: nps\ntitle: Net Promoter Score by \(dataset.period.rawValue)\n```")
                }
            case .orders:
                tiles.append("- {data: \(name), value: customers, label: Customers}")
                tiles.append("- {data: \(name), value: repeat_purchase_rate, label: Repeat purchase rate}")
                if hasPeriods {
                    let headline = headlinePeriod(dataset)
                    tiles.append("- {data: \(name), value: retention_rate, period: \(headline.period), label: Retention\(headline.labelSuffix)}")
                }
                tiles.append("- {data: \(name), value: average_order_value, label: Average order value}")
                if hasPeriods {
                    charts.append("```chart\ntype: bar\ndata: \(name)\nmetric: periods\nx: period\ny: revenue\ntitle: Revenue by \(dataset.period.rawValue)\n```")
                }
                // Lifetime value only where the fits could be made (a boundary maximum
                // leaves the figures null, and the build has said why).
                if let value = dataset.orders?.customerValue {
                    if value.probabilityAliveMean != nil { tiles.append("- {data: \(name), value: p_alive_mean, label: Customers still active (P alive)}") }
                    if value.clvMean != nil {
                        tiles.append("- {data: \(name), value: clv_mean, label: Customer lifetime value (next \(value.settings.horizon) \(value.settings.unit.rawValue)s)}")
                        charts.append("```chart\ntype: bar\ndata: \(name)\nmetric: clv-deciles\nx: decile\ny: clv_share\ntitle: Share of future value by customer decile\n```")
                    }
                }
            case .series:
                continue
            }
        }
        guard !tiles.isEmpty else { return "" }
        return "```metric\n" + tiles.joined(separator: "\n") + "\n```\n\n" + charts.joined(separator: "\n\n") + "\n"
    }

    /// The period the dashboard headlines a change for: the last one, unless the data
    /// covers it only in part (SPEC §2 "Partial periods": 9 days of December against
    /// all of November is no comparison). Then the last full period, and the label says so.
    static func headlinePeriod(_ dataset: Dataset) -> (period: String, labelSuffix: String) {
        let last: (keys: [String], partial: Bool)
        if let orders = dataset.orders {
            last = (orders.periods.map(\.period), orders.partialCoverage(ofPeriodAt: orders.periods.count - 1) != nil)
        } else if let responses = dataset.responses {
            last = (responses.periods.map(\.name), responses.partialCoverage(ofPeriodAt: responses.periods.count - 1) != nil)
        } else {
            return ("last", "")
        }
        guard last.partial, last.keys.count >= 2 else { return ("last", "") }
        return (last.keys[last.keys.count - 2], " (last full \(dataset.period.rawValue))")
    }
}
