import Testing
@testable import LoysiteRender

/// `NameSearch`'s search by byte pairs against walking its automaton over every byte.
@Suite struct NameSearchPropertyTests {
    @Test func findsWhatTheAutomatonFinds() {
        var generator = SystemRandomNumberGenerator()
        // Capitals and small letters, the bytes just outside A…Z, the characters whose
        // lower case is ASCII (and their first bytes alone), other UTF-8.
        let pieces = ["ab", "AB", "aB", "b", "c", "@", "[", "`", "{", " ", "\u{212A}", "\u{0130}", "é", "\u{2100}", "\u{0100}", "x", "abc"]
        func text(_ parts: ClosedRange<Int>) -> String {
            (0..<Int.random(in: parts, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
        }
        var found = 0
        for _ in 0..<3000 {
            let names = (0..<Int.random(in: 1...4, using: &generator)).map { _ in text(1...3) }
            let search = NameSearch(names)
            // Long enough for several blocks of 32 bytes and a tail.
            let sample = text(0...90)
            let expected = search.occursByAutomaton(in: sample)
            if expected { found += 1 }
            #expect(search.occurs(in: sample) == expected, "names \(names) text \(sample.debugDescription)")
        }
        #expect(found > 100 && found < 2900, "\(found) of 3000 found")
    }
}
