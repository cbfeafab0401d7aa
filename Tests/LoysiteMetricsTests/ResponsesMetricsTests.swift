import LoysiteSupport
import Testing
import LoysiteMetrics

@Suite struct NPSTests {
    @Test func categoriesAndScore() {
        var tally = NPSTally()
        for score in [10, 9, 8, 7, 6, 0] { tally.add(score: score) }
        // 2 promoters (10, 9), 2 passives (8, 7), 2 detractors (6, 0): NPS 0.
        #expect(tally == NPSTally(promoters: 2, passives: 2, detractors: 2))
        #expect(tally.nps == 0)
        tally.add(score: 9)
        // 3 − 2 = 1 of 7 responses.
        #expect(tally.nps == 100.0 / 7.0)
        #expect(NPSTally(promoters: 5).nps == 100)
        #expect(NPSTally(detractors: 5).nps == -100)
        #expect(NPSTally(passives: 5).nps == 0)
        #expect(NPSTally().nps == nil)
    }

    func fixture() -> ResponsesMetrics {
        ResponsesMetrics.compute([
            (10, day("2026-01-03"), "web"),
            (6, day("2026-01-09"), "store"),
            (9, day("2026-01-31"), "app"),
            (7, day("2026-03-01"), "web"),
            (3, day("2026-03-02"), "web"),
            (10, day("2026-03-31"), ""),   // no segment: counts overall and in March only
        ], period: .month, rows: 7, skippedRows: 1)
    }

    @Test func overallPeriodsAndSegments() {
        let metrics = fixture()
        // Promoters 10, 9, 10; passives 7; detractors 6, 3 → (3 − 2) / 6 = 16.67.
        #expect(metrics.overall == NPSTally(promoters: 3, passives: 1, detractors: 2))
        #expect(metrics.nps == 100.0 / 6.0)
        // January: 10, 6, 9 → (2 − 1)/3; February: none (null); March: 7, 3, 10 → 0.
        #expect(metrics.periods.map(\.name) == ["2026-01", "2026-02", "2026-03"])
        #expect(metrics.periods.map(\.tally.nps) == [100.0 / 3.0, nil, 0])
        #expect(metrics.periods[1].tally.responses == 0)
        // Segments in name order; the empty one is left out.
        #expect(metrics.segments.map(\.name) == ["app", "store", "web"])
        #expect(metrics.segments.map(\.tally.nps) == [100, -100, 0])
        #expect(metrics.segments.map(\.tally.responses) == [1, 1, 3])
    }

    @Test func withoutDatesOrSegments() {
        let metrics = ResponsesMetrics.compute([(9, nil, nil), (0, nil, nil)], period: .quarter)
        #expect(metrics.nps == 0)
        #expect(metrics.periods.isEmpty)
        #expect(metrics.segments.isEmpty)
        #expect(metrics.json().serialized() == #"{"kind":"responses","period":"quarter","rows":2,"skipped_rows":0,"responses":2,"promoters":1,"passives":0,"detractors":1,"nps":0,"periods":[],"segments":[]}"#)
        #expect(throws: FigureLookupError.noPeriods("nps")) { try metrics.lookUpFigure(named: "nps", period: "last") }
        #expect(ResponsesMetrics.compute([], period: .month).json().serialized().contains(#""nps":null"#))
    }

    @Test func jsonInSpecOrder() {
        let json = fixture().json().serialized()
        #expect(json == #"{"kind":"responses","period":"month","rows":7,"skipped_rows":1,"responses":6,"promoters":3,"passives":1,"detractors":2,"nps":16.666666666666668,"periods":[{"period":"2026-01","responses":3,"promoters":2,"passives":0,"detractors":1,"nps":33.333333333333336,"partial":false},{"period":"2026-02","responses":0,"promoters":0,"passives":0,"detractors":0,"nps":null,"partial":false},{"period":"2026-03","responses":3,"promoters":1,"passives":1,"detractors":1,"nps":0,"partial":false}],"segments":[{"segment":"app","responses":1,"promoters":1,"passives":0,"detractors":0,"nps":100},{"segment":"store","responses":1,"promoters":0,"passives":0,"detractors":1,"nps":-100},{"segment":"web","responses":3,"promoters":1,"passives":1,"detractors":1,"nps":0}]}"#)
    }

    @Test func tables() throws {
        let metrics = fixture()
        let nps = try #require(metrics.table(named: "nps"))
        #expect(nps.columns.map(\.name) == ["period", "responses", "promoters", "passives", "detractors", "nps", "partial"])
        #expect(nps.columns.map(\.unit) == [.plain, .count, .count, .count, .count, .score, .plain])
        #expect(nps.rows[1] == [.text("2026-02"), .number(0), .number(0), .number(0), .number(0), .null, .text("false")])
        let segments = try #require(metrics.table(named: "nps-segments"))
        #expect(segments.columns.first?.name == "segment")
        #expect(segments.rows.map { $0[0] } == [.text("app"), .text("store"), .text("web")])
        #expect(metrics.table(named: "periods") == nil)
    }

    @Test func figures() throws {
        let metrics = fixture()
        #expect(metrics.figure(named: "nps")?.value == 100.0 / 6.0)
        #expect(metrics.figure(named: "nps")?.unit == .score)
        let last = try #require(metrics.figure(named: "nps", period: "last"))
        #expect(last.period == "2026-03")
        #expect(last.value == 0)
        #expect(last.previousPeriod == "2026-02")
        #expect(last.previousValue == nil) // no responses in February
        let january = try #require(metrics.figure(named: "promoters", period: "2026-01"))
        #expect(january.value == 2)
        #expect(january.unit == .count)
        #expect(metrics.figure(named: "responses", period: "2026-02")?.value == 0)
        #expect(metrics.figure(named: "revenue") == nil)
        #expect(metrics.figure(named: "nps", period: "2025-12") == nil)
    }
}
