/// Text from content (file names, column names, messages quoting the data) made safe
/// to print on a terminal or into a log: a file named `x\nfake.md:1:1: error: …` must
/// not forge a second diagnostic line, and a CSV header holding `ESC [ 2 J` must not
/// clear the screen.
///
/// Every character that a terminal acts on instead of showing is written as a visible
/// escape, the way Swift writes it in a string literal:
/// - line feed, carriage return and tab as `\n`, `\r`, `\t`;
/// - every other C0 control, DEL and the C1 controls (U+0080–U+009F, which some
///   terminals take as ESC sequences) as `\u{1B}`, `\u{7F}`, `\u{9B}`;
/// - the Unicode line and paragraph separators (U+2028, U+2029) and the bidirectional
///   controls (U+061C, U+200E, U+200F, U+202A–U+202E, U+2066–U+2069, which can make a
///   line read differently from what it holds) as `\u{202E}` and so on.
///
/// A backslash already in the text is left alone, so Windows-style paths and LaTeX read
/// as they are; an escape written by this function is told apart by what it escapes
/// (no real control character survives), which is what matters against forged lines.
package enum TerminalText {
    /// `text` on one line, every control character escaped.
    package static func escaped(_ text: String) -> String {
        escape(text, keepingLineBreaks: false)
    }

    /// `text` whose line feeds separate lines on purpose (a report of several lines):
    /// line feeds stay, everything else is escaped as in `escaped`.
    package static func escapedKeepingLineBreaks(_ text: String) -> String {
        escape(text, keepingLineBreaks: true)
    }

    static func escape(_ text: String, keepingLineBreaks: Bool) -> String {
        guard mayNeedEscaping(text) else { return text }
        var out = String()
        out.reserveCapacity(text.utf8.count + 16)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\n" where keepingLineBreaks: out.unicodeScalars.append(scalar)
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if isEscaped(scalar) {
                    out += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
    }

    /// Whether a scalar is written as `\u{…}`.
    static func isEscaped(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F: return true
        case 0x061C, 0x200E, 0x200F, 0x2028...0x202E, 0x2066...0x2069: return true
        default: return false
        }
    }

    /// A quick look at the bytes, since almost every line needs nothing: only bytes
    /// below 0x20, DEL, and the lead bytes of the escaped ranges' UTF-8 forms (0xC2 for
    /// C1 controls, 0xD8 for U+061C, 0xE2 for the U+20xx ones) can start one.
    static func mayNeedEscaping(_ text: String) -> Bool {
        text.utf8.contains { $0 < 0x20 || $0 == 0x7F || $0 == 0xC2 || $0 == 0xD8 || $0 == 0xE2 }
    }
}
