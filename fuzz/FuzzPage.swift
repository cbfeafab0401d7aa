import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import LoysiteContent
import LoysiteMetrics
import LoysiteRender
import LoysiteReports
import LoysiteSupport

/// libFuzzer entry point: one input is one content file as loysite meets it, and
/// optionally a dataset, its sidecar and a site.yml. Its bytes are split at lines `%%%`:
///
///     <report page: front matter + Markdown with chart and metric blocks>
///     %%%
///     <content/data/fuzz.csv, or content/data/fuzz.json when it starts with `[`>
///     %%%
///     <content/data/fuzz.yml sidecar>
///     %%%
///     <content/site.yml>
///
/// The page goes through the same steps as in a build (decode, front matter, index,
/// Markdown passes, chart and metric blocks against fixed demo datasets and the fuzzed
/// one), then through the built-in theme's page template; the dataset's bytes reach its
/// reader unchanged (invalid UTF-8 and NUL included), and site.yml goes through
/// `SiteConfig.load`. Besides crashes and sanitizer reports, it traps when an invariant
/// breaks: executable markup in safe-mode HTML, control characters in the page or in
/// metrics.json, an inline SVG that is not well-formed XML, a diagnostic pointing outside
/// its file, or a U+FFFD in the dataset's figures that its bytes did not hold (a byte
/// silently replaced). Inputs run to megabytes (`-max_len` in run.sh), so a reader that
/// is quadratic on a long line shows up as a timeout.
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
        load(name: name, data: Data(csv.utf8), fileExtension: "csv", sidecar: sidecar.map { Data($0.utf8) })
    }

    /// Writes the dataset's bytes as they are and loads it like a build does.
    static func load(name: String, data: Data, fileExtension: String, sidecar: Data?) -> (dataset: Dataset, diagnostics: [Diagnostic]) {
        let dataURL = scratch.appendingPathComponent(name + "." + fileExtension)
        try? data.write(to: dataURL)
        var sidecarFile: (URL, String)?
        if let sidecar {
            let url = scratch.appendingPathComponent(name + ".yml")
            try? sidecar.write(to: url)
            sidecarFile = (url, "content/data/\(name).yml")
        }
        return DatasetLoader.load(name: name, root: scratch, url: dataURL, path: "content/data/\(name).\(fileExtension)", sidecar: sidecarFile, defaultPeriod: .month)
    }

    /// The dataset part is JSON when its first non-blank byte is `[`.
    static func isJSON(_ data: Data) -> Bool {
        data.first { $0 != 0x20 && $0 != 0x0A && $0 != 0x0D && $0 != 0x09 } == UInt8(ascii: "[")
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
        let dataExtension = parts.count > 1 && isJSON(parts[1]) ? "json" : "csv"
        if parts.count > 1 {
            // The other kind's file of an earlier input would make "two datasets named".
            try? FileManager.default.removeItem(at: scratch.appendingPathComponent("fuzz." + (dataExtension == "csv" ? "json" : "csv")))
            let loaded = load(name: "fuzz", data: parts[1], fileExtension: dataExtension, sidecar: parts.count > 2 ? parts[2] : nil)
            datasets.append(loaded.dataset)
            diagnostics += loaded.diagnostics
            checkMetrics(loaded.dataset, input: parts[1], diagnostics: loaded.diagnostics)
        }
        if parts.count > 3 {
            checkSiteConfig(parts[3])
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
            let lines = lineCount(parts[1])
            for diagnostic in diagnostics where diagnostic.location.file == "content/data/fuzz.\(dataExtension)" {
                if let line = diagnostic.location.line, !(1...max(1, lines)).contains(line) {
                    fatalError("diagnostic outside the CSV (\(lines) lines): \(diagnostic)")
                }
            }
        }
    }

    static let theme = Theme.load(root: scratch).theme

    /// metrics.json of the fuzzed dataset: no control characters in its text, and no
    /// U+FFFD its bytes did not hold unless an error says why (a build with an error
    /// writes no metrics.json).
    static func checkMetrics(_ dataset: Dataset, input: Data, diagnostics: [Diagnostic]) {
        let json = MetricsDocument.json(datasets: [dataset], version: "fuzz").serialized()
        if json.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) {
            fatalError("control character in metrics.json:\n\(json)")
        }
        // A JSON reader's view: escapes decoded.
        if let object = try? JSONSerialization.jsonObject(with: Data(json.utf8)), containsControl(object) {
            fatalError("control character in a decoded string of metrics.json:\n\(json)")
        }
        let replacement = Data([0xEF, 0xBF, 0xBD])
        if json.contains("\u{FFFD}"), input.range(of: replacement) == nil, !input.contains(where: { $0 == 0x5C }),
           !diagnostics.contains(where: { $0.severity == .error }) {
            fatalError("U+FFFD in metrics.json that the dataset did not hold (a byte silently replaced):\n\(json)")
        }
    }

    static func containsControl(_ value: Any) -> Bool {
        switch value {
        case let text as String:
            return text.unicodeScalars.contains { ($0.value < 0x20 && $0 != "\n" && $0 != "\t" && $0 != "\r") || $0.value == 0x7F }
        case let array as [Any]:
            return array.contains(where: containsControl)
        case let object as [String: Any]:
            return object.contains { containsControl($0.key) || containsControl($0.value) }
        default:
            return false
        }
    }

    /// site.yml: loads without a crash, and every diagnostic points at a line of it.
    static func checkSiteConfig(_ yaml: Data) {
        let root = scratch.appendingPathComponent("site")
        try? FileManager.default.createDirectory(at: root.appendingPathComponent("content"), withIntermediateDirectories: true)
        try? yaml.write(to: root.appendingPathComponent("content/site.yml"))
        let (_, diagnostics) = SiteConfig.load(root: root)
        let lines = lineCount(yaml)
        for diagnostic in diagnostics {
            if let line = diagnostic.location.line, !(1...max(1, lines)).contains(line) {
                fatalError("diagnostic outside site.yml (\(lines) lines): \(diagnostic)")
            }
        }
    }

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
        let lineCount = source.text.utf8.reduce(1) { $1 == 0x0A ? $0 + 1 : $0 }
        for diagnostic in diagnostics where diagnostic.location.file == path {
            if let line = diagnostic.location.line, !(1...max(1, lineCount)).contains(line) {
                fatalError("diagnostic outside the file (\(lineCount) lines): \(diagnostic)")
            }
            if let column = diagnostic.location.column, column < 1 {
                fatalError("diagnostic before the line's first column: \(diagnostic)")
            }
        }
    }

    /// Lines of a file as editors count them (LF, CRLF or a lone CR ends one), on bytes:
    /// splitting a long input into Characters took longer than loading it.
    static func lineCount(_ data: Data) -> Int {
        var lines = 1
        var previous: UInt8 = 0
        for byte in data {
            if byte == 0x0A, previous != 0x0D { lines += 1 }
            if byte == 0x0D { lines += 1 }
            previous = byte
        }
        return lines
    }

    /// The input split at lines holding only `%%%` (at most four parts).
    static func split(_ input: Data) -> [Data] {
        let separator = Data("\n%%%\n".utf8)
        var parts: [Data] = []
        var rest = input[...]
        while parts.count < 3, let range = rest.range(of: separator) {
            parts.append(Data(rest[..<range.lowerBound]))
            rest = rest[range.upperBound...]
        }
        parts.append(Data(rest))
        return parts
    }
}
