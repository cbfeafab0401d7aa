import Foundation
import LoysiteContent
import LoysiteSupport
import PropertyBased
import Testing

/// CSV reading against CSV writing: any table of texts with commas, quotes, line breaks
/// (LF and CRLF), spaces and non-ASCII, written the RFC 4180 way with either line end,
/// with or without a byte-order mark, reads back cell for cell.
@Suite struct CSVRoundTripPropertyTests {
    /// A cell that reads as text (it starts with a letter, so it is never a number or empty).
    static let cell = zip(Gen<String?>.element(of: ["a", "Z", "é", "日", "🎉"]), Gen<String?>.element(of: [
        "a", "b", " ", ",", "\"", "\"\"", "\n", "\r\n", ", ", "x y", "'", ";", "é", "€", "🎉", "1", ".5", "-",
    ]).array(of: 0...8)).map { first, rest -> String in
        var text = (first ?? "a") + rest.compactMap { $0 }.joined()
        while text.last == " " { text.removeLast() }  // readers may trim trailing spaces; not under test
        return text
    }

    static let table = zip(Gen.int(in: 1...4), cell.array(of: 4 * 6), Gen.int(in: 0...5), Gen.bool, Gen.bool)

    static func quoted(_ field: String) -> String {
        field.unicodeScalars.contains { ",\"\n\r".unicodeScalars.contains($0) } || field.hasPrefix(" ") ? "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : field
    }

    @Test func writtenTablesReadBackCellForCell() async throws {
        await propertyCheck(count: 150, input: Self.table) { columns, cells, rowCount, crlf, bom in
            let header = (0..<columns).map { "column \($0)" }
            let rows = (0..<rowCount).map { row in (0..<columns).map { cells[row * columns + $0] } }
            let lineEnd = crlf ? "\r\n" : "\n"
            let text = (bom ? "\u{FEFF}" : "") + ([header] + rows).map { $0.map(Self.quoted).joined(separator: ",") }.joined(separator: lineEnd) + lineEnd
            guard let fixture = try? DatasetsFixture(["t.csv": text]), let loaded = try? fixture.loadOne() else {
                Issue.record("could not load \(text.debugDescription)")
                return
            }
            #expect(loaded.messages == [], "\(text.debugDescription)")
            #expect(loaded.dataset.columns == header)
            #expect(loaded.dataset.rows == rowCount)
            let read = loaded.dataset.table(named: nil)?.rows.map { $0.map { $0.text ?? "<null>" } }
            #expect(read == rows, "\(text.debugDescription)")
        }
    }
}
