import LoysiteSupport

/// `site/metrics.json`: every figure of SPEC §2 for every dataset (SPEC §4).
public enum MetricsDocument {
    /// `{"generated_by": "loysite <version>", "datasets": {<name>: …}}`, datasets in
    /// the order given (`DatasetLoader` sorts them by name).
    public static func json(datasets: [Dataset], version: String) -> JSONValue {
        .object([
            ("generated_by", .string("loysite \(version)")),
            ("datasets", .object(datasets.map { ($0.name, $0.json()) })),
        ])
    }

    /// The file's text: indented JSON and a final newline, the same bytes for the same
    /// content, so CI can diff two builds.
    public static func fileContents(datasets: [Dataset], version: String) -> String {
        json(datasets: datasets, version: version).serialized(pretty: true) + "\n"
    }
}
