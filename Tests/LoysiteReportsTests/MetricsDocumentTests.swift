import Foundation
import LoysiteContent
import LoysiteReports
import LoysiteSupport
import LoysiteTesting
import Testing

/// metrics.json and the `loysite metrics` summary, from datasets loaded off a real folder.
@Suite struct MetricsDocumentTests {
    static let files: [String: String] = [
        "content/data/orders.yml": "kind: orders\n",
        "content/data/orders.csv": "order_id,customer_id,date,amount\n1,A,2026-01-01,10\n2,A,2026-02-01,20.5\n3,B,2026-02-03,1\n",
        "content/data/nps.yml": "kind: responses\n",
        "content/data/nps.csv": "date,score\n2026-01-01,10\n",
        "content/data/visits.csv": "day,visits\n2026-01-01,5\n",
    ]

    func datasets(_ site: TemporarySite) -> [Dataset] {
        let result = DatasetLoader.loadAll(root: site.root, defaultPeriod: .month)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        return result.datasets
    }

    @Test func theDocumentHoldsEveryDatasetInNameOrderAndTheSameBytesTwice() throws {
        let site = try TemporarySite(Self.files)
        defer { site.remove() }
        let datasets = datasets(site)
        let json = MetricsDocument.json(datasets: datasets, version: "1.2.3").serialized()
        #expect(json.hasPrefix(#"{"generated_by":"loysite 1.2.3","datasets":{"nps":{"kind":"responses","period":"month","rows":1,"#))
        #expect(json.contains(#""orders":{"kind":"orders","period":"month","rows":3,"skipped_rows":0,"rows_without_customer":0,"customers":2,"orders":3,"revenue":31.5,"#))
        #expect(json.hasSuffix(#""visits":{"kind":"series","rows":1,"skipped_rows":0,"columns":["day","visits"]}}}"#))
        let file = MetricsDocument.fileContents(datasets: datasets, version: "1.2.3")
        #expect(file.hasSuffix("}\n"))
        #expect(file == MetricsDocument.fileContents(datasets: self.datasets(site), version: "1.2.3"))
    }

    @Test func theSummaryIsRoundedForReading() throws {
        let site = try TemporarySite(Self.files)
        defer { site.remove() }
        let summary = MetricsSummary.text(datasets: datasets(site), currency: "USD")
        #expect(summary.contains("orders — content/data/orders.csv (orders, by month)"))
        #expect(summary.contains("  revenue                31.50 USD\n"))
        #expect(summary.contains("  2026-02       2    1     100.0%   0.0%    21.50"))
        #expect(summary.contains("  2026-02     1  100%\n")) // no trailing spaces
        #expect(summary.contains("  NPS         100.0\n"))
        #expect(summary.contains("visits — content/data/visits.csv (series)"))
        #expect(MetricsSummary.text(datasets: []) == "No datasets in content/data/.\n")
    }
}
