import Foundation
import LoysiteSupport
import PropertyBased
import Testing

/// The byte scanners readers use to point at a place: UTF-8 validation (against the
/// standard library's validating decoder) and column counting (against counting from the
/// line's start).
@Suite struct TextScanningTests {
    /// Bytes of every kind: ASCII, valid sequences of each length, and the ways UTF-8
    /// goes wrong (stray continuation bytes, overlong forms, surrogates, > U+10FFFF,
    /// truncated sequences, 0xFF).
    static let pieces: [[UInt8]] = [
        [0x61], [0x20], [0x0A], [0x00], Array("é".utf8), Array("€".utf8), Array("🎉".utf8), Array("ab,cd".utf8),
        [0x80], [0xBF], [0xC0, 0x80], [0xC1, 0xBF], [0xE0, 0x80, 0x80], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80],
        [0xF5, 0x80, 0x80, 0x80], [0xE2, 0x82], [0xF0, 0x9F, 0x8E], [0xFF], [0xFE], [0xC3],
    ]
    static let bytes = Gen.int(in: 0...(pieces.count - 1)).array(of: 0...40).map { $0.flatMap { pieces[$0] } }

    @Test func firstInvalidByteAgreesWithTheStandardLibrary() async {
        await propertyCheck(count: 1000, input: Self.bytes) { bytes in
            let found = UTF8Validation.firstInvalidByte(in: bytes, range: 0..<bytes.count)
            #expect((found == nil) == (String(validating: bytes, as: UTF8.self) != nil), "\(bytes)")
            if let found {
                // Everything before it is valid; from it on, a decoder fails at once.
                #expect(String(validating: bytes[..<found], as: UTF8.self) != nil, "\(bytes) at \(found)")
                var iterator = bytes[found...].makeIterator()
                var decoder = UTF8()
                if case .scalarValue = decoder.decode(&iterator) {
                    Issue.record("byte \(found) of \(bytes) starts a valid sequence")
                }
            }
        }
    }

    @Test func columnsCountedLeftToRightMatchCountingFromTheLineStart() async {
        await propertyCheck(count: 300, input: Self.bytes) { bytes in
            var counter = ColumnCounter()
            for target in 0...bytes.count {
                let naive = 1 + bytes[..<target].filter { $0 & 0xC0 != 0x80 }.count
                #expect(counter.column(at: target, in: bytes) == naive)
            }
            // Asked backwards, it counts again from the start of the line.
            #expect(counter.column(at: 0, in: bytes) == 1)
        }
    }

    @Test func aNewLineStartsAtColumnOne() {
        let bytes = Array("ab\nçd".utf8)
        var counter = ColumnCounter()
        #expect(counter.column(at: 2, in: bytes) == 3)
        counter.startLine(at: 3)
        #expect(counter.column(at: 3, in: bytes) == 1)
        #expect(counter.column(at: 5, in: bytes) == 2)  // after the two bytes of ç
        #expect(counter.column(at: 6, in: bytes) == 3)
    }
}
