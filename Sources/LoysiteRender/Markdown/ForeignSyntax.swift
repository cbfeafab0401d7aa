import Foundation
import LoysiteSupport

/// Other generators' template syntax in a Markdown body (SPEC §1 "Content written for
/// other generators"), carried over before libcmark reads the text: Hugo shortcodes
/// (`{{< name … >}}`, `{{% name … %}}`), Liquid tags and output (`{% … %}`, `{{ … }}`),
/// MDN macros (`{{Name(…)}}`), kramdown and Goldmark attribute lists (`{: … }`,
/// `{.class}`), MkDocs admonitions, snippets and abbreviations, and Hugo's `<!--more-->`
/// summary divider.
///
/// What loysite understands becomes Markdown: a link to the page it names
/// (`glossary_tooltip`, `ref`/`relref`, MDN `Glossary`, Liquid `link`), an image
/// (`figure`), nothing at all (`{{ site.baseurl }}`, which loysite's relative links do
/// not need; Liquid comments). Everything else is left out with a warning naming it;
/// paired shortcodes and Liquid blocks keep what they enclose. Code spans and fenced code
/// blocks are copied as written.
///
/// The rewritten text keeps every line where it was (constructs spanning lines leave
/// their line breaks), and `SourceEdits` maps columns of the rewritten text back to the
/// file, so every later diagnostic still points at what the author wrote.
struct ForeignSyntax {
    /// The body with the syntax carried over.
    var text: String
    /// Problems, at lines and byte columns of the original body (1-based).
    var warnings: [(message: String, line: Int, column: Int)] = []
    /// The line of the body holding `<!--more-->`, if any: the summary ends there.
    var moreLine: Int?
    var edits = SourceEdits()

    /// Link destinations the rewrite makes for a page named by another generator's
    /// syntax (a term id, a title, a path); resolved with the page's other links.
    static let referenceScheme = "loysite-ref:"

    /// A body without `{`, `<!--more`, MkDocs' `!!! `, `??? `, `--8<--` or `*[` has
    /// nothing to rewrite; most bodies are left as they are after one pass over their
    /// bytes (one scan per marker was a measurable part of converting 10,000 pages).
    /// The pass reads eight bytes at a time and looks at the bytes of a word only when one
    /// of them may start a marker (a `switch` on every byte took 50,000 instructions for
    /// a 4 KB body); `mayContainByBytes` is that byte-by-byte pass, the tests' reference.
    static func mayContain(_ body: String) -> Bool {
        var body = body
        return body.withUTF8 { bytes in
            let count = bytes.count
            guard let base = bytes.baseAddress else { return false }
            let raw = UnsafeRawPointer(base)
            @inline(__always) func mayEqual(_ word: UInt64, _ byte: UInt8) -> UInt64 { ByteLanes.mayEqual(word, byte) }
            var index = 0
            while index + 8 <= count {
                let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
                let candidates = mayEqual(word, UInt8(ascii: "{")) | mayEqual(word, UInt8(ascii: "<")) | mayEqual(word, UInt8(ascii: "!"))
                    | mayEqual(word, UInt8(ascii: "?")) | mayEqual(word, UInt8(ascii: "-")) | mayEqual(word, UInt8(ascii: "*"))
                if candidates != 0 {
                    for position in index..<index + 8 where startsMarker(bytes, at: position) { return true }
                }
                index += 8
            }
            while index < count {
                if startsMarker(bytes, at: index) { return true }
                index += 1
            }
            return false
        }
    }

    /// `mayContain`, one byte at a time.
    static func mayContainByBytes(_ body: String) -> Bool {
        var body = body
        return body.withUTF8 { bytes in bytes.indices.contains { startsMarker(bytes, at: $0) } }
    }

    /// Whether one of `mayContain`'s markers starts at `index`.
    @inline(__always) private static func startsMarker(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        func starts(_ pattern: StaticString) -> Bool {
            let length = pattern.utf8CodeUnitCount
            guard index + length <= bytes.count else { return false }
            return memcmp(bytes.baseAddress! + index, pattern.utf8Start, length) == 0
        }
        switch bytes[index] {
        case UInt8(ascii: "{"): return true
        case UInt8(ascii: "<"): return starts("<!--more")
        case UInt8(ascii: "!"): return starts("!!! ")
        case UInt8(ascii: "?"): return starts("??? ")
        case UInt8(ascii: "-"): return starts("--8<--")
        case UInt8(ascii: "*"): return starts("*[")
        default: return false
        }
    }

    init(body: String) {
        var scanner = ForeignSyntaxScanner(Array(body.utf8))
        scanner.run()
        text = String(decoding: scanner.output, as: UTF8.self)
        warnings = scanner.warnings
        moreLine = scanner.moreLine
        edits = scanner.edits
    }

    /// A front-matter text (a summary) with the syntax carried over as plain text:
    /// understood links keep their words, everything else is left out (with warnings).
    static func plainText(_ text: String) -> (text: String, warnings: [String]) {
        guard mayContain(text) else { return (text, []) }
        var scanner = ForeignSyntaxScanner(Array(text.utf8))
        scanner.plain = true
        scanner.run()
        return (String(decoding: scanner.output, as: UTF8.self), scanner.warnings.map(\.message))
    }
}
