import LoysiteSupport

/// Splits a Markdown file into its front matter and its body. The front matter is YAML
/// between a first line `---` and the next line `---` or `...`; TOML between two lines
/// `+++` (Hugo's and Zola's default); or a JSON object from a first line starting with
/// `{` to the first line that is `}` (as Hugo allows).
struct FrontMatter {
    enum Format: Equatable { case yaml, toml, json }

    /// The front matter's text, nil when the file has none. For JSON it includes the braces.
    var text: String?
    var format: Format = .yaml
    /// The line on which `text` starts (2 after a `---` or `+++` line, 1 for JSON).
    var textFirstLine: Int
    var body: String
    var bodyFirstLine: Int

    init(text: String?, format: Format = .yaml, textFirstLine: Int, body: String, bodyFirstLine: Int) {
        self.text = text
        self.format = format
        self.textFirstLine = textFirstLine
        self.body = body
        self.bodyFirstLine = bodyFirstLine
    }

    /// Returns nil with a diagnostic when a front matter block is opened but never closed.
    static func split(_ source: SourceText) -> Result<FrontMatter, Diagnostic> {
        if source.text.hasPrefix("+++") { return splitTOML(source) }
        if source.text.hasPrefix("{"), !source.text.hasPrefix("{{") { return splitJSON(source) }
        var text = source.text
        return split(source, text.withUTF8(scan), format: .yaml, delimiter: "---", onCharacters: splitCharacters)
    }

    /// The front matter a byte scan found (`Scan`) in `source`, written between lines
    /// `delimiter` in `format`; `onCharacters` splits the texts the scan was unsure of.
    private static func split(_ source: SourceText, _ scan: Scan, format: Format, delimiter: String,
                              onCharacters: (SourceText) -> Result<FrontMatter, Diagnostic>) -> Result<FrontMatter, Diagnostic> {
        switch scan {
        case .none:
            return .success(FrontMatter(text: nil, textFirstLine: 1, body: source.text, bodyFirstLine: 1))
        case .closed(let range, let body, let bodyLine):
            let bytes = source.text.utf8
            func index(_ offset: Int) -> String.Index { bytes.index(bytes.startIndex, offsetBy: offset) }
            return .success(FrontMatter(text: String(source.text[index(range.lowerBound)..<index(range.upperBound)]), format: format, textFirstLine: 2,
                                        body: String(source.text[index(body)...]), bodyFirstLine: bodyLine))
        case .unclosed:
            return .failure(.error("front matter opened with '\(delimiter)' is never closed by a line '\(delimiter)'", at: SourceLocation(file: source.path, line: 1, column: 1)))
        case .unsure:
            return onCharacters(source)
        }
    }

    private enum Scan {
        case none
        case closed(text: Range<Int>, body: Int, bodyLine: Int)
        case unclosed
        /// A Character or a Unicode space could make a difference: decided on Characters.
        case unsure
    }

    /// The split on UTF-8 bytes: lines end at `\n` bytes (a line feed is never part of a
    /// larger character once CRLF is normalised), a delimiter is a line that is `---`
    /// or `...` once spaces and tabs are trimmed. Unsure where a non-ASCII byte follows
    /// the opening `---` or sits at the trimmed edge of a line.
    private static func scan(_ text: UnsafeBufferPointer<UInt8>) -> Scan {
        enum Delimiter { case yes, no, unsure }
        func delimiter(_ start: Int, _ end: Int) -> Delimiter {
            var start = start, end = end
            while start < end, text[start] == 0x20 || text[start] == 0x09 { start += 1 }
            while end > start, text[end - 1] == 0x20 || text[end - 1] == 0x09 { end -= 1 }
            if start < end, text[start] >= 0x80 || text[end - 1] >= 0x80 { return .unsure }
            guard end - start == 3 else { return .no }
            let (a, b, c) = (text[start], text[start + 1], text[start + 2])
            return (a == b && b == c && (a == UInt8(ascii: "-") || a == UInt8(ascii: "."))) ? .yes : .no
        }
        let dash = UInt8(ascii: "-")
        guard text.count >= 3, text[0] == dash, text[1] == dash, text[2] == dash else { return .none }
        if text.count > 3, text[3] >= 0x80 { return .unsure }
        guard let firstNewline = text.firstIndex(of: 0x0A) else { return .none }
        switch delimiter(0, firstNewline) {
        case .unsure: return .unsure
        case .no: return .none
        case .yes: break
        }
        var lineStart = firstNewline + 1
        var line = 2
        while lineStart < text.count {
            var lineEnd = lineStart
            while lineEnd < text.count, text[lineEnd] != 0x0A { lineEnd += 1 }
            switch delimiter(lineStart, lineEnd) {
            case .unsure: return .unsure
            case .yes: return .closed(text: (firstNewline + 1)..<lineStart, body: lineEnd < text.count ? lineEnd + 1 : lineEnd, bodyLine: line + 1)
            case .no: break
            }
            lineStart = lineEnd < text.count ? lineEnd + 1 : lineEnd
            line += 1
        }
        return .unclosed
    }

    /// The split on Characters, for the texts `splitBytes` leaves alone.
    static func splitCharacters(_ source: SourceText) -> Result<FrontMatter, Diagnostic> {
        let text = source.text
        guard text.hasPrefix("---"), let firstNewline = text.firstIndex(of: "\n"),
              text[text.startIndex..<firstNewline].trimmingBlanks() == "---" else {
            return .success(FrontMatter(text: nil, textFirstLine: 1, body: text, bodyFirstLine: 1))
        }
        var lineStart = text.index(after: firstNewline)
        var line = 2
        while lineStart < text.endIndex {
            let lineEnd = text[lineStart...].firstIndex(of: "\n") ?? text.endIndex
            let content = text[lineStart..<lineEnd].trimmingBlanks()
            if content == "---" || content == "..." {
                let yaml = String(text[text.index(after: firstNewline)..<lineStart])
                let bodyStart = lineEnd < text.endIndex ? text.index(after: lineEnd) : lineEnd
                return .success(FrontMatter(text: yaml, textFirstLine: 2, body: String(text[bodyStart...]), bodyFirstLine: line + 1))
            }
            lineStart = lineEnd < text.endIndex ? text.index(after: lineEnd) : lineEnd
            line += 1
        }
        return .failure(.error("front matter opened with '---' is never closed by a line '---'", at: SourceLocation(file: source.path, line: 1, column: 1)))
    }

    /// `+++` lines around TOML. A first line that is not exactly `+++` is no front matter.
    /// Split on UTF-8 bytes (splitting every file's body into lines of Characters was
    /// most of loading a TOML page), on Characters where a line's trimmed edge is not
    /// ASCII.
    static func splitTOML(_ source: SourceText) -> Result<FrontMatter, Diagnostic> {
        var text = source.text
        return split(source, text.withUTF8(scanTOML), format: .toml, delimiter: "+++", onCharacters: splitTOMLCharacters)
    }

    /// Lines are split at `\n` bytes; a delimiter is a line that is `+++` once spaces and
    /// tabs are trimmed (unsure where a non-ASCII byte is at a trimmed edge).
    private static func scanTOML(_ text: UnsafeBufferPointer<UInt8>) -> Scan {
        var lineStart = 0
        var line = 0
        var firstNewline = 0
        while lineStart <= text.count {
            var lineEnd = lineStart
            while lineEnd < text.count, text[lineEnd] != 0x0A { lineEnd += 1 }
            var start = lineStart, end = lineEnd
            while start < end, text[start] == 0x20 || text[start] == 0x09 { start += 1 }
            while end > start, text[end - 1] == 0x20 || text[end - 1] == 0x09 { end -= 1 }
            if start < end, text[start] >= 0x80 || text[end - 1] >= 0x80 { return .unsure }
            let plus = UInt8(ascii: "+")
            let isDelimiter = end - start == 3 && text[start] == plus && text[start + 1] == plus && text[start + 2] == plus
            if line == 0 {
                guard isDelimiter else { return .none }
                guard lineEnd < text.count else { return .unclosed }
                firstNewline = lineEnd
            } else if isDelimiter {
                return .closed(text: (firstNewline + 1)..<lineStart, body: lineEnd < text.count ? lineEnd + 1 : lineEnd, bodyLine: line + 2)
            }
            if lineEnd == text.count { break }
            lineStart = lineEnd + 1
            line += 1
        }
        return .unclosed
    }

    /// The split of `splitTOML` on Characters.
    static func splitTOMLCharacters(_ source: SourceText) -> Result<FrontMatter, Diagnostic> {
        let lines = source.text.split(separator: "\n", omittingEmptySubsequences: false)
        guard lines[0].trimmingBlanks() == "+++" else {
            return .success(FrontMatter(text: nil, textFirstLine: 1, body: source.text, bodyFirstLine: 1))
        }
        guard let close = lines.indices.dropFirst().first(where: { lines[$0].trimmingBlanks() == "+++" }) else {
            return .failure(.error("front matter opened with '+++' is never closed by a line '+++'", at: SourceLocation(file: source.path, line: 1, column: 1)))
        }
        return .success(FrontMatter(text: lines[1..<close].map { $0 + "\n" }.joined(), format: .toml, textFirstLine: 2,
                                    body: lines[(close + 1)...].joined(separator: "\n"), bodyFirstLine: close + 2))
    }

    /// A JSON object from the first line to the first line that is `}` on its own (or,
    /// for a one-line object, the first line itself).
    static func splitJSON(_ source: SourceText) -> Result<FrontMatter, Diagnostic> {
        let lines = source.text.split(separator: "\n", omittingEmptySubsequences: false)
        let oneLine = lines[0].trimmingBlanks().hasSuffix("}") && lines[0].trimmingBlanks().count > 1
        guard let close = oneLine ? 0 : lines.indices.first(where: { lines[$0].trimmingBlanks() == "}" }) else {
            return .failure(.error("JSON front matter opened with '{' is never closed by a line '}'", at: SourceLocation(file: source.path, line: 1, column: 1)))
        }
        return .success(FrontMatter(text: lines[...close].joined(separator: "\n") + "\n", format: .json, textFirstLine: 1,
                                    body: lines[(close + 1)...].joined(separator: "\n"), bodyFirstLine: close + 2))
    }
}
