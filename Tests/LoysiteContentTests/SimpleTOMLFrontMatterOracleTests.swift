import Foundation
@testable import LoysiteContent
import LoysiteSupport
import PropertyBased
import Testing

/// `SimpleTOMLFrontMatter` (TOML front matter read on bytes) against the reader it
/// stands in for, TOMLKit through `TOMLFrontMatter` and `PageFields(reading:)`, over
/// thousands of random front matters in the shapes pages write (every string form and
/// escape, integers, floats, booleans, dates and times, arrays over several lines,
/// inline and `[params]` tables, comments, unknown keys) and shapes it must leave to
/// TOMLKit (dotted and quoted keys, arrays of tables, hex numbers, `inf`, broken
/// syntax, repeated keys). Whatever it reads must give exactly TOMLKit's fields,
/// params, locations and diagnostics; and it must never read what TOMLKit rejects.
@Suite struct SimpleTOMLFrontMatterOracleTests {
    static let keys = ["title", "slug", "aliases", "summary", "category", "categories", "related", "draft", "date", "period",
                       "Title", "ALIASES", "description", "oneliner", "aka", "redirect_from", "permalink", "url", "weight", "tags", "id", "full_link",
                       "lastmod", "Weight", "sources", "featured"]

    static let texts = ["Churn rate", "NPS", "2024", "", " padded ", "é", "Échelle «x»", "e\u{301}", "😀 emoji", "a  b", "C#",
                        "x = y", "title = fake", "It's", "say \"hi\"", "back\\slash", "a-slug", "https://x.org/a/", "[not a table]",
                        "tab\there", "# not a comment", "'''", "\"\"\""]

    static func basic(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"").replacingOccurrences(of: "\t", with: "\\t") + "\""
    }

    static func literal(_ text: String) -> String {
        text.contains("'") ? basic(text) : "'" + text + "'"
    }

    static let numbers = ["42", "-7", "+3", "1_000", "0", "007", "0x1F", "0o17", "0b101", "99999999999999999999", "1__0", "_1",
                          "3.14", "-0.5", "1e6", "6.02e+23", "1_000.5", "1E-3", "-0.0", ".5", "5.", "inf", "-nan", "1e", "2.5e1_0",
                          "true", "false", "True", "1979-05-27", "1979-05-27T07:32:00Z", "1979-05-27 07:32:00.999-07:00",
                          "1979-05-27t07:32:00+05:30", "07:32:00", "07:32:00.5", "2026-02-30", "2024-02-29", "2023-02-29",
                          "1979-05-27T07:32", "1979-05-27T24:00:00", "1979-05-27T07:32:60", "1979-05-27T07:32:00+25:00",
                          "2024-07-27T10:00:00Z", "1979-5-27", "1e400", "1e-400", "4.9e-324", "0.0e5", "1.7976931348623157e308"]

    /// One value in one of many forms; `pick` chooses.
    static func value(_ pick: [Int]) -> String {
        let text = texts[pick[0] % texts.count]
        let other = texts[pick[1] % texts.count]
        let number = numbers[pick[3] % numbers.count]
        switch pick[2] % 22 {
        case 0, 1, 2: return basic(text)
        case 3: return literal(text)
        case 4: return "\"\\t\\u00e9\\U0001F600 \\\"q\\\" \\\\ \\b\\f\\r\\n" + text.filter { $0 != "\"" && $0 != "\\" && $0 != "\t" } + "\""
        case 5: return "\"\"\"\n" + text.replacingOccurrences(of: "\\", with: "/").replacingOccurrences(of: "\"", with: "'") + "\nnext " + other.replacingOccurrences(of: "\\", with: "/").replacingOccurrences(of: "\"", with: "'") + "\"\"\""
        case 6: return "\"\"\"first \\\n    second \"\"\""
        case 7: return "'''" + text.replacingOccurrences(of: "'", with: "") + "\n" + other.replacingOccurrences(of: "'", with: "") + "'''"
        case 8, 9: return number
        case 10: return number + "  # a comment"
        case 11: return "[" + [text, other].map(basic).joined(separator: ", ") + "]"
        case 12: return "[" + number + ", " + numbers[pick[4] % numbers.count] + "]"
        case 13: return "[]"
        case 14: return "[\n  " + basic(text) + ",  # first\n  " + literal(other) + ",\n]"
        case 15: return "[[1, 2], [" + basic(text) + "]]"
        case 16: return "{a = " + basic(text) + ", B = " + number + ", c = [1]}"
        case 17: return "{}"
        case 18: return "{title = " + basic(text) + "}"
        case 19: return "\"\\x41\""
        case 20: return "\"never closed"
        default: return "\"\\u00\""
        }
    }

    /// A front matter: up to eight entries, comments and blank lines, maybe a `[params]`
    /// table, and now and then something only TOMLKit reads or nobody does.
    static let picks = zip(Gen.int(in: 0...10_000).array(of: 6).array(of: 1...8), Gen.int(in: 0...40))

    static func frontMatter(_ entries: [[Int]], _ extra: Int) -> String {
        var lines: [String] = []
        // A key once (repeats are the mistakes below), in one table or the other.
        var used = Set<String>()
        if extra % 5 == 0 { lines.append("# written by the archetype") }
        for (number, pick) in entries.enumerated() {
            let key = keys[pick[5] % keys.count]
            guard used.insert(key.lowercased()).inserted else { continue }
            if pick[5] % 7 == 0 { lines.append("# note \(pick[5])") }
            if pick[5] % 11 == 0 { lines.append("") }
            let indent = pick[5] % 13 == 0 ? "  " : ""
            let spacing = pick[5] % 17 == 0 ? "\t=\t" : " = "
            if number == entries.count - 1, extra % 3 == 0 {
                lines.append("")
                lines.append("[params]" + (extra % 2 == 0 ? "  # theme settings" : ""))
            }
            lines.append(indent + key + spacing + value(pick))
        }
        switch extra {
        case 1: lines.append(lines.first { !$0.hasPrefix("#") && !$0.isEmpty } ?? "title = \"x\"")
        case 4: lines.append("a.b = 1")
        case 7: lines.append("\"quoted key\" = 1")
        case 8: lines.append("[[items]]\nname = 1")
        case 10: lines.append("[params.deep]\nx = 1")
        case 11: lines.append("empty =")
        case 13: lines.append("title = \"x\" trailing")
        case 14: lines.append("TITLE = \"again\"")
        case 16: lines.append("[params]\nx = 1\n[params]\ny = 2")
        default: break
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func viaTOMLKit(_ toml: String) -> Result<PageFields, Diagnostic> {
        TOMLFrontMatter.parse(toml, path: "p.md", firstLine: 2).map { PageFields(reading: $0) }
    }

    @Test func readsWhatTOMLKitReadsAndNothingElse() async {
        let counts = Counts()
        await propertyCheck(count: 8000, input: Self.picks) { entries, extra in
            let toml = Self.frontMatter(entries, extra)
            let slow = Self.viaTOMLKit(toml)
            guard let fast = SimpleTOMLFrontMatter.fields(toml, path: "p.md", firstLine: 2) else {
                if case .success = slow { counts.add(read: false) }
                return
            }
            counts.add(read: true)
            guard case .success(let expected) = slow else {
                Issue.record("read front matter TOMLKit rejects:\n\(toml)")
                return
            }
            let differences = EventFrontMatterOracleTests.differences(fast, expected)
            #expect(differences.isEmpty, "\(differences)\n\(toml)")
        }
        // Both must be exercised: most valid front matters are read on bytes, and some
        // that TOMLKit reads are declined.
        #expect(counts.read > 800, "read \(counts.read), declined \(counts.declined) of those TOMLKit reads")
        #expect(counts.declined > 300, "read \(counts.read), declined \(counts.declined) of those TOMLKit reads")
    }

    /// The benchmark's and Hugo's archetype shape, field by field.
    @Test func hugoArchetypeIsReadOnBytes() throws {
        let toml = """
            # written by the archetype
            title = "Adaptive enrolment decay"
            lastmod = 2024-07-27T10:00:00Z
            draft = false
            weight = 52
            id = "adaptive-enrolment-decay"
            aka = ["AED"]
            summary = "Third helps."
            tags = ["engagement", "loyalty"]
            related = ["cashback-experience-ratio", "Secondary onboarding budget"]

            [params]  # theme settings
            tier = 1
            featured = false
            sources = ["handbook", "survey"]

            """
        let fast = try #require(SimpleTOMLFrontMatter.fields(toml, path: "p.md", firstLine: 2))
        #expect(fast.title == Located("Adaptive enrolment decay", at: SourceLocation(file: "p.md", line: 3, column: 9)))
        #expect(fast.draft?.value == false)
        #expect(fast.aka?.map(\.value) == ["AED"])
        #expect(fast.related?.map(\.value) == ["cashback-experience-ratio", "Secondary onboarding budget"])
        #expect(fast.params.map(\.0) == ["lastmod", "weight", "id", "tags", "params"])
        #expect(fast.params.last?.1 == .object([("featured", .bool(false)), ("sources", .array([.string("handbook"), .string("survey")])), ("tier", .int(1))]))
        let slow = try Self.viaTOMLKit(toml).get()
        #expect(EventFrontMatterOracleTests.differences(fast, slow).isEmpty)
    }
}

private final class Counts: @unchecked Sendable {
    private let lock = NSLock()
    private(set) var read = 0
    private(set) var declined = 0

    func add(read: Bool) {
        lock.lock()
        defer { lock.unlock() }
        if read { self.read += 1 } else { declined += 1 }
    }
}
