import Foundation
import LoysiteContent
import LoysiteSupport
import Testing

/// One-line (minified) datasets: the places of problems far along the line are exact,
/// counted in characters, now that columns are counted once per line rather than from
/// the line's start for every value.
@Suite struct DatasetsLongLineTests {
    @Test func problemsFarAlongAMinifiedJSONLineAreAtTheirColumn() throws {
        // Multi-byte text before each value, so bytes and characters differ.
        var rows = (0..<3000).map { #"{"order_id":"\#($0)","customer_id":"cliént-\#($0 % 7)","date":"2026-01-0\#(1 + $0 % 9)","amount":"\#($0).5"}"# }
        rows[2500] = #"{"order_id":"2500","customer_id":"cliént-1","date":"2026-13-01","amount":"1"}"#
        rows[2999] = #"{"order_id":"2999","customer_id":"cliént-2","date":"2026-01-02","amount":"1e3"}"#
        let text = "[" + rows.joined(separator: ",") + "]"
        let fixture = try DatasetsFixture(["o.json": text, "o.yml": "kind: orders\n"])
        let (dataset, messages) = try fixture.loadOne()
        func column(of needle: String, in row: Int) throws -> Int {
            let prefix = "[" + rows[..<row].joined(separator: ",") + (row > 0 ? "," : "")
            let within = try #require(rows[row].range(of: needle))
            return prefix.count + rows[row].distance(from: rows[row].startIndex, to: within.lowerBound) + 1
        }
        #expect(messages == [
            "content/data/o.json:1:\(try column(of: #""2026-13-01""#, in: 2500)): error: column 'date': '2026-13-01' is not an ISO 8601 date such as 2026-03-07 or 2026-03-07 14:30:00",
            "content/data/o.json:1:\(try column(of: #""1e3""#, in: 2999)): error: column 'amount': '1e3' is written with an exponent; write it as a plain decimal number",
        ])
        #expect(dataset.orders?.customers == 7)
    }

    @Test func aSyntaxErrorAtTheEndOfAMinifiedLineIsAtItsColumn() throws {
        let rows = (0..<2000).map { #"{"month":"2026-01","note":"é€🎉","visits":\#($0)}"# }
        let text = "[" + rows.joined(separator: ",") + ",{\"month\":\"2026-02\" \"visits\":1}]"
        let fixture = try DatasetsFixture(["v.json": text])
        let (_, messages) = try fixture.loadOne()
        let column = text.distance(from: text.startIndex, to: try #require(text.range(of: "\"visits\":1}]", options: .backwards)).lowerBound) + 1
        #expect(messages == ["content/data/v.json:1:\(column): error: invalid JSON: expected ',' or '}', found '\"'"])
    }
}
