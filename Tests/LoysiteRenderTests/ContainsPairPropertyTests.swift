import PropertyBased
import Testing
@testable import LoysiteRender

/// The `memchr` search for a pair of bytes (`[[` in every text node) agrees with looking
/// at every byte, for texts with the pair at the start, the end, split runs (`[x[`), a
/// lone `[` last, and nothing at all.
@Suite struct ContainsPairPropertyTests {
    static let pieces = ["[", "]", "[[", "x", " ", "é", "![", "[x", "\n", "[[[", "a]]"]

    @Test func memchrSearchAgreesWithBytes() async {
        await propertyCheck(count: 5000, input: Gen<String?>.element(of: Self.pieces).array(of: 0...10)) { parts in
            let bytes = Array(parts.compactMap { $0 }.joined().utf8)
            bytes.withUnsafeBufferPointer { buffer in
                #expect(buffer.containsPair(UInt8(ascii: "["), UInt8(ascii: "[")) == buffer.containsPairByBytes(UInt8(ascii: "["), UInt8(ascii: "[")), "\(bytes)")
                #expect(buffer.containsPair(UInt8(ascii: "]"), UInt8(ascii: "x")) == buffer.containsPairByBytes(UInt8(ascii: "]"), UInt8(ascii: "x")), "\(bytes)")
            }
        }
    }

    @Test func edges() {
        let empty: [UInt8] = []
        empty.withUnsafeBufferPointer { #expect(!$0.containsPair(1, 1)) }
        [UInt8(1)].withUnsafeBufferPointer { #expect(!$0.containsPair(1, 1)) }
        [UInt8(1), 1].withUnsafeBufferPointer { #expect($0.containsPair(1, 1)) }
        [UInt8(2), 1, 2, 1].withUnsafeBufferPointer { #expect(!$0.containsPair(1, 1)) }
        [UInt8(2), 1, 2, 1, 1].withUnsafeBufferPointer { #expect($0.containsPair(1, 1)) }
    }
}
