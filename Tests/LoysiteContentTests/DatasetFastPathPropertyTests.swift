import Foundation
@testable import LoysiteContent
import LoysiteMetrics
import PropertyBased
import LoysiteTesting
import Testing

/// The fast paths of the dataset readers against the general code they stand in for:
/// where a fast path answers, its answer is the reference's, bit for bit.
@Suite struct DatasetFastPathPropertyTests {
    typealias Numbers = SeededNumbers

    static func withBytes<R>(_ text: String, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        var text = text
        return text.withUTF8(body)
    }

    /// Texts near and far from decimals: signs, points, spaces, separators, exponents,
    /// and runs of up to 40 digits (past both the 18 of the short path and the 36 read).
    static func decimalText(_ numbers: inout Numbers) -> String {
        let pieces = ["0", "1", "5", "9", "00", "10", "123", "999999999", "000000000000", ".", "-", "+", " ", "\t", ",", "e", "E", "x", "_", "'"]
        var text = ""
        for _ in 0..<numbers.below(8) {
            text += numbers.chance(70) ? String(numbers.below(10)) : pieces[numbers.below(pieces.count)]
        }
        if numbers.chance(10) { text += String(repeating: "7", count: numbers.below(40)) }
        return text
    }

    @Test func shortDecimalsAreReadAsTheGeneralParserReadsThem() {
        var numbers = SeededNumbers(seed: 18)
        var short = 0
        for _ in 0..<50_000 {
            let text = Self.decimalText(&numbers)
            Self.withBytes(text) { bytes in
                let reference = DecimalText.parseAny(bytes)
                if let fast = DecimalText.parseShort(bytes) {
                    short += 1
                    #expect(reference == .success(fast), "'\(text)'")
                }
                #expect(DecimalText.parse(bytes) == reference, "'\(text)'")
            }
        }
        // The comparison is not vacuous: most texts that are numbers take the short path.
        #expect(short > 12_000)
    }

    @Test func eighteenDigitsAndNineteen() {
        for text in ["999999999999999999", "-999999999999999999", "9999999999999999999", "0.000000000000000001", "1234567890.12345678", "+.5", "-.", "+", "."] {
            Self.withBytes(text) { bytes in
                #expect(DecimalText.parse(bytes) == DecimalText.parseAny(bytes), "'\(text)'")
            }
        }
        Self.withBytes("9999999999999999999") { #expect(DecimalText.parseShort($0) == nil) }
    }

    /// quantity × price from the two texts at once (trailing zeros kept), against parsing
    /// both and multiplying the values: the same money wherever the short product answers.
    @Test func shortProductsAreTheProductsOfTheParsedValues() {
        var numbers = SeededNumbers(seed: 29)
        let common = ["6", "12", "-3", "2.55", "0.85", "1.250", "10.00", "0", "-0.0", "+7", ".5", "5.", "100000", "0.001", "2147483647", "2147483648", "1.000000000000", "0.0000001"]
        var short = 0
        for _ in 0..<50_000 {
            func text() -> String { numbers.chance(50) ? common[numbers.below(common.count)] : Self.decimalText(&numbers) }
            let left = text(), right = text()
            Self.withBytes(left) { leftBytes in
                Self.withBytes(right) { rightBytes in
                    guard let fast = DecimalText.shortProduct(leftBytes, rightBytes) else { return }
                    short += 1
                    guard case .success(let quantity) = DecimalText.parse(leftBytes), case .success(let price) = DecimalText.parse(rightBytes) else {
                        Issue.record("'\(left)' × '\(right)': a short product of texts that are not numbers")
                        return
                    }
                    #expect(quantity.moneyProduct(price) == fast, "'\(left)' × '\(right)'")
                }
            }
        }
        #expect(short > 15_000)
    }

    /// quantity × price straight to money units, against the product normalised first.
    @Test func moneyProductsAreTheNormalisedProducts() {
        var numbers = SeededNumbers(seed: 7)
        let magnitudes: [Int128] = [0, 1, 7, 10, 100, 2550, 1_000_000, 999_999_999_999, Int128(Int64.max), Int128(Int64.max) + 1, Int128(Int64.min), 10_000_000_000_000_000_000_000]
        var fast = 0
        for _ in 0..<100_000 {
            func value() -> DecimalText.Value {
                var significand = numbers.chance(50) ? magnitudes[numbers.below(magnitudes.count)] : Int128(numbers.below(1_000_000))
                if numbers.chance(30) { significand = -significand }
                return DecimalText.Value(significand: significand, fractionDigits: numbers.below(16))
            }
            let left = value(), right = value()
            let reference = left.multiplied(by: right)?.money
            #expect(left.moneyProduct(right) == reference, "\(left) × \(right)")
            if left.fractionDigits + right.fractionDigits <= Money.scale, Int64(exactly: left.significand) != nil, Int64(exactly: right.significand) != nil { fast += 1 }
        }
        #expect(fast > 20_000)
    }

    /// The byte table against a dictionary of `String`s, the interner it replaced: the
    /// same index for every id, the first spelling kept, canonically equivalent ids one
    /// id (so the switch to text keys is exercised), and merging one interner into
    /// another the same as interning its ids there in order.
    @Test func idsGetTheIndicesOfAStringDictionary() {
        let pool = ["17850", "C536379", "", "A", "AB", "a", "12345678", "123456789", "1234567890123456", "\u{0}row 1",
                    "caf\u{E9}", "cafe\u{301}", "K9", "\u{212A}9", "e", "\u{E9}t\u{E9}", "x y"]
        var numbers = SeededNumbers(seed: 3)
        for round in 0..<300 {
            let asciiOnly = round % 2 == 0
            let ids = (0..<numbers.below(400)).map { _ -> String in
                if numbers.chance(50) { return "id\(numbers.below(500))" }
                let id = pool[numbers.below(pool.count)]
                return asciiOnly && !id.utf8.allSatisfy({ $0 < 0x80 }) ? "plain" : id
            }
            let split = numbers.below(ids.count + 1)
            var reference: [String: Int] = [:]
            var firstSpelling: [String] = []
            var whole = IdInterner()
            var first = IdInterner(), second = IdInterner()
            for (position, id) in ids.enumerated() {
                let expected = reference[id] ?? firstSpelling.count
                if expected == firstSpelling.count {
                    reference[id] = expected
                    firstSpelling.append(id)
                }
                let index = Self.withBytes(id) { whole.index(of: $0) }
                #expect(index == expected, "round \(round): '\(id)'")
                _ = Self.withBytes(id) { position < split ? first.index(of: $0) : second.index(of: $0) }
            }
            #expect(whole.count == firstSpelling.count)
            #expect((0..<whole.count).map(whole.name(at:)) == firstSpelling)
            let merged = (0..<second.count).map { first.index(ofIdAt: $0, in: second) }
            #expect(first.count == whole.count && (0..<first.count).map(first.name(at:)) == firstSpelling, "round \(round)")
            #expect(merged == (0..<second.count).map { reference[second.name(at: $0)]! }, "round \(round)")
            let rank = firstSpelling.indices.sorted { firstSpelling[$0] < firstSpelling[$1] }
            #expect(whole.rankByName().enumerated().allSatisfy { rank[Int($0.element)] == $0.offset })
        }
    }

    /// Many ids, so the table grows many times, then all looked up again.
    @Test func aGrowingTableFindsEveryId() {
        var interner = IdInterner()
        let ids = (0..<200_000).map { "\($0 &* 7919 % 1_000_003)" }
        let indices = ids.map { id in Self.withBytes(id) { interner.index(of: $0) } }
        #expect(indices == Array(0..<ids.count))
        for (index, id) in ids.enumerated().reversed() { #expect(Self.withBytes(id) { interner.index(of: $0) } == index) }
    }

    /// The 64-byte window of delimiters against looking at the bytes one by one: each
    /// bit of a window is a comma, LF, CR or NUL; and walking a buffer the way the reader
    /// does (from each field end on, with jumps as past quoted fields, into the last 63
    /// bytes) finds every field end the byte loop finds.
    @Test func theDelimiterWindowFindsWhatTheByteLoopFinds() {
        var numbers = SeededNumbers(seed: 23)
        let special: [UInt8] = [0x2C, 0x0A, 0x0D, 0x00, 0x80, 0x81, 0xFF, 0x2B, 0x2D, 0x0B, 0x0C, 0x01, 0x2C ^ 0x80, 0x22, 0x8A, 0x8D]
        func randomBytes(_ count: Int, density: Int) -> [UInt8] {
            (0..<count).map { _ in numbers.chance(density) ? special[numbers.below(special.count)] : UInt8(numbers.below(256)) }
        }
        for _ in 0..<10_000 {
            let bytes = randomBytes(64, density: 1 + numbers.below(30))
            let bits = bytes.withUnsafeBytes { CSVDelimiterWindow.delimiterBits($0.baseAddress!) }
            let expected = bytes.enumerated().reduce(UInt64(0)) { [0x2C, 0x0A, 0x0D, 0x00].contains($1.element) ? $0 | 1 << UInt64($1.offset) : $0 }
            #expect(bits == expected, "\(bytes)")
            let plainBits = bytes.withUnsafeBytes { CSVDelimiterWindow.fieldBits($0.baseAddress!) }
            let plainExpected = bytes.enumerated().reduce(UInt64(0)) { [0x2C, 0x0A, 0x0D, 0x00, 0x22].contains($1.element) || $1.element >= 0x80 ? $0 | 1 << UInt64($1.offset) : $0 }
            #expect(plainBits == plainExpected, "\(bytes)")
        }
        var ends = 0
        for _ in 0..<3_000 {
            let bytes = randomBytes(numbers.below(600), density: numbers.chance(50) ? 3 : 1 + numbers.below(40))
            bytes.withUnsafeBufferPointer { buffer in
                let base = buffer.baseAddress ?? UnsafePointer(bitPattern: 8)!
                var window = CSVDelimiterWindow()
                var pos = 0
                while pos <= buffer.count {
                    let found = window.firstDelimiter(in: base, from: pos, before: buffer.count)
                    #expect(found == CSVDelimiterWindow.firstDelimiterByBytes(in: base, from: pos, before: buffer.count), "from \(pos) in \(bytes)")
                    ends += 1
                    pos = found + 1 + (numbers.chance(20) ? numbers.below(100) : 0)
                    if numbers.chance(3) { window.invalidate() }
                }
            }
        }
        #expect(ends > 20_000)
    }
}

/// `CSVReader.scanPlainRecord` against `scanRecord` alone: over random files — quoted
/// fields with commas, line ends and `""`, text after a closing quote, CRLF, lone CRs,
/// blank lines, NULs, rows longer than a window, files larger than the buffer — the
/// readers with and without the plain-record path hand out the same records (fields,
/// bytes, lines, problems) and stop with the same error.
@Suite struct CSVPlainRecordTests {
    struct Record: Equatable {
        var start: Int
        var line: Int
        var fields: [[UInt8]]
        var escaped: [Bool]
        var positions: [CSVPosition]
        var problem: CSVRecordProblem?
        var isASCII: Bool
    }

    static func records(of path: String, plain: Bool) -> (records: [Record], error: CSVSyntaxError?) {
        let descriptor = open(path, O_RDONLY)
        var reader = CSVReader(fileDescriptor: descriptor, ownsDescriptor: true, from: 0, before: Int.max, splitsPlainRecords: plain)
        var records: [Record] = []
        do {
            while let record = try reader.next() {
                records.append(Record(
                    start: record.start, line: record.line, fields: (0..<record.count).map { Array(record.rawBytes(of: $0)) },
                    escaped: (0..<record.count).map { record.isEscaped($0) }, positions: (0..<record.count).map { record.position(ofField: $0) },
                    problem: record.problem, isASCII: record.isASCII))
            }
        } catch {
            return (records, error)
        }
        return (records, nil)
    }

    static func randomFile(_ numbers: inout SeededNumbers, rows: Int) -> [UInt8] {
        let pieces = ["a", "17850", "2010-12-01 08:26:00", "WHITE HANGING HEART T-LIGHT HOLDER", "", "2.55", "caf\u{E9}",
                      "\"q, \"\"x\"\"\"", "\"two\nlines\"", "\"cr\r\nlf\"", "\"a\"x", "in\"side", String(repeating: "long", count: 30)]
        // (A lone quote would open a field that runs to the end of the file, and a NUL
        // ends it: some files end with the one or hold the other.)
        let rare = ["\r", "\n", "\r\n", "x\"", "\"\"x"]
        var text = ""
        for _ in 0..<rows {
            let fields = 1 + numbers.below(9)
            text += (0..<fields).map { _ in
                numbers.chance(2) ? rare[numbers.below(rare.count)] : pieces[numbers.below(pieces.count)]
            }.joined(separator: ",")
            text += numbers.chance(20) ? "\r\n" : numbers.chance(3) ? "\n\n" : numbers.chance(2) ? "\r" : "\n"
        }
        return Array(text.utf8)
    }

    @Test(arguments: 0..<6)
    func plainRecordsAreSplitAsTheGeneralScannerSplitsThem(seed: Int) throws {
        var numbers = SeededNumbers(seed: UInt64(1_000 + seed))
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("plain-records-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        var plainRecords = 0
        for file in 0..<8 {
            // The last file of each seed is larger than the reader's buffer.
            var bytes = Self.randomFile(&numbers, rows: file == 7 ? 40_000 : 20 + numbers.below(400))
            if file == 7 { while bytes.count < 3 * CSVReader.blockSize { bytes += bytes.prefix(bytes.count / 2) } }
            if numbers.chance(10) { bytes += Array("\"never closed,\n1,2\n".utf8) }
            if numbers.chance(10) { bytes.insert(0, at: numbers.below(bytes.count)) }
            let path = folder.appendingPathComponent("\(file).csv").path
            try Data(bytes).write(to: URL(fileURLWithPath: path))
            let fast = Self.records(of: path, plain: true), general = Self.records(of: path, plain: false)
            #expect(fast.records.count == general.records.count, "file \(file)")
            for (one, other) in zip(fast.records, general.records) where one != other {
                Issue.record("line \(other.line): \(one) against \(other)")
                break
            }
            #expect(fast.error == general.error)
            plainRecords += general.records.count { $0.problem == nil && !$0.escaped.contains(true) }
        }
        #expect(plainRecords > 10_000)
    }
}

/// A CSV row that repeats the last added row's order, customer and date takes them from
/// it (`RepeatedOrderRow`); JSON rows never do. So the same orders written both ways —
/// runs of rows of one order, with a row of another customer in a run, rows without a
/// customer or an order id, ids of spaces or with `""` escapes, bad dates and amounts
/// inside runs, orders coming back later — give the same figures, rows and messages
/// (but for the file name and columns).
@Suite struct RepeatedOrderRowTests {
    @Test(arguments: 0..<4)
    func repeatedRowsGiveTheFiguresOfRowsReadInFull(seed: Int) throws {
        var numbers = SeededNumbers(seed: UInt64(77 + seed))
        var csv = "order_id,customer_id,date,amount\n"
        var json = "["
        var rows = 0
        func quoted(_ text: String) -> String { "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }
        func jsonString(_ text: String) -> String { "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\"" }
        for _ in 0..<700 {
            let orderNumber = numbers.below(500)
            var order = numbers.chance(5) ? "" : numbers.chance(5) ? "  " : numbers.chance(5) ? "O\"\(orderNumber)" : "O\(orderNumber)"
            var customerId = numbers.chance(8) ? "" : numbers.chance(5) ? "C\"\(orderNumber % 90)" : "C\(orderNumber % 90)"
            var day = "2026-0\(1 + numbers.below(9))-1\(numbers.below(10))"
            for _ in 0..<(1 + numbers.below(6)) {
                var rowCustomer = customerId, rowDay = day, amount = ["12.5", "-3", "0.25", "7", "100"][numbers.below(5)]
                if numbers.chance(6) { rowCustomer = "C\(numbers.below(90))" }
                if numbers.chance(4) { rowCustomer = "" }
                if numbers.chance(4) { rowDay = "2026-13-40" }
                if numbers.chance(4) { amount = "x" }
                if numbers.chance(3) { day = "2026-0\(1 + numbers.below(9))-1\(numbers.below(10))"; rowDay = day }
                if numbers.chance(2) { order = "O\(numbers.below(500))" }
                if numbers.chance(2) { customerId = rowCustomer }
                // Quoted in some rows and not in others: the same id either way.
                let fields = [order, rowCustomer, rowDay].map { $0.contains("\"") || numbers.chance(10) ? quoted($0) : $0 }
                csv += fields.joined(separator: ",") + ",\(amount)\n"
                json += (rows == 0 ? "\n" : ",\n") + "{\"order_id\": \(jsonString(order)), \"customer_id\": \(jsonString(rowCustomer)), \"date\": \(jsonString(rowDay)), \"amount\": " + (amount == "x" ? "\"x\"" : amount) + "}"
                rows += 1
            }
        }
        json += "\n]\n"
        let sidecar = "kind: orders\nbad_rows: skip\n"
        let fromCSV = try DatasetsFixture(["o.yml": sidecar, "o.csv": csv]).loadOne()
        let fromJSON = try DatasetsFixture(["o.yml": sidecar, "o.json": json]).loadOne()
        #expect(fromCSV.dataset.rows == rows && fromJSON.dataset.rows == rows)
        #expect(fromCSV.dataset.skippedRows == fromJSON.dataset.skippedRows && fromCSV.dataset.skippedRows > 0)
        #expect(fromCSV.dataset.json() == fromJSON.dataset.json())
        // Each row is on line `row + 2` in both files; only the columns differ.
        func withoutColumns(_ messages: [String]) -> [String] {
            messages.map { $0.replacingOccurrences(of: #"^content/data/o\.(?:csv|json)(:\d+)?(?::\d+)?:"#, with: "o$1:", options: .regularExpression) }
        }
        #expect(withoutColumns(fromCSV.messages) == withoutColumns(fromJSON.messages))
        #expect(fromCSV.messages.contains { $0.contains("must share one customer") })
    }
}

/// Whether a row is UTF-8 is decided from a known-ASCII span of the reader's buffer: in a
/// file of several buffers, with text that is not ASCII (good and bad) at random rows,
/// every bad row and only those is reported, at its line and column.
@Suite struct CSVASCIISpanTests {
    @Test(arguments: [0, 1, 2])
    func everyRowThatIsNotUTF8IsFoundAcrossBuffers(seed: Int) throws {
        var numbers = SeededNumbers(seed: UInt64(seed))
        var bytes = Array("order_id,customer_id,date,amount,note\n".utf8)
        var expected: [String] = []
        let padding = String(repeating: "p", count: 60)
        // Fewer bad rows than a report lists (BadRowLog.defaultLimit), so all are named.
        var badRows: Set<Int> = []
        while badRows.count < 45 { badRows.insert(numbers.below(40_000)) }
        for row in 0..<40_000 {
            var note = Array("\(padding)\(row)".utf8)
            let prefix = "O\(row),C\(row % 97),2026-01-02,1.5,"
            if badRows.contains(row) {
                let at = numbers.below(note.count)
                note.insert(0xFF, at: at)
                let column = prefix.count + at + 1
                expected.append("content/data/orders.csv:\(row + 2):\(column): warning: column 'note': invalid UTF-8 (byte 0xFF); a dataset must be UTF-8 text (re-save it as UTF-8) (row skipped: bad_rows: skip)")
            } else if numbers.chance(2) {
                note.insert(contentsOf: Array("caf\u{E9}".utf8), at: numbers.below(note.count))
            }
            bytes += Array(prefix.utf8) + note + [0x0A]
        }
        #expect(bytes.count > 3 << 20)
        for chunking in [CSVChunking.serial, .bytes(700_000)] {
            let loaded = try CSVChunkedReadPropertyTests.load(bytes, skip: true, chunking: chunking)
            let invalid = loaded.messages.filter { $0.contains("invalid UTF-8") }
            #expect(invalid.count == expected.count)
            #expect(Set(invalid) == Set(expected), "\(chunking)")
            #expect(loaded.rows == 40_000 && loaded.skipped == expected.count)
        }
    }
}

/// A JSON dataset is read in two passes (keys, then one row at a time): the same orders
/// written as CSV and as JSON — strings with escapes and text that is not ASCII, a key
/// first met in a late row, keys in another order, rows lacking a key — give the same
/// figures, rows and messages (but for the file name and positions, which differ).
@Suite struct JSONStreamingTests {
    @Test(arguments: [0, 1, 2, 3])
    func theSameOrdersAsCSVAndAsJSONGiveTheSameFigures(seed: Int) throws {
        var numbers = SeededNumbers(seed: UInt64(seed))
        var csv = "order_id,customer_id,date,amount,note\n"
        var json = "[\n"
        let notes = ["plain", "caf\u{E9}", "say \"hi\"", "back\\slash", "tab\tin", "\u{1F600}"]
        for row in 0..<2_000 {
            let order = numbers.below(600), customer = "C\(order % 150)"
            let date = "2026-0\(1 + numbers.below(9))-1\(numbers.below(10))"
            let amount = ["12.5", "-3", "0.25", "7", "x"][numbers.below(5)]
            let note = notes[numbers.below(notes.count)]
            csv += "\(order),\(customer),\(date),\(amount),\"\(note.replacingOccurrences(of: "\"", with: "\"\""))\"\n"
            let noteJSON = String(data: try JSONSerialization.data(withJSONObject: [note], options: [.fragmentsAllowed]), encoding: .utf8)!.dropFirst().dropLast()
            var fields = ["\"order_id\": \(order)", "\"customer_id\": \"\(customer)\"", "\"date\": \"\(date)\"",
                          amount == "x" ? "\"amount\": \"x\"" : "\"amount\": \(amount)"]
            // The note key first appears at row 1,500, and later rows put it first or leave it out.
            if row >= 1_500 { fields.insert("\"note\": \(noteJSON)", at: numbers.below(fields.count + 1)) }
            json += (row == 0 ? "" : ",\n") + "{" + fields.joined(separator: ", ") + "}"
        }
        json += "\n]\n"
        let fixture = try DatasetsFixture(["o.yml": "kind: orders\nbad_rows: skip\n", "o.csv": csv])
        let fromCSV = try fixture.loadOne()
        let jsonFixture = try DatasetsFixture(["o.yml": "kind: orders\nbad_rows: skip\n", "o.json": json])
        let fromJSON = try jsonFixture.loadOne()
        #expect(fromJSON.dataset.columns == ["order_id", "customer_id", "date", "amount", "note"])
        #expect(fromJSON.dataset.rows == 2_000 && fromCSV.dataset.rows == 2_000)
        #expect(fromJSON.dataset.skippedRows == fromCSV.dataset.skippedRows && fromCSV.dataset.skippedRows > 0)
        #expect(fromJSON.dataset.json() == fromCSV.dataset.json())
        #expect(fromJSON.messages.count == fromCSV.messages.count)
    }

    @Test func aStringNeverClosedIsReportedWhereItOpens() throws {
        let fixture = try DatasetsFixture(["o.json": "[\n  {\"a\": 1, \"caf\u{E9}\": \"open"])
        #expect(try fixture.loadOne().messages == ["content/data/o.json:2:20: error: invalid JSON: a string opened here is never closed"])
    }
}
