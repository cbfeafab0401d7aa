import Foundation
import LoysiteTesting
import Testing

/// The real UCI export (541,909 rows) through the binary, as issue 17 reproduced it: one
/// bad byte in a customer id, and weekly cohorts.
@Suite struct RealExportDataTests {
    static let export = Repository.sharedData("online-retail/online-retail.csv")
    static let exportExists = FileManager.default.fileExists(atPath: export.path)
    /// The sidecar of `examples/online-retail/`.
    static let sidecar = Repository.root.appendingPathComponent("examples/online-retail/content/data/online-retail.yml")
    /// The only line of invoice 537228, customer 17677.
    static let singleRowOrder = "537228,22144,CHRISTMAS CRAFT LITTLE FRIENDS,12,2010-12-06 08:43:00,2.1,17677,United Kingdom\n"

    /// A site with the export copied in, `transform` applied to its bytes, and the
    /// example's sidecar with `sidecarExtra` appended (and `period` replaced).
    static func site(period: String = "month", sidecarExtra: String = "", transform: (Data) throws -> Data = { $0 }) throws -> TemporarySite {
        let site = try TemporarySite()
        var sidecarText = try String(contentsOf: sidecar, encoding: .utf8)
        sidecarText = sidecarText.replacingOccurrences(of: "period: month", with: "period: \(period)") + sidecarExtra
        try site.write("content/data/online-retail.yml", sidecarText)
        try site.write("content/data/online-retail.csv", data: try transform(try Data(contentsOf: export)))
        return site
    }

    static func figures(_ json: String) throws -> [String: Any] {
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        return try #require((object["datasets"] as? [String: Any])?["online-retail"] as? [String: Any])
    }

    /// 0xFF in place of the second 6 of customer 17677: it once made a customer `176�77`
    /// (4,339 customers instead of 4,338, 22 figures wrong, exit 0, no message).
    static func withBadByte(_ data: Data) throws -> Data {
        let line = Data(singleRowOrder.utf8)
        let range = try #require(data.range(of: line))
        var patched = data
        let digit = try #require(line.range(of: Data(",17677,".utf8)))
        patched[range.lowerBound + digit.lowerBound + 4] = 0xFF
        return patched
    }

    @Test(.enabled(if: exportExists, "the real export is not beside the repository"))
    func anInvalidByteInACustomerIdIsAnErrorAtThatByte() throws {
        let site = try Self.site(transform: Self.withBadByte)
        defer { site.remove() }
        let check = try LoysiteBinary.run(["check", "--root", site.root.path, "--quiet"])
        #expect(check.status == 1)
        #expect(check.errorLines.first == "content/data/online-retail.csv:10175:75: error: column 'CustomerID': invalid UTF-8 (byte 0xFF); a dataset must be UTF-8 text (re-save it as UTF-8)")
        #expect(check.errorLines.count == 2, "\(check.errorLines)")
    }

    @Test(.enabled(if: exportExists, "the real export is not beside the repository"))
    func underBadRowsSkipTheRowIsLeftOutWithAWarning() throws {
        let site = try Self.site(sidecarExtra: "bad_rows: skip\n", transform: Self.withBadByte)
        defer { site.remove() }
        let run = try LoysiteBinary.run(["metrics", "--root", site.root.path, "--json"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.errorLines == ["content/data/online-retail.csv:10175:75: warning: column 'CustomerID': invalid UTF-8 (byte 0xFF); a dataset must be UTF-8 text (re-save it as UTF-8) (row skipped: bad_rows: skip)"])
        let figures = try Self.figures(run.stdout)
        #expect(figures["customers"] as? Int == 4338)
        #expect(figures["skipped_rows"] as? Int == 1)
        #expect(!run.stdout.contains("\u{FFFD}"))
    }

    /// 2010-W52 (Christmas week) has no orders at all: no cohort for it, and every cohort
    /// starts at retention 1 (SPEC §2).
    @Test(.enabled(if: exportExists, "the real export is not beside the repository"))
    func weeklyCohortsLeaveOutWeeksWithoutNewCustomers() throws {
        let site = try Self.site(period: "week")
        defer { site.remove() }
        let run = try LoysiteBinary.run(["metrics", "--root", site.root.path, "--json"])
        #expect(run.status == 0, "\(run.stderr)")
        let figures = try Self.figures(run.stdout)
        let periods = try #require(figures["periods"] as? [[String: Any]])
        let cohorts = try #require(figures["cohorts"] as? [[String: Any]])
        let emptyWeek = try #require(periods.first { $0["period"] as? String == "2010-W52" })
        #expect(emptyWeek["active_customers"] as? Int == 0)
        #expect(!cohorts.contains { $0["cohort"] as? String == "2010-W52" })
        #expect(cohorts.prefix(5).map { $0["cohort"] as? String } == ["2010-W48", "2010-W49", "2010-W50", "2010-W51", "2011-W01"])
        for cohort in cohorts {
            #expect((cohort["size"] as? Int ?? 0) > 0, "\(cohort)")
            #expect((cohort["retention"] as? [Any])?.first as? Double == 1, "\(cohort)")
        }
        // The new customers of all cohorts are all the customers.
        #expect(cohorts.reduce(0) { $0 + ($1["size"] as? Int ?? 0) } == figures["customers"] as? Int)
    }
}
