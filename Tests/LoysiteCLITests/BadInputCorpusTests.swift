import Foundation
import LoysiteTesting
import Testing

/// Bad, hostile and awkward inputs, each built by the real binary: the exact lines it
/// must print on standard error (the closing summary line aside) and its exit status.
/// Whatever the input, loysite answers with `file:line:column` diagnostics, never a
/// crash, and a failed build writes nothing.
@Suite struct BadInputCorpusTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var files: [String: [UInt8]]
        /// Standard error, line by line, without the final "build failed: …" summary.
        var expected: [String]
        var status: Int32 = 1
        /// A file the build must have written (for inputs that are accepted).
        var writes: String?

        var testDescription: String { name }

        init(_ name: String, _ files: [String: String], _ expected: [String], status: Int32 = 1, writes: String? = nil) {
            self.init(name, bytes: files.mapValues { Array($0.utf8) }, expected, status: status, writes: writes)
        }

        init(_ name: String, bytes files: [String: [UInt8]], _ expected: [String], status: Int32 = 1, writes: String? = nil) {
            self.name = name
            self.files = files
            self.expected = expected
            self.status = status
            self.writes = writes
        }
    }

    /// Every case's site also holds this term, so wikilinks have something to find.
    static let baseFiles = ["content/glossary/net-promoter-score.md": TemporarySite.term("Net Promoter Score", "aliases: [NPS]\n")]

    static let orders = "order_id,customer_id,date,amount\n1,a,2026-01-05,10\n2,b,2026-02-03,20\n"
    static let ordersSidecar = "kind: orders\n"
    static func report(_ body: String) -> String { "---\ntitle: Report\n---\n" + body }

    static let cases: [Case] = [
        // Front matter: YAML syntax.
        Case("unclosed quote", ["content/glossary/a.md": "---\ntitle: \"Churn\nsummary: x\n---\nBody\n"],
             ["content/glossary/a.md:2:8: error: invalid YAML: quoted text opened here is never closed"]),
        Case("unclosed bracket", ["content/glossary/a.md": "---\ntitle: Churn\naliases: [churn, attrition\n---\n"],
             ["content/glossary/a.md:3:10: error: invalid YAML: the list '[' opened here is never closed"]),
        Case("tab indentation", ["content/glossary/a.md": "---\ntitle: Churn\naliases:\n\t- attrition\n---\n"],
             ["content/glossary/a.md:4:1: error: tab character in YAML indentation; indent with spaces"]),
        Case("front matter never closed", ["content/glossary/a.md": "---\ntitle: Churn\n\nBody text\n"],
             ["content/glossary/a.md:1:1: error: front matter opened with '---' is never closed by a line '---'"]),
        Case("front matter is a list", ["content/glossary/a.md": "---\n- title\n- Churn\n---\n"],
             ["content/glossary/a.md:2:1: error: expected a YAML mapping of `key: value` lines, found a list"]),
        Case("duplicate key", ["content/glossary/a.md": "---\ntitle: Churn\ntitle: Attrition\n---\n"],
             ["content/glossary/a.md:2:1: error: invalid YAML: duplicate keys title"]),
        Case("nested too deeply", ["content/glossary/a.md": "---\ntitle: Deep\nx: " + String(repeating: "[", count: 2000) + String(repeating: "]", count: 2000) + "\n---\n"],
             ["content/glossary/a.md:3:5: error: invalid YAML: lists or mappings nested too deeply"]),
        Case("alias bomb", ["content/glossary/a.md": "---\ntitle: Lol\na: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\ne: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]\nf: [*e, *e, *e, *e, *e, *e, *e, *e, *e, *e]\n---\n"],
             ["content/glossary/a.md:2:1: error: invalid YAML: its aliases expand to more than 100000 values"]),

        // Front matter: wrong types and values.
        Case("aliases: 3", ["content/glossary/a.md": "---\ntitle: Churn\naliases: 3\n---\n"],
             ["content/glossary/a.md:3:10: error: 'aliases' must be a list of names, like [NPS], found '3'"]),
        Case("title is a list", ["content/glossary/a.md": "---\ntitle: [Churn, Attrition]\n---\n"],
             ["content/glossary/a.md:2:8: error: 'title' must be text, found a list"]),
        Case("title missing", ["content/glossary/a.md": "---\nsummary: No title.\n---\n"],
             ["content/glossary/a.md:1:1: error: missing 'title' in front matter"]),
        Case("title empty", ["content/glossary/a.md": "---\ntitle:\n---\n"],
             ["content/glossary/a.md:1:1: error: missing 'title' in front matter"]),
        Case("draft is not a boolean", ["content/glossary/a.md": "---\ntitle: Churn\ndraft: maybe\n---\n"],
             ["content/glossary/a.md:3:8: error: 'draft' must be true or false, found 'maybe'"]),
        Case("date that does not exist", ["content/reports/a.md": "---\ntitle: Q1\ndate: 2026-02-30\n---\n"],
             ["content/reports/a.md:3:7: error: 'date' must be a date written YYYY-MM-DD, found '2026-02-30'"]),
        Case("unknown period", ["content/reports/a.md": "---\ntitle: Q1\nperiod: fortnight\n---\n"],
             ["content/reports/a.md:3:9: error: 'period' must be one of day, week, month, quarter, year, found 'fortnight'"]),

        // Files that are not front matter + Markdown.
        Case("no front matter", ["content/glossary/a.md": "Churn is when customers leave.\n"],
             ["content/glossary/a.md:1:1: error: file has no front matter: a glossary term starts with a '---' block giving at least 'title:'"]),
        Case("empty file", ["content/glossary/a.md": ""],
             ["content/glossary/a.md:1:1: error: file is empty: a glossary term starts with a '---' block giving at least 'title:'"]),
        Case("binary file", bytes: ["content/glossary/a.md": [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00]],
             ["content/glossary/a.md:1:1: error: file is not valid UTF-8 text"]),
        Case("NUL byte", bytes: ["content/glossary/a.md": Array("---\ntitle: A\n---\nab".utf8) + [0, 0x63]],
             ["content/glossary/a.md:4:3: error: file contains a NUL byte: not a text file"]),
        Case("invalid UTF-8", bytes: ["content/glossary/a.md": Array("---\ntitle: Caf".utf8) + [0xE9] + Array("\n---\n".utf8)],
             ["content/glossary/a.md:2:11: error: file is not valid UTF-8 text"]),

        // Encodings and line ends keep positions right.
        Case("byte-order mark", bytes: ["content/glossary/a.md": [0xEF, 0xBB, 0xBF] + Array("---\ntitle: Churn\n---\nUnlike [[NPZ]].\n".utf8)],
             ["content/glossary/a.md:4:8: error: wikilink [[NPZ]] matches no page's title, alias or slug"]),
        Case("CRLF line ends", ["content/glossary/a.md": "---\r\ntitle: Churn\r\naliases: 3\r\n---\r\nUnlike [[Net Promoter Scor]].\r\n"],
             ["content/glossary/a.md:3:10: error: 'aliases' must be a list of names, like [NPS], found '3'"]),
        Case("CRLF body", ["content/glossary/a.md": "---\r\ntitle: Churn\r\n---\r\n\r\nUnlike [[Net Promoter Scor]].\r\n"],
             ["content/glossary/a.md:5:8: error: wikilink [[Net Promoter Scor]] matches no page's title, alias or slug; did you mean 'Net Promoter Score'?"]),

        // Slugs and file names.
        Case("slug with ..", ["content/glossary/a.md": "---\ntitle: Escape\nslug: ../../etc\n---\n"],
             ["content/glossary/a.md:3:7: error: invalid slug '../../etc': a slug is lower-case letters, digits and '-' only; did you mean 'etc'?"]),
        Case("slug with /", ["content/glossary/a.md": "---\ntitle: Nested\nslug: loyalty/nps\n---\n"],
             ["content/glossary/a.md:3:7: error: invalid slug 'loyalty/nps': a slug is lower-case letters, digits and '-' only; did you mean 'loyalty-nps'?"]),
        Case("slug with spaces and capitals", ["content/glossary/a.md": "---\ntitle: Spaces\nslug: Customer Lifetime Value\n---\n"],
             ["content/glossary/a.md:3:7: error: invalid slug 'Customer Lifetime Value': a slug is lower-case letters, digits and '-' only; did you mean 'customer-lifetime-value'?"]),
        Case("slug of emoji", ["content/glossary/a.md": "---\ntitle: Party\nslug: 🎉\n---\n"],
             ["content/glossary/a.md:3:7: error: invalid slug '🎉': a slug is lower-case letters, digits and '-' only"]),
        Case("file name of emoji only", ["content/glossary/🎉.md": TemporarySite.term("Party")],
             ["content/glossary/🎉.md:1:1: error: cannot make a URL slug from the file name '🎉.md'; rename the file or give 'slug:' in front matter"]),
        Case("file name with spaces and accents", ["content/glossary/Café Rewards Programme.md": TemporarySite.term("Café rewards")],
             [], status: 0, writes: "site/glossary/cafe-rewards-programme/index.html"),
        Case("file name with dots", ["content/glossary/v1..2 ../x.md": TemporarySite.term("Dots")],
             [], status: 0, writes: "site/glossary/x/index.html"),
        Case("duplicate slugs", ["content/glossary/churn.md": TemporarySite.term("Churn"), "content/glossary/old/churn.md": TemporarySite.term("Churn (old)")],
             ["content/glossary/churn.md:2:8: error: two pages have the URL /glossary/churn/: content/glossary/churn.md and content/glossary/old/churn.md",
              "content/glossary/old/churn.md:2:8: error: two pages have the URL /glossary/churn/: content/glossary/old/churn.md and content/glossary/churn.md"]),
        Case("slug taken by loysite", ["content/pages/assets.md": TemporarySite.term("Assets")],
             ["content/pages/assets.md:2:8: error: the URL /assets/ of this page is used by loysite itself; choose another slug"]),

        // Links between pages.
        Case("cyclic related", ["content/glossary/a.md": TemporarySite.term("Churn", "related: [retention]\n"), "content/glossary/retention.md": TemporarySite.term("Retention", "related: [churn, a]\n")],
             [], status: 0, writes: "site/glossary/retention/index.html"),
        Case("related names no page", ["content/glossary/a.md": TemporarySite.term("Churn", "related: [retention, NPS]\n")],
             ["content/glossary/a.md:3:11: error: related entry 'retention' matches no page's title, alias or slug"]),
        Case("unresolved wikilinks", ["content/glossary/a.md": TemporarySite.term("Churn", body: "See [[Retention]] and [[NPS|the score]] and [[net promoter scores]].")],
             ["content/glossary/a.md:4:5: error: wikilink [[Retention]] matches no page's title, alias or slug",
              "content/glossary/a.md:4:45: error: wikilink [[net promoter scores]] matches no page's title, alias or slug; did you mean 'Net Promoter Score'?"]),
        Case("unresolved wikilink in a table cell", ["content/glossary/a.md": "---\ntitle: Table\n---\n| Term | Note |\n|---|---|\n| NPS |  see [[Retention]] |\n"],
             ["content/glossary/a.md:6:14: error: wikilink [[Retention]] matches no page's title, alias or slug"]),
        Case("wikilink across two lines", ["content/glossary/a.md": TemporarySite.term("Churn", body: "See [[Net Promoter\nScore]].")],
             ["content/glossary/a.md:4:5: warning: wikilink '[[' is not closed by ']]' on the same line; a wikilink cannot span lines"], status: 0),
        Case("script URL in safe mode", ["content/glossary/a.md": TemporarySite.term("Churn", body: "A [trap](javascript:alert(1)) and ![img](vbscript:x).")],
             ["content/glossary/a.md:4:3: warning: link to 'javascript:alert(1)' left out: a URL that runs script is only kept with 'unsafe: true' in site.yml",
              "content/glossary/a.md:4:35: warning: image to 'vbscript:x' left out: a URL that runs script is only kept with 'unsafe: true' in site.yml"], status: 0),

        // Datasets.
        Case("CSV ragged rows", ["content/data/visits.csv": "month,visits\n2026-01,10,extra\n2026-02\n"],
             ["content/data/visits.csv:2:12: error: expected 2 fields as in the header, found 3",
              "content/data/visits.csv:3:8: error: expected 2 fields as in the header, found 1"]),
        Case("CSV unterminated quote", ["content/data/visits.csv": "month,visits\n2026-01,10\n\"2026-02,20\n2026-03,30\n"],
             ["content/data/visits.csv:3:1: error: unterminated quoted field: the quote opened here is never closed, so the rest of the file cannot be read"]),
        Case("CSV bad date and number", ["content/data/orders.csv": "order_id,customer_id,date,amount\n1,a,2026-13-01,10\n2,b,2026-01-02,12,50\n3,c,2026-01-03,1e3\n", "content/data/orders.yml": ordersSidecar],
             ["content/data/orders.csv:2:5: error: column 'date': '2026-13-01' is not an ISO 8601 date such as 2026-03-07 or 2026-03-07 14:30:00",
              "content/data/orders.csv:3:19: error: expected 4 fields as in the header, found 5",
              "content/data/orders.csv:4:16: error: column 'amount': '1e3' is written with an exponent; write it as a plain decimal number"]),
        Case("NPS score out of range", ["content/data/nps.csv": "date,score\n2026-01-02,9\n2026-01-03,11\n2026-01-04,7.5\n", "content/data/nps.yml": "kind: responses\n"],
             ["content/data/nps.csv:3:12: error: column 'score': score '11' is not an integer from 0 to 10",
              "content/data/nps.csv:4:12: error: column 'score': score '7.5' is not an integer from 0 to 10"]),
        Case("empty dataset", ["content/data/visits.csv": ""],
             ["content/data/visits.csv:1: error: empty dataset: a CSV dataset starts with a header row naming its columns"]),
        Case("dataset with only a header", ["content/data/orders.csv": "order_id,customer_id,date,amount\n", "content/data/orders.yml": ordersSidecar,
                                             "content/reports/r.md": report("```metric\ndata: orders\nvalue: customers\n```\n")],
             [], status: 0, writes: "site/reports/r/index.html"),
        Case("dataset without a required column", ["content/data/orders.csv": "order_id,client,date,amount\n1,a,2026-01-05,10\n", "content/data/orders.yml": ordersSidecar],
             ["content/data/orders.csv:1:1: error: dataset 'orders' (kind orders) has no column 'customer_id' for the customer; its columns are 'order_id', 'client', 'date', 'amount'; name the column in content/data/orders.yml under columns: (customer: <column>)"]),
        Case("dates spanning centuries", ["content/data/orders.csv": "order_id,customer_id,date,amount\n1,a,2026-01-05,10\n2,b,7826-02-03,20\n", "content/data/orders.yml": "kind: orders\nperiod: day\n"],
             ["content/data/orders.csv:3:5: error: order dates run from 2026-01-05 (line 2) to 7826-02-03: 2118436 days, more than the 2000 that figures are computed over; is a year mistyped? (or set a longer 'period' in the sidecar)"]),
        Case("response dates spanning centuries", ["content/data/nps.csv": "date,score\n2206-03-01,9\n2026-03-02,7\n", "content/data/nps.yml": "kind: responses\nperiod: week\n"],
             ["content/data/nps.csv:2:1: error: response dates run from 2026-03-02 (line 3) to 2206-03-01: 9392 weeks, more than the 2000 that figures are computed over; is a year mistyped? (or set a longer 'period' in the sidecar)"]),
        Case("sidecar with bad YAML", ["content/data/orders.csv": orders, "content/data/orders.yml": "kind: orders\ncolumns: {customer: client\n"],
             ["content/data/orders.yml:2:10: error: invalid YAML: the mapping '{' opened here is never closed"]),
        Case("JSON dataset that is not an array", ["content/data/visits.json": "{\"month\": \"2026-01\", \"visits\": 3}\n"],
             ["content/data/visits.json:1:1: error: invalid JSON: a JSON dataset must be an array of objects, like [{\"date\": \"2026-01-01\", \"amount\": 12.5}]"]),

        // Bytes that are not text (issue 17): errors at the byte, never a U+FFFD in a figure.
        Case("CSV with a NUL byte", bytes: ["content/data/visits.csv": Array("month,visits\n2026-01,1".utf8) + [0] + Array("2\n".utf8)],
             ["content/data/visits.csv:2:10: error: a NUL byte: not a text file (a CSV dataset is UTF-8 text), so it is not read"]),
        Case("CSV cell that is not UTF-8", bytes: ["content/data/visits.csv": Array("month,visits\n2026-01,caf".utf8) + [0xE9] + Array("\n".utf8)],
             ["content/data/visits.csv:2:12: error: column 'visits': invalid UTF-8 (byte 0xE9); a dataset must be UTF-8 text (re-save it as UTF-8)"]),
        Case("CSV header that is not UTF-8", bytes: ["content/data/visits.csv": Array("mon".utf8) + [0xFF] + Array("th,visits\n2026-01,1\n".utf8)],
             ["content/data/visits.csv:1:4: error: header row: column 1: invalid UTF-8 (byte 0xFF); a dataset must be UTF-8 text (re-save it as UTF-8)"]),
        Case("JSON string that is not UTF-8", bytes: ["content/data/visits.json": Array(#"[{"month": "2026-01", "visits": "caf"#.utf8) + [0xE9] + Array("\"}]\n".utf8)],
             ["content/data/visits.json:1:37: error: invalid JSON: invalid UTF-8 (byte 0xE9) in a string; a JSON dataset must be UTF-8 text"]),
        Case("JSON string with a raw tab", ["content/data/visits.json": "[{\"month\": \"2026-01\",\n  \"visits\": \"a\tb\"}]\n"],
             ["content/data/visits.json:2:15: error: invalid JSON: control character U+0009 inside a string (write it as a \\u escape)"]),
        Case("JSON half a surrogate pair", ["content/data/visits.json": #"[{"month": "2026-01", "visits": "\ud800x"}]"# + "\n"],
             ["content/data/visits.json:1:34: error: invalid JSON: \\u escape of half a surrogate pair (a character above U+FFFF is written as two, like \\ud83d\\ude00)"]),
        Case("JSON with a NUL byte", bytes: ["content/data/visits.json": [0x5B, 0] + Array(#"{"month": "2026-01"}]"#.utf8)],
             ["content/data/visits.json:1:2: error: invalid JSON: a NUL byte: not a text file"]),
        Case("sidecar that is not UTF-8", bytes: ["content/data/v.csv": Array("x\n1\n".utf8), "content/data/v.yml": Array("kind: ".utf8) + [0xFF] + Array("series\n".utf8)],
             ["content/data/v.yml:1:7: error: file is not valid UTF-8 text"]),
        Case("site.yml with a NUL byte", bytes: ["content/site.yml": Array("title: A".utf8) + [0] + [0x0A]],
             ["content/site.yml:1:9: error: file contains a NUL byte: not a text file"]),
        // Long inputs: a written-out list is no alias bomb, however long.
        Case("100,000 aliases in a block list", ["content/glossary/a.md": "---\ntitle: Many names\naliases:\n" + (0..<100_000).map { "  - name \($0)\n" }.joined() + "---\nBody.\n"],
             [], status: 0, writes: "site/glossary/a/index.html"),
        // Found by the fuzzer (a timeout of its own line counting, not of loysite): a long
        // site.yml reads in linear time.
        Case("site.yml with a 100 KB description and 2,000 nav items",
             ["content/site.yml": "title: Long\ndescription: " + String(repeating: "word ", count: 20_000) + "\nnav:\n" + (0..<2000).map { "  - {title: 'Page \($0)', url: /p\($0)/}\n" }.joined()],
             [], status: 0, writes: "site/index.html"),
        // Found by the fuzzer: a header cell with bytes that are not UTF-8 among 4,000 (the
        // dataset's column names then hold U+FFFD, but the build fails, so no figure does).
        Case("wide CSV header with a byte that is not UTF-8",
             bytes: ["content/data/wide.csv": Array(((0..<3253).map { "c\($0)" }.joined(separator: ",") + ",").utf8) + [0x9D, 0xCC, 0xCD, 0xC0] + Array(("3," + (3254..<4000).map { "c\($0)" }.joined(separator: ",") + "\n" + (0..<4000).map(String.init).joined(separator: ",") + "\n").utf8)],
             ["content/data/wide.csv:1:18409: error: header row: column 3254: invalid UTF-8 (byte 0x9D); a dataset must be UTF-8 text (re-save it as UTF-8)"]),

        // Chart and metric blocks.
        Case("chart of a missing column", ["content/data/orders.csv": orders, "content/data/orders.yml": ordersSidecar,
                                          "content/reports/r.md": report("```chart\ntype: line\ndata: orders\nmetric: periods\nx: period\ny: [revenue, retension_rate]\n```\n")],
             ["content/reports/r.md:9:14: error: chart: unknown column \"retension_rate\" for y; did you mean \"retention_rate\"? (columns: period, active_customers, new_customers, retention_rate, churn_rate, revenue)"]),
        Case("chart of a missing dataset", ["content/reports/r.md": report("```chart\ntype: bar\ndata: sales\n```\n")],
             ["content/reports/r.md:6:7: error: unknown dataset 'sales' (there are no datasets)"]),
        Case("chart block with bad YAML", ["content/reports/r.md": report("Text.\n\n```chart\ntype: bar\ndata: \"sales\n```\n")],
             ["content/reports/r.md:8:7: error: invalid YAML: quoted text opened here is never closed"]),
        Case("unclosed chart fence", ["content/reports/r.md": report("```chart\ntype: bar\ndata: [sales")],
             ["content/reports/r.md:6:7: error: invalid YAML: the list '[' opened here is never closed"]),
        Case("metric of an unknown figure", ["content/data/orders.csv": orders, "content/data/orders.yml": ordersSidecar,
                                            "content/reports/r.md": report("```metric\ndata: orders\nvalue: loyalty\n```\n")],
             ["content/reports/r.md:6:8: error: metric: unknown figure 'loyalty'; known figures: rows, skipped_rows, rows_without_customer, customers, orders, revenue, return_orders, returns_amount, average_order_value, purchase_frequency, revenue_per_customer, repeat_purchase_rate, repurchase_ratio, active_customers, new_customers, retention_rate, churn_rate"]),

        // site.yml.
        Case("site.yml is not a mapping", ["content/site.yml": "just a title\n"],
             ["content/site.yml:1:1: error: expected a YAML mapping of `key: value` lines, found 'just a title'"]),
        Case("site.yml nav with a script URL", ["content/site.yml": "nav:\n  - {title: Home, url: \"javascript:alert(1)\"}\n"],
             ["content/site.yml:2:24: error: 'nav' url 'javascript:alert(1)' must be a site path such as /glossary/ or an http(s) or mailto: URL"]),
    ]

    @Test(arguments: cases)
    func answersWithItsErrorLines(_ input: Case) throws {
        var files = Self.baseFiles.mapValues { Array($0.utf8) }
        files.merge(input.files) { _, new in new }
        let site = try TemporarySite()
        defer { site.remove() }
        for (path, bytes) in files { try site.write(path, data: Data(bytes)) }
        let run = try LoysiteBinary.run(["build", "--root", site.root.path, "--quiet"])
        #expect(run.status == input.status, "\(run.stderr)")
        var lines = run.errorLines
        if input.status != 0 {
            #expect(lines.last?.hasPrefix("build failed: ") == true, "\(lines)")
            lines = Array(lines.dropLast())
            #expect(!site.exists("site"), "a failed build wrote the output")
        }
        #expect(lines == input.expected)
        #expect(!run.stderr.contains("Fatal error") && !run.stderr.contains("Backtrac"))
        if let path = input.writes { #expect(site.exists(path), "\(path) not written") }
    }
}
