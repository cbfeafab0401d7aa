/// Escaping for every place content ends up in: HTML text, HTML attributes, SVG and XML.
///
/// One function serves all of them: it escapes the five characters that are special in
/// any of those contexts and drops the control characters that XML 1.0 forbids (a stray
/// one from a CSV export would otherwise make an SVG or the sitemap unparseable).
package enum Escape {
    /// Escapes `& < > " '` and removes C0 control characters other than tab, LF and CR.
    package static func html(_ text: String) -> String {
        var needsWork = false
        for byte in text.utf8 where byte < 0x20 || byte == 0x26 || byte == 0x3C || byte == 0x3E || byte == 0x22 || byte == 0x27 || byte == 0x7F {
            if byte == 0x09 || byte == 0x0A || byte == 0x0D { continue }
            needsWork = true
            break
        }
        guard needsWork else { return text }
        var out = String()
        out.reserveCapacity(text.utf8.count + 16)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// The same as `html`: XML (SVG, sitemap, Atom) needs exactly the same treatment.
    package static func xml(_ text: String) -> String { html(text) }

    /// Removes control characters that are not allowed in XML 1.0 or HTML text,
    /// without escaping markup (for text that a trusted renderer escapes itself).
    package static func removingControlCharacters(_ text: String) -> String {
        guard text.utf8.contains(where: { ($0 < 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D) || $0 == 0x7F }) else {
            return text
        }
        var out = String()
        for scalar in text.unicodeScalars {
            if (scalar.value < 0x20 && scalar != "\t" && scalar != "\n" && scalar != "\r") || scalar.value == 0x7F { continue }
            out.unicodeScalars.append(scalar)
        }
        return out
    }

    /// `removingControlCharacters` on UTF-8 bytes in place: the bytes removed are
    /// exactly the scalars removed, since those are ASCII.
    package static func removeControlCharacters(_ bytes: inout [UInt8]) {
        func isRemoved(_ byte: UInt8) -> Bool { (byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D) || byte == 0x7F }
        guard containsControlCharacter(bytes) else { return }
        bytes.removeAll(where: isRemoved)
    }

    /// `removeControlCharacters` on bytes in place, for a buffer that is not an array:
    /// the bytes kept are moved to the front, and their number returned.
    package static func removeControlCharacters(in bytes: UnsafeMutableBufferPointer<UInt8>) -> Int {
        guard containsControlCharacter(UnsafeRawBufferPointer(bytes)) else { return bytes.count }
        var kept = 0
        for index in bytes.indices {
            let byte = bytes[index]
            if (byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D) || byte == 0x7F { continue }
            bytes[kept] = byte
            kept += 1
        }
        return kept
    }

    /// Whether any byte is a control character other than tab, LF and CR, or DEL:
    /// eight bytes at a time, since every page's bytes are checked (a byte-by-byte test
    /// was 4% of a build). A word with a byte below 0x20 or equal to 0x7F is looked at
    /// byte by byte (tabs and line breaks are below 0x20 too, and common).
    static func containsControlCharacter(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBytes { containsControlCharacter($0) }
    }

    /// `containsControlCharacter` of any bytes.
    package static func containsControlCharacter(_ raw: UnsafeRawBufferPointer) -> Bool {
        let count = raw.count
        var index = 0
        while index + 8 <= count {
            let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
            // A byte below 0x20, or a byte equal to 0x7F.
            if ByteLanes.mayBeBelow(word, 0x20) | ByteLanes.mayEqual(word, 0x7F) != 0 {
                for offset in index..<index + 8 {
                    let byte = raw[offset]
                    if (byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D) || byte == 0x7F { return true }
                }
            }
            index += 8
        }
        while index < count {
            let byte = raw[index]
            if (byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D) || byte == 0x7F { return true }
            index += 1
        }
        return false
    }
}
