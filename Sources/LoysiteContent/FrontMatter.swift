import LoysiteSupport

/// Splits a Markdown file into its YAML front matter (between a first line `---` and the
/// next line `---` or `...`) and its body.
struct FrontMatter {
    /// The YAML text, nil when the file has no front matter.
    var yaml: String?
    /// The line on which the YAML starts (2 when the file starts with `---`).
    var yamlFirstLine: Int
    var body: String
    var bodyFirstLine: Int

    /// Returns nil with a diagnostic when a front matter block is opened but never closed.
    static func split(_ source: SourceText) -> Result<FrontMatter, Diagnostic> {
        let text = source.text
        guard text.hasPrefix("---"), let firstNewline = text.firstIndex(of: "\n"),
              text[text.startIndex..<firstNewline].trimmingBlanks() == "---" else {
            return .success(FrontMatter(yaml: nil, yamlFirstLine: 1, body: text, bodyFirstLine: 1))
        }
        var lineStart = text.index(after: firstNewline)
        var line = 2
        while lineStart < text.endIndex {
            let lineEnd = text[lineStart...].firstIndex(of: "\n") ?? text.endIndex
            let content = text[lineStart..<lineEnd].trimmingBlanks()
            if content == "---" || content == "..." {
                let yaml = String(text[text.index(after: firstNewline)..<lineStart])
                let bodyStart = lineEnd < text.endIndex ? text.index(after: lineEnd) : lineEnd
                return .success(FrontMatter(yaml: yaml, yamlFirstLine: 2, body: String(text[bodyStart...]), bodyFirstLine: line + 1))
            }
            lineStart = lineEnd < text.endIndex ? text.index(after: lineEnd) : lineEnd
            line += 1
        }
        return .failure(.error("front matter opened with '---' is never closed by a line '---'", at: SourceLocation(file: source.path, line: 1, column: 1)))
    }
}
