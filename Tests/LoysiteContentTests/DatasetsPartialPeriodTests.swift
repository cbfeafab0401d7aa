import Foundation
import LoysiteContent
import LoysiteMetrics
import LoysiteSupport
import Testing

/// The loader's observation end (SPEC §2 "Partial periods"): the sidecar's top-level
/// `observation_end:`, else the latest row's date (a return included: the export
/// holds it).
@Suite struct DatasetsPartialPeriodTests {
    @Test func theLatestRowOrTheSidecarDecidesWhetherTheLastMonthIsPartial() throws {
        let csv = "customer_id,date,amount\nA,2026-01-02,5\nB,2026-02-03,5\nA,2026-02-10,-7\n"
        let byRows = try DatasetsFixture(["o.csv": csv, "o.yml": "kind: orders\n"]).loadOne().dataset.orders
        #expect(byRows?.partialCoverage(ofPeriodAt: 1)?.daysText == "10 of 28 days", "the return is the latest row")
        let complete = try DatasetsFixture(["o.csv": csv, "o.yml": "kind: orders\nobservation_end: 2026-02-28\n"]).loadOne().dataset.orders
        #expect(complete?.partialCoverage(ofPeriodAt: 1) == nil)
        let responses = "date,score\n2026-01-31,9\n2026-02-14,3\n"
        let survey = try DatasetsFixture(["r.csv": responses, "r.yml": "kind: responses\n"]).loadOne().dataset.responses
        #expect(survey?.partialCoverage(ofPeriodAt: 1)?.daysText == "14 of 28 days")
    }
}
