import Foundation
@testable import LoysiteContent
import LoysiteSupport
import PropertyBased
import Testing
import Yams

/// The fast readers of YAML front matter (`EventFrontMatter`, `SimpleFrontMatter`)
/// against Yams, the reader they stand in for, over thousands of random front matters in
/// the shapes real sites write (quoting and escapes, flow and block lists, block scalars,
/// comments, nested mappings, numbers, dates, booleans, nulls, unknown keys) and shapes
/// they must leave to Yams (anchors, tags, repeated keys, tabs, broken syntax). Whatever
/// a fast reader accepts must give exactly the fields, params, locations and diagnostics
/// Yams gives; what it declines goes through Yams itself, so its diagnostics are Yams'.
@Suite struct EventFrontMatterOracleTests {
    static let keys = ["title", "slug", "aliases", "summary", "category", "categories", "related", "draft", "date", "period",
                       "Title", "ALIASES", "description", "aka", "redirect_from", "permalink", "url", "weight", "tags", "id", "full_link", "params", "lastmod"]

    /// Scalar texts YAML resolves every way: text, numbers (YAML 1.1: octal, sexagesimal,
    /// underscores), booleans of 1.1, nulls, timestamps, merge and value keys.
    static let texts = ["Churn rate", "NPS", "2024", "0o17", "017", "0x1F", "1_000", "1:30", "-2.5", "+.5", ".inf", ".NaN", "1e3",
                        "true", "False", "yes", "No", "on", "OFF", "y", "~", "null", "Null", "", "2026-03-07", "2026-3-7 10:00:00",
                        "2024-05-01T10:00:00Z", "2026-02-30", "<<", "=", "é", "Échelle «x»", "e\u{301}", "😀 emoji", "a  b", "C#", "x:y",
                        "It's", "say \"hi\"", "back\\slash", "week", "month", "a-slug", "Tiered credit index", "https://x.org/a/"]

    static func plainForm(_ text: String) -> String { text }
    static func single(_ text: String) -> String { "'" + text.replacingOccurrences(of: "'", with: "''") + "'" }
    static func double(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }

    /// One value written after `key:` in one of many forms; `pick` chooses.
    static func value(_ pick: [Int], indent: String) -> String {
        let text = texts[pick[0] % texts.count]
        let other = texts[pick[1] % texts.count]
        switch pick[2] % 20 {
        case 0, 1: return " " + plainForm(text)
        case 2: return " " + single(text)
        case 3: return " " + double(text)
        case 4: return " \"\\t\\u00e9\\x41 \\\"q\\\" \\/ \(text.filter { $0 != "\"" && $0 != "\\" })\""
        case 5: return " [" + [text, other].map(plainForm).joined(separator: ", ") + "]"
        case 6: return " [" + single(text) + ", " + double(other) + "]"
        case 7: return " []"
        case 8: return "\n" + [text, other].map { indent + "  - " + double($0) }.joined(separator: "\n")
        case 9: return "\n" + [text, other].map { indent + "- " + plainForm($0) }.joined(separator: "\n")
        case 10: return " " + ["|", "|-", "|+", ">", ">-", ">+", "|2"][pick[3] % 7] + "\n" + indent + "  " + double(text) + " line\n" + indent + "  next " + other + "\n"
        case 11: return " " + plainForm(text) + "  # a comment"
        case 12: return "\n" + indent + "  tier: " + plainForm(text) + "\n" + indent + "  flag: " + plainForm(other) + "\n" + indent + "  list:\n" + indent + "    - " + double(other)
        case 13: return " {a: " + plainForm(text) + ", b: [" + double(other) + "]}"
        case 14: return " " + plainForm(text) + "\n" + indent + "  continued " + other
        case 15: return " &anchor " + double(text)
        case 16: return " !!str " + plainForm(text)
        case 17: return ""
        case 18: return " [" + double(text) + ", [nested]]"
        default: return " \"" + text + "\n" + indent + "  folded\""
        }
    }

    /// A front matter: up to eight entries, with comments, blank lines and now and then
    /// something broken (a tab, an unclosed quote, a repeated key).
    static let picks = zip(Gen.int(in: 0...10_000).array(of: 6).array(of: 1...8), Gen.int(in: 0...30))
    /// Only keys loysite reads: the shapes `SimpleFrontMatter` may take.
    static let knownKeys = keys.filter { PageLoader.knownKeys.contains($0.lowercased()) }

    static func frontMatter(_ entries: [[Int]], _ mistake: Int, keys: [String]) -> String {
        var lines: [String] = []
        for pick in entries {
            let key = keys[pick[4] % keys.count]
            if pick[5] % 7 == 0 { lines.append("# note \(pick[5])") }
            if pick[5] % 11 == 0 { lines.append("") }
            lines.append(key + ":" + value(pick, indent: ""))
        }
        switch mistake {
        case 0: lines.append("title:\t\"tab\"")
        case 1: lines.append("summary: \"never closed")
        case 2: lines.append(lines.first ?? "title: x")
        case 3: lines.append("- a list item")
        case 4: lines.append("ref: *anchor")
        default: break
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func viaYams(_ yaml: String, path: String = "p.md") -> Result<PageFields, Diagnostic> {
        YAMLDocument.parse(yaml, path: path, firstLine: 2).map { PageFields(reading: $0) }
    }

    /// What differs between two readings, field by field.
    static func differences(_ a: PageFields, _ b: PageFields, params: Bool = true) -> [String] {
        var found: [String] = []
        func check<T: Equatable>(_ name: String, _ x: T, _ y: T) { if x != y { found.append("\(name): \(x) ≠ \(y)") } }
        check("title", a.title, b.title)
        check("slug", a.slug, b.slug)
        check("aliases", a.aliases, b.aliases)
        check("summary", a.summary, b.summary)
        check("category", a.category, b.category)
        check("categories", a.categories, b.categories)
        check("related", a.related, b.related)
        check("draft", a.draft, b.draft)
        check("date", a.date, b.date)
        check("period", a.period, b.period)
        check("summaryFallbacks", a.summaryFallbacks, b.summaryFallbacks)
        check("aka", a.aka, b.aka)
        check("redirectFrom", a.redirectFrom, b.redirectFrom)
        check("formerURLs", a.formerURLs, b.formerURLs)
        check("diagnostics", a.diagnostics, b.diagnostics)
        check("titleHasWrongType", a.titleHasWrongType, b.titleHasWrongType)
        if params {
            check("params keys", a.params.map(\.0), b.params.map(\.0))
            check("params values", a.params.map(\.1), b.params.map(\.1))
        }
        return found
    }

    @Test(arguments: [false, true]) func fastReadersAgreeWithYams(knownKeysOnly: Bool) async {
        let counts = Counts()
        await propertyCheck(count: knownKeysOnly ? 2000 : 4000, input: Self.picks) { entries, mistake in
            let yaml = Self.frontMatter(entries, mistake, keys: knownKeysOnly ? Self.knownKeys : Self.keys)
            let slow = Self.viaYams(yaml)
            if let document = EventFrontMatter.document(yaml, path: "p.md", firstLine: 2) {
                counts.add(event: true)
                guard case .success(let expected) = slow else {
                    Issue.record("the event reader read front matter Yams rejects:\n\(yaml)")
                    return
                }
                let differences = Self.differences(PageFields(reading: document), expected)
                #expect(differences.isEmpty, "\(differences)\n\(yaml)")
            } else if case .success = slow {
                counts.add(event: false)
            }
            if let simple = SimpleFrontMatter.fields(yaml, path: "p.md", firstLine: 2) {
                counts.addSimple()
                guard case .success(let expected) = slow else {
                    Issue.record("the simple reader read front matter Yams rejects:\n\(yaml)")
                    return
                }
                let differences = Self.differences(simple, expected)
                #expect(differences.isEmpty, "\(differences)\n\(yaml)")
            }
        }
        // The generator must exercise both: most valid front matters are read by events,
        // and some are declined.
        #expect(counts.read > (knownKeysOnly ? 400 : 1000), "read \(counts.read), declined \(counts.declined)")
        #expect(counts.declined > 50, "read \(counts.read), declined \(counts.declined)")
        #expect(counts.simple > (knownKeysOnly ? 40 : 20), "simple \(counts.simple)")
    }

    /// The tag of a plain scalar is the one Yams' default resolver gives, for texts
    /// built from the characters its rules look at.
    @Test func plainTagsAreYams() async {
        let pieces = ["0", "1", "7", "9", "_", ":", ".", "-", "+", "e", "E", "x", "b", "o", "T", "t", "Z", " ", "\n", "\u{2028}", "\u{85}",
                      "inf", "nan", "NaN", "yes", "No", "true", "null", "~", "<<", "=", "2026-03-07", "10:00:00", "a", "é"]
        await propertyCheck(count: 5000, input: Gen<String?>.element(of: pieces).array(of: 0...6)) { parts in
            let text = parts.compactMap { $0 }.joined()
            let expected = Resolver.default.resolveTag(of: .scalar(.init(text)))
            #expect(EventFrontMatter.plainTag(text) == expected, "\(text.debugDescription)")
        }
    }

    @Test func declinedShapesKeepYamsDiagnostics() {
        for yaml in ["title:\t\"tab\"\n", "summary: \"never closed\n", "title: x\ntitle: y\n", "- a\n- b\n", "title: &a x\nsummary: *a\n",
                     "title: !!str 3\n", "[a, b]: c\n", "title: x\n---\ntitle: y\n"] {
            #expect(EventFrontMatter.document(yaml, path: "p.md", firstLine: 2) == nil, "\(yaml.debugDescription)")
        }
        // Through the loader: the message and place are Yams'.
        let source = SourceText(path: "glossary/x.md", text: "---\ntitle: \"a\nsummary: \"b\n---\nBody\n")
        let loaded = PageLoader.load(source, kind: .term)
        guard case .failure(let expected) = Self.viaYams("title: \"a\nsummary: \"b\n", path: "glossary/x.md") else {
            Issue.record("Yams read broken YAML")
            return
        }
        #expect(loaded.page == nil)
        #expect(loaded.diagnostics == [expected])
    }

    @Test func hugoArchetypeIsReadWithItsTypes() throws {
        let yaml = "# archetype\ntitle: \"Net \\\"Promoter\\\" Score\"\nlastmod: 2024-05-01T10:00:00Z\ndraft: false\nweight: 10  # by hand\n"
            + "aka: ['NPS', \"Promoter score\"]\naliases:\n  - Net promoter\nsummary: >-\n  How likely customers\n  are to recommend you.\n"
            + "params:\n  tier: 2\n  featured: true\n  sources:\n    - handbook\n"
        let document = try #require(EventFrontMatter.document(yaml, path: "p.md", firstLine: 2))
        let fields = PageFields(reading: document)
        #expect(fields.title?.value == "Net \"Promoter\" Score")
        #expect(fields.summary?.value == "How likely customers are to recommend you.")
        #expect(fields.aka?.map(\.value) == ["NPS", "Promoter score"])
        #expect(fields.aliases?.first?.location == SourceLocation(file: "p.md", line: 9, column: 5))
        #expect(fields.draft?.value == false)
        #expect(fields.params.map(\.0) == ["lastmod", "weight", "params"])
        #expect(fields.params.map(\.1) == [.string("2024-05-01T10:00:00Z"), .int(10),
                                           .object([("tier", .int(2)), ("featured", .bool(true)), ("sources", .array([.string("handbook")]))])])
        guard case .success(let expected) = Self.viaYams(yaml) else { Issue.record("Yams rejected it"); return }
        #expect(Self.differences(fields, expected).isEmpty)
    }
}

/// How many front matters the event reader read and declined (of those Yams reads).
private final class Counts: @unchecked Sendable {
    private let lock = NSLock()
    private(set) var read = 0
    private(set) var declined = 0
    private(set) var simple = 0

    func addSimple() {
        lock.lock()
        defer { lock.unlock() }
        simple += 1
    }

    func add(event: Bool) {
        lock.lock()
        defer { lock.unlock() }
        if event { read += 1 } else { declined += 1 }
    }
}
