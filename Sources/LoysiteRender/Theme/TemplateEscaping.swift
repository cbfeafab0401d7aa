import LoysiteSupport

/// HTML escaping of `{{name}}` values: `< > & " '` become `&lt; &gt; &amp; &quot; &#39;`.
///
/// It works on UTF-8 bytes, copying runs without special characters at once. The result
/// is that of swift-mustache, which escaped `Character` by `Character`: a special
/// character that is part of a larger grapheme cluster (`<` followed by a combining mark,
/// or after a prepended mark) was not a `"<"` Character there and was kept. Such
/// clusters need a non-ASCII neighbour, so when one is next to a special character the
/// text takes the Character-by-Character path and stays exactly as before.
enum TemplateEscaping {
    private enum Plan {
        case verbatim, bytes, characters
    }

    /// Whether one of the eight bytes of `word` may be special or a control character
    /// (below 0x20 or DEL; never false when one is).
    @inline(__always) private static func mayHaveSpecial(_ word: UInt64) -> Bool {
        @inline(__always) func mayEqual(_ byte: UInt8) -> UInt64 { ByteLanes.mayEqual(word, byte) }
        return mayEqual(0x3C) | mayEqual(0x3E) | mayEqual(0x26) | mayEqual(0x22) | mayEqual(0x27) | mayEqual(0x7F) | ByteLanes.mayBeBelow(word, 0x20) != 0
    }

    /// A control character `Escape.removingControlCharacters` drops.
    @inline(__always) private static func isDropped(_ byte: UInt8) -> Bool {
        (byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D) || byte == 0x7F
    }

    @inline(__always) private static func isSpecial(_ byte: UInt8) -> Bool {
        byte == 0x3C || byte == 0x3E || byte == 0x26 || byte == 0x22 || byte == 0x27
    }

    /// Appends `text` escaped; returns whether it holds a control character that
    /// `Escape.removingControlCharacters` drops (found by the same look at the bytes, so
    /// a page's values need not be looked through again for them).
    @discardableResult
    static func appendHTML(_ text: String, to output: TemplateOutput) -> Bool {
        var text = text
        var control = false
        let plan = text.withUTF8 { bytes -> Plan in
            var found = false
            let count = bytes.count
            var index = 0
            while index < count {
                // Eight bytes none of which is special are passed over at once: most
                // values (titles, summaries, links) have nothing to escape.
                if index + 8 <= count, !mayHaveSpecial(UnsafeRawPointer(bytes.baseAddress!).loadUnaligned(fromByteOffset: index, as: UInt64.self)) {
                    index += 8
                    continue
                }
                let end = Swift.min(index + 8, count)
                while index < end {
                    if isSpecial(bytes[index]) {
                        found = true
                        if (index > 0 && bytes[index - 1] >= 0x80) || (index + 1 < count && bytes[index + 1] >= 0x80) {
                            control = Escape.containsControlCharacter(UnsafeRawBufferPointer(bytes))
                            return .characters
                        }
                    } else if isDropped(bytes[index]) {
                        control = true
                    }
                    index += 1
                }
            }
            return found ? .bytes : .verbatim
        }
        switch plan {
        case .verbatim:
            text.withUTF8 { output.append($0) }
        case .bytes:
            text.withUTF8 { bytes in
                var runStart = 0
                for index in bytes.indices where isSpecial(bytes[index]) {
                    if index > runStart { output.append(UnsafeBufferPointer(rebasing: bytes[runStart..<index])) }
                    append(bytes[index], to: output)
                    runStart = index + 1
                }
                if runStart < bytes.count { output.append(UnsafeBufferPointer(rebasing: bytes[runStart...])) }
            }
        case .characters:
            for character in text {
                if character.utf8.count == 1, let byte = character.utf8.first, isSpecial(byte) {
                    append(byte, to: output)
                } else {
                    for byte in character.utf8 { output.append(byte) }
                }
            }
        }
        return control
    }

    @inline(__always) private static func append(_ special: UInt8, to output: TemplateOutput) {
        switch special {
        case 0x3C: output.append("&lt;" as StaticString)
        case 0x3E: output.append("&gt;" as StaticString)
        case 0x26: output.append("&amp;" as StaticString)
        case 0x22: output.append("&quot;" as StaticString)
        default: output.append("&#39;" as StaticString)
        }
    }
}
