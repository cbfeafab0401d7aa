import Foundation
import LoysiteContent
import LoysiteSupport
import PropertyBased
import LoysiteTesting
import Testing

/// Reading a CSV file of orders in chunks on every core against reading it in one pass:
/// over random files with quoted fields holding commas, quotes and line breaks, CRLF and
/// LF, a byte-order mark, blank lines and every kind of bad row, cut into chunks of a few
/// bytes (so chunk edges fall inside quoted fields, between CR and LF and on bad rows),
/// the figures, rows, skipped rows and every message are the same.
@Suite struct CSVChunkedReadPropertyTests {
    static let chunkSizes = [1, 2, 5, 13, 40, 97, 400]

    /// An orders file: `order_id,customer_id,date,amount,note`, with bad rows among good ones.
    static func ordersFile(seed: Int, rows: Int, crlf: Bool, bom: Bool) -> [UInt8] {
        var numbers = SeededNumbers(seed: UInt64(seed))
        let lineEnd = crlf ? "\r\n" : "\n"
        var bytes: [UInt8] = bom ? [0xEF, 0xBB, 0xBF] : []
        bytes += Array(("order_id,customer_id,date,amount,note" + lineEnd).utf8)
        var customerOfOrder: [Int: Int] = [:]
        // One file in four has orders of two customers, which chunks do not merge (they
        // are read again in one pass); the others are merged from their chunks.
        let twoCustomerOrders = numbers.chance(25)
        let notes = ["", "plain", "\"with, comma\"", "\"two\nlines\"", "\"two\r\nlines\"", "\"lone\rCR\"", "\"say \"\"hi\"\"\"",
                     "\"\n\"", "\"a\"x", "caf\u{E9}", "\"\"", "\"\r\n\r\n\""]
        for _ in 0..<rows {
            if numbers.chance(4) { bytes += Array(lineEnd.utf8); continue }  // a blank line
            let order = numbers.below(max(1, rows / 3))
            let customer = customerOfOrder[order] ?? numbers.below(max(1, rows / 5))
            customerOfOrder[order] = customer
            var fields: [[UInt8]] = []
            fields.append(numbers.chance(5) ? [] : Array("O\(order)".utf8))
            let customerText = twoCustomerOrders && numbers.chance(5) ? "C\(customer + 1)" : "C\(customer)"
            fields.append(numbers.chance(5) ? [] : Array(customerText.utf8))
            fields.append(Array((numbers.chance(3) ? "2026-13-01" : "2026-0\(1 + numbers.below(9))-1\(numbers.below(10))").utf8))
            let amounts = ["12.5", "-3", "0", "7", "\"1,5\"", "abc", "99.999"]
            fields.append(Array(amounts[numbers.chance(80) ? numbers.below(4) : numbers.below(amounts.count)].utf8))
            var note = Array(notes[numbers.below(notes.count)].utf8)
            if numbers.chance(3) { note.insert(0xFF, at: note.count / 2) }  // not UTF-8
            fields.append(note)
            if numbers.chance(3) { fields.removeLast() }
            if numbers.chance(3) { fields.append(Array("extra".utf8)) }
            bytes += Array(fields.joined(separator: [0x2C]))
            bytes += Array(lineEnd.utf8)
        }
        // Now and then a file that cannot be read to its end, or has no final line end.
        switch numbers.below(12) {
        case 0: bytes += Array("O1,C1,2026-01-01,\"5".utf8)            // a quote never closed
        case 1: bytes.insert(0, at: bytes.count - bytes.count / 3)        // a NUL byte
        case 2: bytes.removeLast(crlf ? 2 : 1)
        default: break
        }
        return bytes
    }

    static func load(_ bytes: [UInt8], skip: Bool, chunking: CSVChunking) throws -> (json: JSONValue, rows: Int, skipped: Int, messages: [String]) {
        let fixture = try DatasetsFixture(["orders.yml": "kind: orders\n" + (skip ? "bad_rows: skip\n" : "")])
        try fixture.writeBytes("orders.csv", bytes)
        let result = DatasetLoader.loadAll(root: fixture.root, dataDirectory: fixture.dataDirectory, defaultPeriod: .month, chunking: chunking)
        let dataset = try #require(result.datasets.first)
        return (dataset.json(), dataset.rows, dataset.skippedRows, Diagnostics(result.diagnostics).sorted.map(\.description))
    }

    @Test func chunkedReadingGivesTheFiguresAndMessagesOfOnePass() async throws {
        let input = zip(Gen.int(in: 0...1_000_000_000), Gen.int(in: 0...60), Gen.bool, Gen.bool, Gen.bool)
        await propertyCheck(count: 120, input: input) { seed, rows, crlf, bom, skip in
            let bytes = Self.ordersFile(seed: seed, rows: rows, crlf: crlf, bom: bom)
            guard let serial = try? Self.load(bytes, skip: skip, chunking: .serial) else {
                Issue.record("could not load seed \(seed)")
                return
            }
            for size in Self.chunkSizes {
                guard let chunked = try? Self.load(bytes, skip: skip, chunking: .bytes(size)) else {
                    Issue.record("could not load seed \(seed) in chunks of \(size)")
                    return
                }
                #expect(chunked.messages == serial.messages, "seed \(seed), rows \(rows), chunks of \(size)")
                #expect(chunked.json == serial.json, "seed \(seed), rows \(rows), chunks of \(size)")
                #expect(chunked.rows == serial.rows && chunked.skipped == serial.skipped, "seed \(seed), chunks of \(size)")
            }
        }
    }

    /// The check can fail: the generated files have every kind of bad row and of
    /// unreadable file (so the comparison above is not between empty reports).
    @Test func generatedFilesHoldWhatTheComparisonIsAbout() throws {
        var messages: [String] = []
        var rows = 0
        for seed in 0..<40 {
            let loaded = try Self.load(Self.ordersFile(seed: seed, rows: 60, crlf: seed % 2 == 0, bom: seed % 3 == 0), skip: seed % 2 == 0, chunking: .bytes(13))
            messages += loaded.messages
            rows += loaded.rows
        }
        for expected in ["not an ISO 8601 date", "as in the header", "text after the closing quote", "invalid UTF-8", "must share one customer",
                         "is not a number", "unterminated quoted field", "a NUL byte", "row skipped"] {
            #expect(messages.contains { $0.contains(expected) }, "no message with '\(expected)'")
        }
        #expect(rows > 40 * 30)
    }
}

/// Chunked reading of files whose answers are known, so a merge that is wrong in the same
/// way as the one-pass reader still fails.
@Suite struct CSVChunkedReadTests {
    /// Lines 2–4 hold one record; every chunk size puts an edge inside it somewhere.
    static let lines = [
        "order_id,customer_id,date,amount,note",
        "1,A,2026-01-01,10,\"multi\r\nline\r\nnote\"",
        "2,B,2026-13-01,5,x",
        "1,A,2026-02-01,2.5,y",
        "3,B,2026-02-03,7,z",
        "4,D,2026-01-03,7",
        "5,A,2026-03-04,1,\"q\"",
    ]

    @Test(arguments: CSVChunkedReadPropertyTests.chunkSizes)
    func badRowsKeepTheirLinesAndOrdersTheirTotals(chunkSize: Int) throws {
        let bytes = Array((Self.lines.joined(separator: "\r\n") + "\r\n").utf8)
        let loaded = try CSVChunkedReadPropertyTests.load(bytes, skip: true, chunking: .bytes(chunkSize))
        #expect(loaded.messages == [
            "content/data/orders.csv:5:5: warning: column 'date': '2026-13-01' is not an ISO 8601 date such as 2026-03-07 or 2026-03-07 14:30:00 (row skipped: bad_rows: skip)",
            "content/data/orders.csv:8:17: warning: expected 5 fields as in the header, found 4 (row skipped: bad_rows: skip)",
        ])
        #expect(loaded.rows == 6 && loaded.skipped == 2)
        guard case .object(let figures) = loaded.json else { Issue.record("not an object"); return }
        let value = { (key: String) in figures.first { $0.0 == key }?.1 }
        #expect(value("orders") == .int(3))
        #expect(value("customers") == .int(2))
        #expect(value("revenue") == .decimal("20.5"))
    }

    /// An order of two customers across chunks is reported at the row that changes it,
    /// as in one pass (the chunks are read again in one pass).
    @Test(arguments: [1, 7, 30])
    func anOrderOfTwoCustomersAcrossChunksIsReportedAsInOnePass(chunkSize: Int) throws {
        let text = "order_id,customer_id,date,amount\n1,A,2026-01-01,10\n2,B,2026-01-02,4\n1,B,2026-01-03,5\n"
        let loaded = try CSVChunkedReadPropertyTests.load(Array(text.utf8), skip: false, chunking: .bytes(chunkSize))
        #expect(loaded.messages == [
            "content/data/orders.csv:4:3: error: column 'customer_id': order '1' belongs to customer 'A' on earlier rows, but this row says 'B'; the rows of one order must share one customer",
        ])
    }
}

/// The reader skips eight bytes at a time through unquoted fields: a comma, LF, CR or
/// NUL at any of the eight places of a word, and fields of every length around a word,
/// still end the field exactly there.
@Suite struct CSVFieldScanTests {
    @Test func delimitersAtEveryPlaceOfAWordEndTheirField() throws {
        // Row k: a field of k letters (k = 0…40) then a field of 40 − k, so field ends fall
        // on every offset modulo 8; non-ASCII (bytes ≥ 0x80) and spaces in between.
        let letters = Array("abcdéfghijklm nopqrstu€vwxyzABCDEFGHIJKLMNOPQ")
        let rows = (0...40).map { k in [String(letters.prefix(k)), String(letters.suffix(40 - k))] }
        for lineEnd in ["\n", "\r\n", "\r"] {
            let text = "first,second" + lineEnd + rows.map { $0.joined(separator: ",") }.joined(separator: lineEnd) + lineEnd
            let fixture = try DatasetsFixture(["t.csv": text])
            let (dataset, messages) = try fixture.loadOne()
            #expect(messages == [])
            let read = dataset.table(named: nil)?.rows.map { $0.map { $0.text ?? "" } }
            #expect(read == rows, "line end \(lineEnd.debugDescription)")
        }
    }

    @Test func aNulByteAnywhereInALongFieldIsFoundAtItsColumn() throws {
        for place in 0..<17 {
            var bytes = Array("x,y\n".utf8) + Array(repeating: UInt8(ascii: "a"), count: 20) + Array(",b\n".utf8)
            bytes[4 + place] = 0
            let fixture = try DatasetsFixture()
            try fixture.writeBytes("t.csv", bytes)
            let (_, messages) = try fixture.loadOne()
            #expect(messages == ["content/data/t.csv:2:\(place + 1): error: a NUL byte: not a text file (a CSV dataset is UTF-8 text), so it is not read"])
        }
    }
}
