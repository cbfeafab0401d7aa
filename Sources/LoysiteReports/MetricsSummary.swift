import Foundation
import LoysiteContent
import LoysiteMetrics
import LoysiteSupport

/// The readable report `loysite metrics` prints: headline figures, then a table per
/// period (and per segment, and the cohort matrix) for each dataset. Rounded for
/// reading; metrics.json and `--json` hold the full precision.
package enum MetricsSummary {
    /// The report for all datasets, blocks separated by a blank line.
    package static func text(datasets: [Dataset], currency: String = "") -> String {
        if datasets.isEmpty { return "No datasets in content/data/.\n" }
        return datasets.map { text(of: $0, currency: currency) }.joined(separator: "\n")
    }

    /// The report for one dataset.
    package static func text(of dataset: Dataset, currency: String = "") -> String {
        var lines: [String] = []
        let by = dataset.kind == .series ? "" : ", by \(dataset.period.rawValue)"
        lines.append("\(dataset.name) — \(dataset.path) (\(dataset.kind.rawValue)\(by))")
        var headline: [(String, String)] = [("rows", count(dataset.rows))]
        if dataset.skippedRows > 0 { headline.append(("skipped rows", count(dataset.skippedRows))) }
        switch dataset.figures {
        case .orders(let metrics):
            headline += [
                ("rows without customer", count(metrics.rowsWithoutCustomer)),
                ("customers", count(metrics.customers)),
                ("orders", count(metrics.orders)),
                ("revenue", money(metrics.revenue.doubleValue, currency)),
                ("return orders", count(metrics.returnOrders)),
                ("returns amount", money(metrics.returnsAmount.doubleValue, currency)),
                ("average order value", money(metrics.averageOrderValue, currency)),
                ("purchase frequency", decimal(metrics.purchaseFrequency)),
                ("revenue per customer", money(metrics.revenuePerCustomer, currency)),
                ("repeat purchase rate", percent(metrics.repeatPurchaseRate)),
                ("repurchase ratio", decimal(metrics.repurchaseRatio)),
            ]
            lines += pairs(headline)
            if !metrics.periods.isEmpty {
                lines.append("")
                lines += table(
                    ["period", "active", "new", "retention", "churn", "revenue"],
                    metrics.periods.map { [
                        $0.period, count($0.activeCustomers), count($0.newCustomers),
                        percent($0.retentionRate), percent($0.churnRate), money($0.revenue.doubleValue, ""),
                    ] })
                if let coverage = metrics.partialCoverage(ofPeriodAt: metrics.periods.count - 1) {
                    lines.append(Self.partialNote(coverage))
                }
                lines.append("")
                lines.append("  cohort retention (share of each cohort active k \(dataset.period.rawValue)s later)")
                let offsets = min(metrics.periods.count, 13)
                lines += table(
                    ["cohort", "size"] + (0..<offsets).map { "+\($0)" },
                    metrics.cohorts.map { cohort in
                        let retention = cohort.retention
                        return [cohort.cohort, count(cohort.size)]
                            + (0..<offsets).map { $0 < retention.count ? percent(retention[$0], digits: 0) : "" }
                    })
                if metrics.periods.count > offsets { lines.append("  (first \(offsets) offsets shown; metrics --json has all)") }
            }
            if let value = metrics.customerValue { lines += customerValueLines(value, currency: currency) }
        case .responses(let metrics):
            headline += [
                ("responses", count(metrics.responses)),
                ("promoters", count(metrics.overall.promoters)),
                ("passives", count(metrics.overall.passives)),
                ("detractors", count(metrics.overall.detractors)),
                ("NPS", decimal(metrics.nps, digits: 1)),
            ]
            if let loyalty = metrics.overallLoyalty {
                headline += [
                    ("CLI", decimal(loyalty.index)), ("CLI recommend", decimal(loyalty.recommend)),
                    ("CLI repurchase", decimal(loyalty.repurchase)), ("CLI upsell", decimal(loyalty.upsell)),
                ]
            }
            lines += pairs(headline)
            for (title, groups) in [("period", metrics.periods), ("segment", metrics.segments)] where !groups.isEmpty {
                lines.append("")
                lines += table(
                    [title, "responses", "promoters", "passives", "detractors", "NPS"],
                    groups.map { [
                        $0.name, count($0.tally.responses), count($0.tally.promoters), count($0.tally.passives),
                        count($0.tally.detractors), decimal($0.tally.nps, digits: 1),
                    ] })
                if title == "period", let coverage = metrics.partialCoverage(ofPeriodAt: metrics.periods.count - 1) {
                    lines.append(Self.partialNote(coverage))
                }
            }
        case .series:
            headline.append(("columns", dataset.columns.joined(separator: ", ")))
            lines += pairs(headline)
        }
        // Names from the data (columns, segments, files) are one line each, whatever they
        // hold: a line break or an escape sequence in a CSV header is shown, not obeyed.
        return lines.map(TerminalText.escaped).joined(separator: "\n") + "\n"
    }

    /// The lifetime-value block: the fits, the sums, the deciles and the R × F grid.
    private static func customerValueLines(_ value: CustomerValue, currency: String) -> [String] {
        let settings = value.settings
        var lines = ["", "  customer lifetime value (calibration end \(Period.day.key(ofIndex: Period.day.index(ofDay: settings.calibrationEnd))), next \(settings.horizon) \(settings.unit.rawValue)s, discount \(decimal(settings.discountRate, digits: 4)) per \(settings.unit.rawValue))"]
        var figures: [(String, String)] = [
            ("customers", count(value.customers)), ("repeat customers", count(value.repeatCustomers)),
            ("spend customers", count(value.spendCustomers)),
        ]
        switch value.bgnbd {
        case .success(let fit):
            figures.append(("BG/NBD", "r \(decimal(fit.model.r, digits: 4)), alpha \(decimal(fit.model.alpha, digits: 4)), a \(decimal(fit.model.a, digits: 4)), b \(decimal(fit.model.b, digits: 4)), LL \(decimal(fit.logLikelihood, digits: 4))"))
        case .failure(let problem): figures.append(("BG/NBD", "not fitted: \(problem)"))
        }
        switch value.gammaGamma {
        case .success(let fit):
            figures.append(("Gamma-Gamma", "p \(decimal(fit.model.p, digits: 4)), q \(decimal(fit.model.q, digits: 4)), gamma \(decimal(fit.model.gamma, digits: 4)), LL \(decimal(fit.logLikelihood, digits: 4))"))
        case .failure(let problem): figures.append(("Gamma-Gamma", "not fitted: \(problem)"))
        }
        figures += [
            ("expected occasions", decimal(value.expectedOccasions, digits: 1)), ("P(alive) mean", percent(value.probabilityAliveMean)),
            ("CLV total", money(value.clvTotal, currency)), ("CLV mean", money(value.clvMean, currency)),
        ]
        lines += pairs(figures)
        if !value.deciles.isEmpty {
            lines.append("")
            lines += table(
                ["decile", "customers", "CLV mean", "CLV share", "P(alive)"],
                value.deciles.map { [String($0.decile), count($0.customers), money($0.clvMean, ""), percent($0.clvShare), percent($0.probabilityAliveMean)] })
        }
        lines.append("")
        lines.append("  RFM: customers by recency score (rows, 5 = most recent) and frequency score (columns)")
        lines += table(["R \\ F", "1", "2", "3", "4", "5"], (1...5).map { recency in
            ["R\(recency)"] + (1...5).map { frequency in count(value.rfm[(recency - 1) * 5 + frequency - 1].customers) }
        })
        return lines
    }

    // MARK: Layout

    private static func pairs(_ items: [(String, String)]) -> [String] {
        let width = items.map(\.0.count).max() ?? 0
        let valueWidth = items.map(\.1.count).max() ?? 0
        return items.map { "  " + $0.0.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + pad($0.1, valueWidth) }
    }

    /// Columns right-aligned but the first, two spaces apart.
    private static func table(_ header: [String], _ rows: [[String]]) -> [String] {
        // Escaped first, so that the columns line up with what the terminal shows.
        let all = ([header] + rows).map { $0.map(TerminalText.escaped) }
        let widths = header.indices.map { column in all.map { $0[column].count }.max() ?? 0 }
        return all.map { row in
            "  " + row.indices.map { column in
                column == 0 ? row[column].padding(toLength: widths[column], withPad: " ", startingAt: 0) : pad(row[column], widths[column])
            }.joined(separator: "  ").trailingSpacesRemoved
        }
    }

    private static func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text : String(repeating: " ", count: width - text.count) + text
    }

    // MARK: Numbers

    static func count(_ value: Int) -> String {
        grouped(String(value.magnitude), negative: value < 0)
    }

    static func money(_ value: Double?, _ currency: String) -> String {
        guard let value, value.isFinite else { return "–" }
        let fixed = String(format: "%.2f", abs(value))
        let parts = fixed.split(separator: ".")
        let text = grouped(String(parts[0]), negative: value < 0 && fixed != "0.00") + "." + parts[1]
        return currency.isEmpty ? text : text + " " + currency
    }

    static func decimal(_ value: Double?, digits: Int = 2) -> String {
        guard let value, value.isFinite else { return "–" }
        return String(format: "%.\(digits)f", value)
    }

    static func percent(_ value: Double?, digits: Int = 1) -> String {
        guard let value, value.isFinite else { return "–" }
        return String(format: "%.\(digits)f%%", value * 100)
    }

    private static func grouped(_ digits: String, negative: Bool) -> String {
        var out = ""
        for (index, character) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { out.append(",") }
            out.append(character)
        }
        return (negative ? "-" : "") + out
    }
}

private extension String {
    var trailingSpacesRemoved: String {
        var text = self
        while text.last == " " { text.removeLast() }
        return text
    }
}

extension MetricsSummary {
    /// A line under the periods table when the last one is partial (SPEC §2): "2011-12 is
    /// partial: the data covers 9 of 31 days; compare it with care".
    static func partialNote(_ coverage: PeriodCoverage) -> String {
        "  \(coverage.key) is partial: the data covers \(coverage.daysText); compare it with care"
    }
}
