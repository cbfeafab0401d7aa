import Foundation
import LoysiteContent
import LoysiteMetrics
import LoysiteSupport
import Testing

/// CSV reading, through the loader: RFC 4180 quoting, line ends, byte-order marks, and
/// errors at the physical line and column an editor shows.
@Suite struct DatasetsCSVTests {
    @Test func quotedFieldsEscapedQuotesCommasNewlinesCRLFAndBOM() throws {
        let fixture = try DatasetsFixture()
        try fixture.write("notes.csv", "\u{FEFF}name,note,value\r\n\"Smith, J\",\"said \"\"hi\"\"\r\nthen left\",1.5\r\nplain,\"\",2\r\n")
        let (dataset, messages) = try fixture.loadOne()
        #expect(messages.isEmpty)
        #expect(dataset.kind == .series)
        #expect(dataset.columns == ["name", "note", "value"]) // the BOM is not part of the first name
        #expect(dataset.rows == 2)
        let table = try #require(dataset.table(named: nil))
        #expect(table.rows == [
            [.text("Smith, J"), .text("said \"hi\"\r\nthen left"), .number(1.5)],
            [.text("plain"), .null, .number(2)],
        ])
    }

    @Test func lfCrAndNoFinalLineEndAndBlankLines() throws {
        let fixture = try DatasetsFixture()
        // Lone CR line ends (old Mac exports), a blank line, no line end at the very end.
        try fixture.write("a.csv", "x,y\r1,2\r\r3,4")
        try fixture.write("b.csv", "x,y\n\n1,2\n3,\n")
        let result = fixture.load()
        #expect(result.diagnostics.isEmpty)
        #expect(result.datasets.map(\.name) == ["a", "b"])
        #expect(result.datasets[0].table(named: nil)?.rows == [[.number(1), .number(2)], [.number(3), .number(4)]])
        #expect(result.datasets[1].table(named: nil)?.rows == [[.number(1), .number(2)], [.number(3), .null]])
        #expect(result.datasets[1].rows == 2)
    }

    /// Bad rows after a field with embedded line breaks: every error names the line the
    /// row is on in the file, not the record number.
    @Test(arguments: ["\n", "\r\n"])
    func badRowsAreReportedAtTheirPhysicalLineAndColumn(lineEnd: String) throws {
        let lines = [
            "order_id,customer_id,date,amount,note",        // line 1
            "1,A,2026-01-01,10,\"multi\(lineEnd)line\(lineEnd)note\"", // lines 2–4
            "2,B,2026-13-01,5,x",                           // line 5: month 13; date starts at column 5
            "3,C,2026-01-02,\"1,234.50\",y",                // line 6: '3,C,2026-01-02,' is 15 characters → column 16
            "4,D,2026-01-03,7",                             // line 7: 4 fields; the 5th is missing after column 16 → 17
            "\"5\",E,2026-01-04,8,\"z\"extra",              // line 8: '"5",E,2026-01-04,8,"z"' is 22 characters → 23
            "6,F,2026-01-05,9,n,extra",                     // line 9: a 6th field at column 20
            "7,G,2026-01-06,-,n",                           // line 10: '-' is no number, column 16
            "8,H,2026-01-07,3,ok",                          // line 11: fine
        ]
        let fixture = try DatasetsFixture([
            "orders.yml": "kind: orders\n",
            "orders.csv": lines.joined(separator: lineEnd) + lineEnd,
        ])
        let (dataset, messages) = try fixture.loadOne()
        #expect(messages == [
            "content/data/orders.csv:5:5: error: column 'date': '2026-13-01' is not an ISO 8601 date such as 2026-03-07 or 2026-03-07 14:30:00",
            "content/data/orders.csv:6:16: error: column 'amount': '1,234.50' is not a number: thousands separators and decimal commas are not read (write 1234.50)",
            "content/data/orders.csv:7:17: error: expected 5 fields as in the header, found 4",
            "content/data/orders.csv:8:23: error: column 'note': text after the closing quote of a quoted field (a quote inside a quoted field is written \"\")",
            "content/data/orders.csv:9:20: error: expected 5 fields as in the header, found 6",
            "content/data/orders.csv:10:16: error: column 'amount': '-' is not a number (write numbers like 1234.50: digits, an optional sign and decimal point)",
        ])
        // Eight data rows (orders 1–8); the good ones still count: 1 (A, 10) and 8 (H, 3).
        #expect(dataset.rows == 8)
        #expect(dataset.skippedRows == 0)
        #expect(dataset.orders?.orders == 2)
        #expect(dataset.orders?.revenue.description == "13")
    }

    @Test func unterminatedQuoteIsOneErrorAtTheOpeningQuote() throws {
        let fixture = try DatasetsFixture([
            "orders.yml": "kind: orders\n",
            "orders.csv": "order_id,customer_id,date,amount,note\n1,A,2026-01-01,10,ok\n2,B,2026-01-02,5,\"never\nclosed\n3,C,2026-01-03,1,x\n",
        ])
        let (dataset, messages) = try fixture.loadOne()
        // '2,B,2026-01-02,5,' is 17 characters: the quote is at column 18 of line 3.
        #expect(messages == ["content/data/orders.csv:3:18: error: unterminated quoted field: the quote opened here is never closed, so the rest of the file cannot be read"])
        #expect(dataset.orders?.orders == 1)
    }

    @Test func columnsCountCharactersNotBytes() throws {
        let fixture = try DatasetsFixture([
            "orders.yml": "kind: orders\n",
            // 'é' and '£' are two bytes each in UTF-8, one character each.
            "orders.csv": "note,customer_id,date,amount\nécu £,A,2026-01-01,x\n",
        ])
        let (_, messages) = try fixture.loadOne()
        // 'écu £,A,2026-01-01,' is 19 characters → column 20.
        #expect(messages.first?.hasPrefix("content/data/orders.csv:2:20: error: column 'amount': 'x' is not a number") == true)
    }

    /// Records longer than the reader's 1 MiB block and thousands of rows crossing block
    /// boundaries, with line breaks inside quotes: counts and line numbers stay right.
    @Test func recordsCrossingBlockBoundaries() throws {
        var text = "order_id,customer_id,date,amount,note\n"
        let rows = 30_000
        for i in 0..<rows {
            text += "\(i),c\(i % 100),2026-01-\(String(format: "%02d", i % 28 + 1)),0.01,\"two\nlines, \"\"quoted\"\"\"\n"
        }
        text += "x,c1,2026-01-01,1,\"" + String(repeating: "long ", count: 500_000) + "\"\n" // one 2.5 MB field
        text += "y,c1,2026-02-30,1,n\n" // a bad date on the very last line
        let fixture = try DatasetsFixture(["orders.yml": "kind: orders\n", "orders.csv": text])
        let (dataset, messages) = try fixture.loadOne()
        // Header: line 1; each of the 30,000 rows takes 2 lines; the long row 1 line; the bad row comes next.
        let badLine = 1 + 2 * rows + 1 + 1
        // 'y,c1,' is 5 characters: the date is at column 6.
        #expect(messages == ["content/data/orders.csv:\(badLine):6: error: column 'date': '2026-02-30' is not an ISO 8601 date such as 2026-03-07 or 2026-03-07 14:30:00"])
        #expect(dataset.rows == rows + 2)
        // 30,000 × 0.01 + 1 = 301, exactly.
        #expect(dataset.orders?.revenue.description == "301")
        #expect(dataset.orders?.customers == 100)
    }

    @Test func emptyFileAndHeaderOnly() throws {
        let fixture = try DatasetsFixture(["empty.csv": "", "header.csv": "a,b\n"])
        let result = fixture.load()
        #expect(Diagnostics(result.diagnostics).sorted.map(\.description) == [
            "content/data/empty.csv:1: error: empty dataset: a CSV dataset starts with a header row naming its columns",
        ])
        #expect(result.datasets.map(\.rows) == [0, 0])
        #expect(result.datasets[1].columns == ["a", "b"])
    }

    @Test func duplicateColumnNamesAreAnError() throws {
        let fixture = try DatasetsFixture(["d.csv": "a,b,a\n1,2,3\n"])
        let (_, messages) = try fixture.loadOne()
        #expect(messages == ["content/data/d.csv:1: error: duplicate column name 'a' (columns 1 and 3); column names must be unique"])
    }
}
