import Testing
@testable import LoysiteRender

/// The one-pass byte scan for wikilinks against a simple reference that reads the rule
/// `WikilinkScan` documents one opener at a time: a `[[` opens when its run of `[` is
/// exactly two long and no `!` stands before it; it is a link when the first bracket
/// after it starts `]]`. The unclosed one is, as documented, the first opener after the
/// last link that no link closes — whether the end of the text, a later opener or a
/// single bracket (`[[a]b`, `[[a ![[b`) leaves it open. (`unclosed`, the reference's
/// other answer, is what the scan said before it reported the single-bracket cases.)
@Suite struct WikilinkScanPropertyTests {
    static let pieces = ["[", "]", "[[", "]]", "!", "a", "b", " ", "\n", "é", "|", "[[a]]", "![["]

    static func reference(_ bytes: [UInt8]) -> (links: [Range<Int>], unclosed: Int?, documentedUnclosed: Int?) {
        let open = UInt8(ascii: "["), close = UInt8(ascii: "]")
        func isBracket(_ index: Int) -> Bool { bytes[index] == open || bytes[index] == close }
        func opens(_ index: Int) -> Bool {
            guard index + 1 < bytes.count, bytes[index] == open, bytes[index + 1] == open else { return false }
            if index > 0, bytes[index - 1] == open || bytes[index - 1] == UInt8(ascii: "!") { return false }
            return index + 2 >= bytes.count || bytes[index + 2] != open
        }
        /// The first bracket after the opener at `index`.
        func firstBracket(after index: Int) -> Int? {
            (index + 2..<bytes.count).first(where: isBracket)
        }
        var links: [Range<Int>] = []
        var leftOpen: [Int] = []
        var notClosed: [Int] = []
        var index = 0
        while index < bytes.count {
            guard opens(index) else {
                index += 1
                continue
            }
            let bracket = firstBracket(after: index)
            if let bracket, bracket + 1 < bytes.count, bytes[bracket] == close, bytes[bracket + 1] == close {
                links.append(index..<bracket + 2)
                leftOpen.removeAll()
                notClosed.removeAll()
                index = bracket + 2
                continue
            }
            notClosed.append(index)
            if bracket == nil || opens(bracket!) || bracket == bytes.count - 1 { leftOpen.append(index) }
            index += 2
        }
        return (links, leftOpen.first, notClosed.first)
    }

    @Test func findsWhatReadingOneOpenerAtATimeFinds() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2000 {
            let text = (0..<Int.random(in: 0...16, using: &generator)).map { _ in Self.pieces.randomElement(using: &generator)! }.joined()
            let bytes = Array(text.utf8)
            let scan = WikilinkScan(bytes)
            let expected = Self.reference(bytes)
            #expect(scan.links == expected.links, "\(text.debugDescription)")
            #expect(scan.unclosed == expected.documentedUnclosed, "\(text.debugDescription)")
        }
    }

    @Test func findsWhatReadingOneOpenerAtATimeFindsInLongTexts() {
        // The scan passes over eight bytes at a time between brackets: runs of other
        // bytes of every length put brackets at every place of a word and near the end.
        var generator = SystemRandomNumberGenerator()
        let pieces = Self.pieces + (1...17).map { String(repeating: "x", count: $0) } + ["é\u{1F600}", "!x", "]x[", "[[x]]"]
        for _ in 0..<2000 {
            let text = (0..<Int.random(in: 0...40, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            let bytes = Array(text.utf8)
            let scan = WikilinkScan(bytes)
            let expected = Self.reference(bytes)
            #expect(scan.links == expected.links, "\(text.debugDescription)")
            #expect(scan.unclosed == expected.documentedUnclosed, "\(text.debugDescription)")
        }
    }

    @Test func theReferenceCanFail() {
        #expect(Self.reference(Array("[[a]] ![[b]] [[[c]]] [[d".utf8)).links == [0..<5])
        #expect(Self.reference(Array("x [[d".utf8)).unclosed == 2)
        #expect(Self.reference(Array("[[a]b".utf8)).unclosed == nil)
        #expect(Self.reference(Array("[[a]b".utf8)).documentedUnclosed == 0)
    }
}
