import Foundation
import LoysiteContent
import LoysiteSupport
import Testing

/// TOML and JSON front matter read into the same fields as YAML, with the places of
/// their values; other generators' names for a summary and for more names.
@Suite struct ForeignFrontMatterTests {
    func load(_ text: String, path: String = "content/glossary/pod.md") -> (page: Page?, diagnostics: [Diagnostic]) {
        PageLoader.load(SourceText(path: path, text: text), kind: .term)
    }

    @Test func tomlFieldsParamsAndPlaces() throws {
        let (page, diagnostics) = load("+++\ntitle = \"Pod\"\ndate = 2024-03-05\nweight = 3\ndraft = false\naliases = [\"pods\", \"/old/pod/\"]\n[extra]\nicon = \"box\"\n+++\nBody.\n")
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        let term = try #require(page)
        #expect(term.title == "Pod")
        #expect(term.location == SourceLocation(file: "content/glossary/pod.md", line: 2, column: 9))
        #expect(term.date == "2024-03-05")
        #expect(term.aliases.map(\.value) == ["pods"])
        #expect(term.urlAliases.map(\.value) == ["old/pod/"])
        #expect(term.params.map(\.0) == ["weight", "extra"])
        #expect(term.params.first?.1 == .int(3))
        #expect(term.body == "Body.\n")
        #expect(term.bodyFirstLine == 10)
    }

    @Test func tomlMistakesAreErrorsAtTheirLine() {
        let (page, diagnostics) = load("+++\ntitle = \"Pod\"\ndraft = \"no\"\n+++\n")
        #expect(page == nil)
        #expect(diagnostics.map(\.description) == ["content/glossary/pod.md:3:9: error: 'draft' must be true or false, found 'no'"])
        #expect(load("+++\ntitle = \"Pod\"\n").diagnostics.map(\.description) == ["content/glossary/pod.md:1:1: error: front matter opened with '+++' is never closed by a line '+++'"])
    }

    @Test func jsonFieldsAndErrors() throws {
        let (page, diagnostics) = load("{\n  \"title\": \"Pod\",\n  \"aka\": [\"Pods\"],\n  \"draft\": false,\n  \"score\": 2.5\n}\nBody.\n")
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        let term = try #require(page)
        #expect(term.aliases.map(\.value) == ["Pods"])
        #expect(term.params.map(\.0) == ["score"])
        #expect(term.bodyFirstLine == 7)
        #expect(load("{\n  \"title\": \"Pod\"\n  \"x\": 1\n}\n").diagnostics.map(\.description) == ["content/glossary/pod.md:3:3: error: invalid JSON: Invalid value."])
    }

    @Test func summaryFallsBackInOrder() {
        #expect(load("---\ntitle: A\ndescription: D\nshort_description: S\n---\nP\n").page?.summary == "D")
        #expect(load("---\ntitle: A\nshort_description: S\noneliner: O\n---\nP\n").page?.summary == "S")
        #expect(load("---\ntitle: A\noneliner: O\n---\nP\n").page?.summary == "O")
        #expect(load("---\ntitle: A\nsummary: M\ndescription: D\n---\nP\n").page?.summary == "M")
    }

    @Test func bundleIndexIsTheFoldersTerm() {
        #expect(load("---\ntitle: Pod\n---\n", path: "content/glossary/pod/index.md").page?.slug == "pod")
        #expect(load("---\ntitle: Pod\n---\n", path: "content/glossary/k8s/pod/index.md").page?.slug == "pod")
    }

    @Test func aliasesThatLeaveTheSiteAreErrors() {
        #expect(load("---\ntitle: Pod\naliases: [/../x/]\n---\n").diagnostics.map(\.description) == ["content/glossary/pod.md:3:11: error: alias '/../x/' is not a URL path loysite can write a redirect at (it must name a folder inside the site, like /old/url/)"])
    }
}
