import Foundation
import LoysiteContent
import LoysiteMetrics
import LoysiteSupport

/// site.yml's `alerts:` checked against the datasets' figures, so a CI job can fail
/// (with `--strict`) when a loyalty figure crosses a line.
///
/// A fired alert is a warning at the alert's place in site.yml, a line on the home
/// page's dashboard and an entry of metrics.json's `alerts` array. An alert that names
/// an unknown dataset, figure or period is an error: a typo must not silence an alert.
package enum Alerts {
    /// Which side of the threshold fires.
    package enum ThresholdKind: String, Sendable {
        /// The figure is under the threshold.
        case below
        /// The figure is over the threshold.
        case above
        /// The figure fell by more than the threshold since the previous period.
        case dropMoreThan = "drop_more_than"
    }

    /// An alert whose threshold was crossed.
    package struct Fired: Sendable, Equatable {
        package var alert: SiteConfig.Alert
        package var figure: Figure
        package var kind: ThresholdKind
        package var threshold: Double
        /// For the dashboard and metrics.json: `nps of nps-responses (2026-12) is 24.5, below 30`.
        package var message: String

        package static func == (lhs: Fired, rhs: Fired) -> Bool {
            lhs.alert.location == rhs.alert.location && lhs.figure == rhs.figure && lhs.kind == rhs.kind
                && lhs.threshold == rhs.threshold && lhs.message == rhs.message
        }
    }

    /// The outcome of checking every alert.
    package struct Evaluation: Sendable {
        package var fired: [Fired] = []
        package var diagnostics: [Diagnostic] = []

        /// metrics.json's `alerts` array: one object per fired alert, in site.yml order.
        package var json: JSONValue {
            .array(fired.map(Alerts.json))
        }
    }

    /// Checks each alert against the dataset it names.
    package static func evaluate(_ alerts: [SiteConfig.Alert], datasets: [Dataset]) -> Evaluation {
        var evaluation = Evaluation()
        let byName = Dictionary(datasets.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        for alert in alerts {
            guard let dataset = byName[alert.data] else {
                evaluation.diagnostics.append(.error("alert names no dataset '\(alert.data)'\(suggestion(for: alert.data, among: datasets.map(\.name)))", at: alert.location))
                continue
            }
            let figure: Figure
            do {
                figure = try dataset.lookUpFigure(named: alert.value, period: alert.period)
            } catch {
                evaluation.diagnostics.append(.error("alert on '\(alert.value)' of \(alert.data): \(error)", at: alert.location))
                continue
            }
            let subject = describe(figure, of: alert.data)
            if alert.dropMoreThan != nil, figure.period == nil {
                evaluation.diagnostics.append(.error("alert on '\(alert.value)' of \(alert.data): 'drop_more_than' compares one period with the one before; add 'period: last' (or a period key)", at: alert.location))
                continue
            }
            guard let value = figure.value else {
                evaluation.diagnostics.append(.warning("alert not checked: \(subject) cannot be computed from the data", at: alert.location))
                continue
            }
            var checks: [(ThresholdKind, Double, fires: Bool, message: String)] = []
            if let below = alert.below {
                checks.append((.below, below, value < below, "\(subject) is \(format(value, figure)), below \(format(below))"))
            }
            if let above = alert.above {
                checks.append((.above, above, value > above, "\(subject) is \(format(value, figure)), above \(format(above))"))
            }
            if let limit = alert.dropMoreThan {
                if let previous = figure.previousValue, let previousPeriod = figure.previousPeriod {
                    let drop = previous - value
                    checks.append((.dropMoreThan, limit, drop > limit,
                                   "\(alert.value) of \(alert.data) fell by \(format(drop)) from \(previousPeriod) (\(format(previous))) to \(figure.period ?? "")\(figure.partialCoverage.map { ", partial: " + $0.daysText } ?? "") (\(format(value, figure))), more than \(format(limit))"))
                } else {
                    evaluation.diagnostics.append(.warning("alert not checked: \(subject) has no previous period to compare with", at: alert.location))
                }
            }
            for check in checks where check.fires {
                evaluation.fired.append(Fired(alert: alert, figure: figure, kind: check.0, threshold: check.1, message: check.message))
                evaluation.diagnostics.append(.warning("alert: " + check.message, at: alert.location))
            }
        }
        return evaluation
    }

    /// `nps of nps-responses (2026-12)`, or `customers of orders` for a whole-dataset figure.
    /// A partial period says so: `nps of nps-responses (2026-12, partial: 9 of 31 days)`.
    static func describe(_ figure: Figure, of data: String) -> String {
        "\(figure.name) of \(data)" + (figure.period.map { period in
            " (\(period)" + (figure.partialCoverage.map { ", partial: " + $0.daysText } ?? "") + ")"
        } ?? "")
    }

    static func json(_ fired: Fired) -> JSONValue {
        var members: [(String, JSONValue)] = [
            ("data", .string(fired.alert.data)),
            ("value", .string(fired.alert.value)),
            ("period", fired.figure.period.map { .string($0) } ?? .null),
            // SPEC §2 "Partial periods": a script reading only the figure must be able to
            // tell that it stands for part of its period (false for a whole-dataset one).
            ("partial", .bool(fired.figure.partialCoverage?.isPartial == true)),
            ("figure", fired.figure.exactValue.map { .decimal($0) } ?? .double(fired.figure.value)),
            ("threshold", .string(fired.kind.rawValue)),
            ("threshold_value", .double(fired.threshold)),
        ]
        if fired.kind == .dropMoreThan {
            members.append(("previous_period", fired.figure.previousPeriod.map { .string($0) } ?? .null))
            members.append(("previous_figure", .double(fired.figure.previousValue)))
        }
        members.append(("message", .string(fired.message)))
        return .object(members)
    }

    /// A number as people write it: `30`, `24.5`, `0.3125`; money by its exact decimal text.
    static func format(_ value: Double, _ figure: Figure? = nil) -> String {
        if let exact = figure?.exactValue { return exact }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        var text = String(format: abs(value) >= 1 ? "%.2f" : "%.4f", value)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text
    }

    static func suggestion(for name: String, among names: [String]) -> String {
        guard !names.isEmpty else { return "; content/data/ has no datasets" }
        let close = names.filter { EditDistance.between($0, name, limit: 2) <= 2 }.min { EditDistance.between($0, name) < EditDistance.between($1, name) }
        let known = "; datasets: " + names.joined(separator: ", ")
        return close.map { "; did you mean '\($0)'?" } ?? known
    }
}
