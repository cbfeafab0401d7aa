import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import LoysiteContent
import LoysiteMetrics
import LoysiteRender
import LoysiteSupport

/// libFuzzer entry point: one input is one content file as loysite meets it, and
/// optionally a dataset. Its bytes are split at lines `%%%`:
///
///     <report page: front matter + Markdown with chart and metric blocks>
///     %%%
///     <content/data/fuzz.csv>
///     %%%
///     <content/data/fuzz.yml sidecar>
///
/// The page goes through the same steps as in a build (decode, front matter, index,
/// Markdown passes, chart and metric blocks against fixed demo datasets and the fuzzed
/// one), then through the built-in theme's page template. Besides crashes and sanitizer
/// reports, it traps when an invariant breaks: executable markup in safe-mode HTML,
/// control characters in the page, an inline SVG that is not well-formed XML, or a
/// diagnostic pointing outside its file.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzPage(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    FuzzPage.run(Data(bytes: data, count: size))
    return 0
}

enum FuzzPage {
    /// A scratch folder for the fuzzed dataset (in memory where /dev/shm exists).
    static let scratch: URL = {
        let base = FileManager.default.fileExists(atPath: "/dev/shm") ? "/dev/shm" : NSTemporaryDirectory()
        let url = URL(fileURLWithPath: base).appendingPathComponent("loysite-fuzz-scratch-\(getpid())")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }()

    /// Small fixed datasets of every kind, so blocks naming them reach the charts.
    static let fixedDatasets: [Dataset] = {
        let files: [(String, String, String?)] = [
            ("orders", "order_id,customer_id,date,amount\n1,a,2025-01-03,10.50\n2,b,2025-01-09,20\n3,a,2025-02-11,5\n4,c,2025-03-01,-5\n5,b,2025-03-20,7.25\n", "kind: orders\n"),
            ("nps", "date,score,segment\n2025-01-02,9,web\n2025-01-05,3,store\n2025-02-07,10,web\n2025-03-01,7,app\n", "kind: responses\n"),
            ("series", "month,visits,share\n2025-01,100,0.5\n2025-02,120,0.25\n2025-03,90,0.75\n", nil),
        ]
        return files.map { name, csv, sidecar in load(name: name, csv: csv, sidecar: sidecar).dataset }
    }()

    static func load(name: String, csv: String, sidecar: String?) -> (dataset: Dataset, diagnostics: [Diagnostic]) {
        let csvURL = scratch.appendingPathComponent(name + ".csv")
        try? Data(csv.utf8).write(to: csvURL)
        var sidecarFile: (URL, String)?
        if let sidecar {
            let url = scratch.appendingPathComponent(name + ".yml")
            try? Data(sidecar.utf8).write(to: url)
            sidecarFile = (url, "content/data/\(name).yml")
        }
        return DatasetLoader.load(name: name, root: scratch, url: csvURL, path: "content/data/\(name).csv", sidecar: sidecarFile, defaultPeriod: .month)
    }

    static let glossary: [Page] = {
        ["Net Promoter Score": "aliases: [NPS]\n", "Churn rate": "", "Customer <b>loyalty</b> & \"trust\"": "slug: loyalty\n"].sorted { $0.key < $1.key }.compactMap { title, extra in
            let text = "---\ntitle: '\(title)'\n\(extra)---\nA definition.\n"
            return PageLoader.load(SourceText(path: "content/glossary/\(Slug.make(from: title) ?? "x").md", text: text), kind: .term).page
        }
    }()

    static func run(_ input: Data) {
        let parts = split(input)
        let path = "content/reports/fuzz.md"
        var diagnostics: [Diagnostic] = []
        var datasets = fixedDatasets
        if parts.count > 1 {
            let csv = String(decoding: parts[1], as: UTF8.self)
            let sidecar = parts.count > 2 ? String(decoding: parts[2], as: UTF8.self) : nil
            let loaded = load(name: "fuzz", csv: csv, sidecar: sidecar)
            datasets.append(loaded.dataset)
            diagnostics += loaded.diagnostics
        }
        switch SourceText.decode(parts[0], relativePath: path) {
        case .failure(let diagnostic):
            diagnostics.append(diagnostic)
        case .success(let source):
            let (page, pageDiagnostics) = PageLoader.load(source, kind: .report)
            diagnostics += pageDiagnostics
            if let page {
                let index = PageIndex(pages: glossary + [page])
                diagnostics += index.diagnostics
                diagnostics += index.resolveRelated().diagnostics
                let converter = MarkdownConverter(
                    index: index, matcher: TermMatcher(index: index), unsafe: false,
                    directives: DatasetBlockRenderer(datasets: datasets, index: index, currencyCode: "EUR"))
                let rendered = converter.convert(page: index.pages.count - 1)
                diagnostics += rendered.diagnostics
                checkSafe(rendered.html)
                checkSVG(rendered.html)
                let html = theme.render("page", context: [
                    "site": ["title": page.title, "description": page.summary ?? "", "language": "en", "nav": [["title": page.title, "href": "../"]]],
                    "page": ["title": page.title, "kind": "page", "summary": page.summary ?? "", "params": [:] as [String: Any]],
                    "root": "../../", "content": rendered.html,
                ])
                checkSafe(html)
                if html.unicodeScalars.contains(where: { ($0.value < 0x20 && $0 != "\n" && $0 != "\t" && $0 != "\r") || $0.value == 0x7F }) {
                    fatalError("control character in the page:\n\(html)")
                }
            }
            checkLocations(diagnostics, source: source, path: path)
        }
        if parts.count > 1 {
            let csv = String(decoding: parts[1], as: UTF8.self)
            let lines = csv.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r" || $0 == "\r\n" }).count
            for diagnostic in diagnostics where diagnostic.location.file == "content/data/fuzz.csv" {
                if let line = diagnostic.location.line, !(1...max(1, lines)).contains(line) {
                    fatalError("diagnostic outside the CSV (\(lines) lines): \(diagnostic)")
                }
            }
        }
    }

    static let theme = Theme.load(root: scratch).theme

    /// Every inline SVG parses as XML.
    static func checkSVG(_ html: String) {
        var rest = Substring(html)
        while let start = rest.range(of: "<svg"), let end = rest[start.lowerBound...].range(of: "</svg>") {
            let svg = String(rest[start.lowerBound..<end.upperBound])
            let parser = XMLParser(data: Data(svg.utf8))
            if !parser.parse() {
                fatalError("inline SVG is not well-formed XML (\(parser.parserError.map { "\($0)" } ?? "?")):\n\(svg)")
            }
            rest = rest[end.upperBound...]
        }
    }

    /// Safe mode: no executable markup, whatever the content.
    static func checkSafe(_ html: String) {
        let findings = ExecutableMarkup.findings(in: html)
        if !findings.isEmpty {
            fatalError("executable markup in safe-mode output: \(findings)\n\(html)")
        }
    }

    /// Every diagnostic about the page points at a line of the page.
    static func checkLocations(_ diagnostics: [Diagnostic], source: SourceText, path: String) {
        let lineCount = source.text.split(separator: "\n", omittingEmptySubsequences: false).count
        for diagnostic in diagnostics where diagnostic.location.file == path {
            if let line = diagnostic.location.line, !(1...max(1, lineCount)).contains(line) {
                fatalError("diagnostic outside the file (\(lineCount) lines): \(diagnostic)")
            }
            if let column = diagnostic.location.column, column < 1 {
                fatalError("diagnostic before the line's first column: \(diagnostic)")
            }
        }
    }

    /// The input split at lines holding only `%%%` (at most three parts).
    static func split(_ input: Data) -> [Data] {
        let separator = Data("\n%%%\n".utf8)
        var parts: [Data] = []
        var rest = input[...]
        while parts.count < 2, let range = rest.range(of: separator) {
            parts.append(Data(rest[..<range.lowerBound]))
            rest = rest[range.upperBound...]
        }
        parts.append(Data(rest))
        return parts
    }
}
