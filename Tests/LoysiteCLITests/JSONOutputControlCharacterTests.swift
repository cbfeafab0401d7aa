import Foundation
import LoysiteTesting
import Testing

/// Control characters that content can smuggle in — YAML escapes in a title, raw bytes
/// in a body, ESC sequences in a CSV header or a segment name — reach no JSON the build
/// writes (search-index.json, metrics.json, the JSON-LD of every page), not even as
/// `\u` escapes: a reader that prints the decoded text would otherwise get them, as
/// HTML readers already do not.
@Suite struct JSONOutputControlCharacterTests {
    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        (scalar.value < 0x20 && scalar != "\t" && scalar != "\n" && scalar != "\r") || scalar.value == 0x7F
    }

    /// Every string (and key) of a decoded JSON value.
    static func strings(_ value: Any) -> [String] {
        switch value {
        case let text as String: return [text]
        case let array as [Any]: return array.flatMap(strings)
        case let object as [String: Any]: return object.flatMap { [$0.key] + strings($0.value) }
        default: return []
        }
    }

    @Test func noControlCharacterInAnyJSONOutput() throws {
        let site = try TemporarySite([
            "content/glossary/red.md": "---\ntitle: \"Red\\e[31m alert\\a\"\nsummary: \"Bell\\x07 and \\x1b]0;title\\x07\"\naliases: [\"Esc\\e[0m\"]\n---\nBody with a raw \u{1B}[2J escape and a \u{08} backspace.\n",
            "content/data/visits.csv": "month,\u{1B}[31mvisits\u{1B}[0m\n2026-01,10\n2026-02,12\n",
            "content/data/nps.csv": "date,score,segment\n2026-01-02,9,\u{1B}[1mweb\n2026-01-03,3,store\u{7F}\n",
            "content/data/nps.yml": "kind: responses\n",
        ])
        defer { site.remove() }
        let run = try LoysiteBinary.run(["build", "--root", site.root.path, "--quiet"])
        #expect(run.status == 0, "\(run.stderr)")
        var documents: [(String, String)] = []
        for path in site.files(under: "site") {
            guard let text = site.read("site/" + path) else { continue }
            if path.hasSuffix(".json") { documents.append((path, text)) }
            if path.hasSuffix(".html") {
                var rest = Substring(text)
                while let open = rest.range(of: "<script type=\"application/ld+json\">"), let close = rest[open.upperBound...].range(of: "</script>") {
                    documents.append((path + " (JSON-LD)", String(rest[open.upperBound..<close.lowerBound])))
                    rest = rest[close.upperBound...]
                }
            }
        }
        #expect(documents.contains { $0.0 == "search-index.json" })
        #expect(documents.contains { $0.0 == "metrics.json" })
        #expect(documents.contains { $0.0.hasPrefix("glossary/red/") && $0.0.hasSuffix("(JSON-LD)") })
        for (path, text) in documents {
            #expect(!text.unicodeScalars.contains(where: Self.isControl), "raw control character in \(path)")
            let value = try JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed])
            for string in Self.strings(value) where string.unicodeScalars.contains(where: Self.isControl) {
                Issue.record("control character in a string of \(path): \(string.debugDescription)")
            }
        }
        // The text around the control characters is kept.
        let metricsText = try #require(site.read("site/metrics.json"))
        let metrics = try #require(try JSONSerialization.jsonObject(with: Data(metricsText.utf8)) as? [String: Any])
        let datasets = try #require(metrics["datasets"] as? [String: [String: Any]])
        #expect(datasets["visits"]?["columns"] as? [String] == ["month", "[31mvisits[0m"])
        #expect((datasets["nps"]?["segments"] as? [[String: Any]])?.compactMap { $0["segment"] as? String } == ["[1mweb", "store"])
        #expect(try #require(site.read("site/search-index.json")).contains("Red[31m alert"))
    }
}
