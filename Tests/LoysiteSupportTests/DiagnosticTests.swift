import LoysiteSupport
import Testing

@Suite struct DiagnosticTests {
    @Test func printsLikeACompiler() {
        let diagnostic = Diagnostic.error("missing 'title'", at: SourceLocation(file: "content/glossary/a.md", line: 2, column: 1))
        #expect(diagnostic.description == "content/glossary/a.md:2:1: error: missing 'title'")
        let noLine = Diagnostic.warning("odd", at: SourceLocation(file: "content/site.yml"))
        #expect(noLine.description == "content/site.yml: warning: odd")
    }

    @Test func sortedByFileThenLineWithoutDuplicates() {
        var diagnostics = Diagnostics()
        diagnostics.error("b", at: SourceLocation(file: "b.md", line: 1, column: 1))
        diagnostics.error("a2", at: SourceLocation(file: "a.md", line: 10, column: 1))
        diagnostics.error("a1", at: SourceLocation(file: "a.md", line: 2, column: 5))
        diagnostics.error("a1", at: SourceLocation(file: "a.md", line: 2, column: 5))
        #expect(diagnostics.sorted.map(\.message) == ["a1", "a2", "b"])
        #expect(diagnostics.hasErrors)
    }

    @Test func consequencesComeAfterEveryRootCauseAndSaySo() {
        var follow = Diagnostic.error("wikilink [[Churn]] matches no page", at: SourceLocation(file: "a.md", line: 1, column: 1), subject: "Churn")
        follow.cause = "z.md"
        let diagnostics = Diagnostics([
            follow,
            .error("front matter never closed", at: SourceLocation(file: "z.md", line: 1, column: 1)),
            .warning("odd", at: SourceLocation(file: "b.md", line: 3)),
        ])
        #expect(diagnostics.sorted.map(\.message) == ["odd", "front matter never closed", "wikilink [[Churn]] matches no page"])
        #expect(diagnostics.sorted.last?.description == "a.md:1:1: error: wikilink [[Churn]] matches no page (follows from z.md not loading)")
        #expect(diagnostics.errors.count == 2 && diagnostics.consequentErrors.count == 1)
    }

    @Test func editDistanceSuggestsCloseNames() {
        #expect(EditDistance.between("net promotor score", "net promoter score") == 1)
        #expect(EditDistance.between("abc", "abc") == 0)
        #expect(EditDistance.between("kitten", "sitting") == 3)
        #expect(EditDistance.between("short", "a much longer text", limit: 3) > 3)
    }
}
