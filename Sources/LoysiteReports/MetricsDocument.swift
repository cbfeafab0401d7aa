import LoysiteContent
import LoysiteSupport

/// `site/metrics.json`: every figure of SPEC §2 for every dataset (SPEC §4).
package enum MetricsDocument {
    /// `{"generated_by": "loysite <version>", "datasets": {<name>: …}, "alerts": […]}`,
    /// datasets in the order given (`DatasetLoader` sorts them by name); `alerts` (the
    /// fired alerts of site.yml, `Alerts.Evaluation.json`) is left out when nil.
    package static func json(datasets: [Dataset], alerts: JSONValue? = nil, version: String) -> JSONValue {
        var members: [(String, JSONValue)] = [
            ("generated_by", .string("loysite \(version)")),
            ("datasets", .object(datasets.map { ($0.name, $0.json()) })),
        ]
        if let alerts { members.append(("alerts", alerts)) }
        return .object(members)
    }

    /// The file's text: indented JSON and a final newline, the same bytes for the same
    /// content, so CI can diff two builds.
    package static func fileContents(datasets: [Dataset], alerts: JSONValue? = nil, version: String) -> String {
        json(datasets: datasets, alerts: alerts, version: version).serialized(pretty: true) + "\n"
    }
}
