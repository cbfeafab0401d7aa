import Foundation
import LoysiteMetrics
import LoysiteSupport

/// Loads every dataset of `content/data/` and computes its figures.
package enum DatasetLoader {
    /// Loads `*.csv` and `*.json` in `dataDirectory` (not its subfolders) with their
    /// `<name>.yml` sidecars.
    ///
    /// - Parameters:
    ///   - root: the site root; diagnostics name files relative to it (`content/data/orders.csv`).
    ///   - dataDirectory: usually `root/content/data`; a missing folder means no datasets.
    ///   - defaultPeriod: the site's `period`, used where a sidecar sets none.
    ///   - chunking: how large CSV files of orders are split to be read on every core
    ///     (the figures and messages are the same whatever it says).
    /// - Returns: the datasets sorted by name, and every problem found. A dataset with
    ///   bad rows is still returned (its figures leave those rows out), so later checks
    ///   of chart and metric blocks can name it; the errors fail the build anyway.
    ///   A dataset that cannot be read at all (a required column is missing, a JSON
    ///   syntax error) is returned with figures over no rows.
    package static func loadAll(
        root: URL, dataDirectory: URL, defaultPeriod: Period, chunking: CSVChunking = .automatic
    ) -> (datasets: [Dataset], diagnostics: [Diagnostic]) {
        let relativeFolder = relativePath(of: dataDirectory, to: root)
        var diagnostics: [Diagnostic] = []
        let names = (try? FileManager.default.contentsOfDirectory(atPath: dataDirectory.path)) ?? []
        var dataFiles: [String: [String]] = [:]
        var sidecars: Set<String> = []
        for file in names.sorted() where !file.hasPrefix(".") {
            // Folders are skipped; anything else named like a dataset is read, and a FIFO,
            // a device or a link leading out of the root is an error when it is opened.
            var info = stat()
            if stat(dataDirectory.appendingPathComponent(file).path, &info) == 0, info.st_mode & S_IFMT == S_IFDIR { continue }
            let url = URL(fileURLWithPath: file)
            let name = url.deletingPathExtension().lastPathComponent
            switch url.pathExtension.lowercased() {
            case "csv", "json": dataFiles[name, default: []].append(file)
            case "yml": sidecars.insert(name)
            default: continue
            }
        }
        for name in sidecars.sorted() where dataFiles[name] == nil {
            diagnostics.append(.warning("sidecar without a dataset: no \(name).csv or \(name).json beside it", at: SourceLocation(file: relativeFolder + "/" + name + ".yml")))
        }
        var jobs: [(name: String, file: String)] = []
        for (name, files) in dataFiles.sorted(by: { $0.key < $1.key }) {
            if files.count > 1 {
                diagnostics.append(.error("two datasets named '\(name)': \(files.map { relativeFolder + "/" + $0 }.joined(separator: " and ")); rename one",
                                          at: SourceLocation(file: relativeFolder + "/" + files[1])))
            }
            jobs.append((name, files[0]))
        }
        let sidecarNames = sidecars
        let results = Parallel.map(jobs) { job in
            load(
                name: job.name, root: root,
                url: dataDirectory.appendingPathComponent(job.file),
                path: relativeFolder + "/" + job.file,
                sidecar: sidecarNames.contains(job.name)
                    ? (dataDirectory.appendingPathComponent(job.name + ".yml"), relativeFolder + "/" + job.name + ".yml") : nil,
                defaultPeriod: defaultPeriod, chunking: chunking)
        }
        var datasets: [Dataset] = []
        for result in results {
            datasets.append(result.dataset)
            diagnostics += result.diagnostics
        }
        return (datasets, diagnostics)
    }

    /// `loadAll` over `root/content/data`.
    package static func loadAll(root: URL, defaultPeriod: Period) -> (datasets: [Dataset], diagnostics: [Diagnostic]) {
        loadAll(root: root, dataDirectory: root.appendingPathComponent(SiteLayout.dataFolder), defaultPeriod: defaultPeriod)
    }

    /// Loads one dataset file (CSV or JSON by its extension) and its optional sidecar,
    /// both of which must be regular files inside `root` (`InputFile`).
    package static func load(
        name: String, root: URL, url: URL, path: String, sidecar sidecarFile: (url: URL, path: String)?, defaultPeriod: Period,
        chunking: CSVChunking = .automatic
    ) -> (dataset: Dataset, diagnostics: [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        var sidecar = DatasetSidecar()
        if let sidecarFile {
            let loaded = DatasetSidecar.load(url: sidecarFile.url, relativePath: sidecarFile.path, root: root)
            sidecar = loaded.sidecar
            diagnostics += loaded.diagnostics
        }
        let period = sidecar.period ?? defaultPeriod
        var load = DatasetFileLoad(name: name, path: path, sidecar: sidecar, period: period, chunking: chunking)
        if url.pathExtension.lowercased() == "json" {
            load.readJSON(url, root: root)
        } else {
            load.readCSV(url, root: root)
        }
        diagnostics += load.diagnostics
        diagnostics += load.badRows.diagnostics
        let figures = load.figures()
        if let tooLong = load.periodSpanDiagnostic(figures) { diagnostics.append(tooLong) }
        diagnostics += load.customerValueDiagnostics(figures)
        let dataset = Dataset(
            name: name, path: path, sidecarPath: sidecarFile?.path, kind: sidecar.kind, period: period,
            rows: load.rows, skippedRows: sidecar.badRows == .skip ? load.badRows.count : 0,
            columns: load.header, figures: figures)
        return (dataset, diagnostics)
    }

    /// `url`'s path relative to `root`, or its absolute path when it is not inside `root`.
    static func relativePath(of url: URL, to root: URL) -> String {
        let path = url.standardizedFileURL.path
        var base = root.standardizedFileURL.path
        if !base.hasSuffix("/") { base += "/" }
        if path.hasPrefix(base) { return String(path.dropFirst(base.count)) }
        return path
    }
}

/// The reading of one dataset file: header, row count, bad rows, and the reader that
/// turns rows into figures.
struct DatasetFileLoad {
    let name: String
    let path: String
    let sidecar: DatasetSidecar
    let period: Period
    var header: [String] = []
    var rows = 0
    var diagnostics: [Diagnostic] = []
    var badRows: BadRowLog
    /// Whether a CSV file of orders is read in chunks on every core.
    let chunking: CSVChunking
    private var reader: Reader?

    enum Reader {
        case orders(OrdersRowReader)
        case responses(ResponsesRowReader)
        case series(SeriesRowReader)
    }

    init(name: String, path: String, sidecar: DatasetSidecar, period: Period, chunking: CSVChunking = .automatic) {
        self.name = name
        self.path = path
        self.sidecar = sidecar
        self.period = period
        self.chunking = chunking
        self.badRows = BadRowLog(path: path, policy: sidecar.badRows)
    }

    /// Sets the header and picks the reader for the dataset's kind.
    private mutating func start(header: [String], headerLine: Int) {
        self.header = header
        var seen: [String: Int] = [:]
        for (index, column) in header.enumerated() {
            if let first = seen[column] {
                diagnostics.append(.error("duplicate column name '\(column)' (columns \(first + 1) and \(index + 1)); column names must be unique", at: SourceLocation(file: path, line: headerLine)))
            } else {
                seen[column] = index
            }
        }
        var columns = ColumnResolver(header: header, sidecar: sidecar, dataPath: path, datasetName: name)
        switch sidecar.kind {
        case .orders:
            let countsZeroAmountOrders = sidecar.zeroAmount == .order
            reader = OrdersRowReader.make(&columns, dates: sidecar.dateText, period: period).map { rowReader in
                var rowReader = rowReader
                rowReader.accumulator.countsZeroAmountOrders = countsZeroAmountOrders
                return .orders(rowReader)
            }
        case .responses:
            reader = ResponsesRowReader.make(&columns, dates: sidecar.dateText, period: period).map { .responses($0) }
        case .series:
            reader = .series(SeriesRowReader(columnCount: header.count))
        }
        diagnostics += columns.diagnostics
    }

    /// Reads the rest of the records with `consumer`, logging bad rows. Generic, so the
    /// per-row calls are specialised for each kind of reader.
    private mutating func readRecords<Consumer: RowConsumer>(_ csv: inout CSVReader, into consumer: inout Consumer) -> CSVSyntaxError? {
        var log = badRows
        defer { badRows = log }
        return Self.readRecords(&csv, header: header, into: &consumer, rows: &rows) { log.record($0) }
    }

    /// Reads the records `csv` has left with `consumer`, counting them in `rows` and
    /// handing every bad one to `badRow`; the syntax error that stopped it, if any. The
    /// same loop reads a whole file and each chunk of one (`CSVChunkRead`).
    static func readRecords<Consumer: RowConsumer>(
        _ csv: inout CSVReader, header: [String], into consumer: inout Consumer, rows: inout Int, badRow: (RowIssue) -> Void
    ) -> CSVSyntaxError? {
        let columnCount = header.count
        do throws(CSVSyntaxError) {
            while let record = try csv.next() {
                rows += 1
                if record.count != columnCount {
                    let position = record.count > columnCount ? record.position(ofField: columnCount) : record.endPosition
                    badRow(RowIssue(
                        message: "expected \(columnCount) field\(columnCount == 1 ? "" : "s") as in the header, found \(record.count)",
                        line: position.line, column: position.column))
                    continue
                }
                if case .textAfterClosingQuote(let field, let offset) = record.problem {
                    let position = record.position(ofOffset: offset)
                    badRow(RowIssue(
                        message: "column '\(header[field])': text after the closing quote of a quoted field (a quote inside a quoted field is written \"\")",
                        line: position.line, column: position.column))
                    continue
                }
                // Nearly every record lies in a span known to be ASCII: no call then.
                if !record.isASCII, let bad = record.firstInvalidUTF8() {
                    badRow(RowIssue(
                        message: "column '\(header[bad.field])': \(Self.invalidUTF8(bad.byte))",
                        line: bad.position.line, column: bad.position.column))
                    continue
                }
                if let issue = consumer.consume(record) { badRow(issue) }
            }
        } catch {
            return error
        }
        return nil
    }

    /// Reads the rows of a checked JSON file with `consumer`, one at a time, counting
    /// them and logging bad rows.
    private mutating func readRows<Consumer: RowConsumer>(_ bytes: UnsafeBufferPointer<UInt8>, columns: [String], into consumer: inout Consumer) {
        var log = badRows, count = 0
        JSONRows.forEachRow(of: bytes, columns: columns) { row in
            count += 1
            if let problem = row.problem {
                log.record(RowIssue(message: problem.message, line: problem.line, column: problem.column))
                return
            }
            if let issue = consumer.consume(row) { log.record(issue) }
        }
        badRows = log
        rows = count
    }

    /// How a byte that is not UTF-8 is reported (the row is read no further).
    static func invalidUTF8(_ byte: UInt8) -> String {
        "invalid UTF-8 (byte \(UTF8Validation.describe(byte))); a dataset must be UTF-8 text (re-save it as UTF-8)"
    }

    mutating func readCSV(_ url: URL, root: URL) {
        let descriptor: Int32
        switch InputFile.open(url.path, inside: root.path, limit: .dataset) {
        case .success(let value): descriptor = value
        case .failure(let error):
            diagnostics.append(.error(error.description, at: SourceLocation(file: path)))
            return
        }
        var csv = CSVReader(fileDescriptor: descriptor)
        do throws(CSVSyntaxError) {
            guard let headerRecord = try csv.next() else {
                diagnostics.append(.error("empty dataset: a CSV dataset starts with a header row naming its columns", at: SourceLocation(file: path, line: 1)))
                return
            }
            start(header: (0..<headerRecord.count).map { headerRecord.string(at: $0) }, headerLine: headerRecord.line)
            if let bad = headerRecord.firstInvalidUTF8() {
                diagnostics.append(.error("header row: column \(bad.field + 1): \(Self.invalidUTF8(bad.byte))", at: SourceLocation(file: path, line: bad.position.line, column: bad.position.column)))
            }
            if headerRecord.problem != nil {
                diagnostics.append(.error("header row: text after a closing quote", at: SourceLocation(file: path, line: headerRecord.line)))
            }
            // The reader is taken out of `reader` while it runs, so it stays uniquely
            // referenced and its arrays are updated in place, never copied.
            var failure: CSVSyntaxError?
            switch reader {
            case .orders(var rowReader):
                reader = nil
                if let chunked = readInChunks(csv, descriptor: descriptor, prototype: rowReader) {
                    // Read on every core; `csv` is still just past the header, unused.
                    rows = chunked.rows
                    badRows = chunked.badRows
                    rowReader = chunked.consumer
                    failure = chunked.failure
                } else {
                    failure = readRecords(&csv, into: &rowReader)
                }
                reader = .orders(rowReader)
            case .responses(var rowReader):
                reader = nil
                failure = readRecords(&csv, into: &rowReader)
                reader = .responses(rowReader)
            case .series(var rowReader):
                reader = nil
                failure = readRecords(&csv, into: &rowReader)
                reader = .series(rowReader)
            case nil:
                // The figures cannot be computed; still count the rows.
                while try csv.next() != nil { rows += 1 }
            }
            if let failure { throw failure }
        } catch {
            switch error {
            case .unterminatedQuote(let location):
                diagnostics.append(.error(
                    "unterminated quoted field: the quote opened here is never closed, so the rest of the file cannot be read",
                    at: SourceLocation(file: path, line: location.line, column: location.column)))
            case .nulByte(let location):
                diagnostics.append(.error(
                    "a NUL byte: not a text file (a CSV dataset is UTF-8 text), so it is not read",
                    at: SourceLocation(file: path, line: location.line, column: location.column)))
            case .recordTooLong(let line):
                diagnostics.append(.error(
                    "a row longer than \(CSVReader.recordLimit >> 20) MiB starts here (no line break, or a quote never closed, for that long); is this a CSV file?",
                    at: SourceLocation(file: path, line: line, column: 1)))
            case .readFailed(let code):
                diagnostics.append(.error("cannot read file: \(String(cString: strerror(code)))", at: SourceLocation(file: path)))
            }
        }
    }

    mutating func readJSON(_ url: URL, root: URL) {
        let data: Data
        switch InputFile.contents(of: url.path, inside: root.path, limit: .jsonDataset) {
        case .success(let value): data = value
        case .failure(let error):
            diagnostics.append(.error(error.description, at: SourceLocation(file: path)))
            return
        }
        // Read in place: a copy would double the memory of a large file.
        data.withUnsafeBytes { raw in readJSON(raw.bindMemory(to: UInt8.self)) }
    }

    private mutating func readJSON(_ bytes: UnsafeBufferPointer<UInt8>) {
        switch JSONRows.columns(of: bytes) {
        case .failure(let error):
            diagnostics.append(.error("invalid JSON: \(error.message)", at: SourceLocation(file: path, line: error.line, column: error.column)))
        case .success(let columns):
            start(header: columns, headerLine: 1)
            // As with CSV, the reader is taken out of `reader` while it runs.
            switch reader {
            case .orders(var rowReader):
                reader = nil
                readRows(bytes, columns: columns, into: &rowReader)
                reader = .orders(rowReader)
            case .responses(var rowReader):
                reader = nil
                readRows(bytes, columns: columns, into: &rowReader)
                reader = .responses(rowReader)
            case .series(var rowReader):
                reader = nil
                readRows(bytes, columns: columns, into: &rowReader)
                reader = .series(rowReader)
            case nil:
                // The figures cannot be computed; still count the rows.
                var count = 0
                JSONRows.forEachRow(of: bytes, columns: columns) { _ in count += 1 }
                rows = count
            }
        }
    }

    /// An error when the dates span more periods than figures are computed over
    /// (`Period.maximumSpan`), at the latest date and naming the earliest: one of them is
    /// most likely a mistyped year.
    func periodSpanDiagnostic(_ figures: Dataset.Figures) -> Diagnostic? {
        let span: Int?, extremes: DateExtremes, what: String
        switch (figures, reader) {
        case (.orders(let metrics), .orders(let rowReader)?):
            (span, extremes, what) = (metrics.uncomputedPeriodSpan, rowReader.dateExtremes, "order")
        case (.responses(let metrics), .responses(let rowReader)?):
            (span, extremes, what) = (metrics.uncomputedPeriodSpan, rowReader.dateExtremes, "response")
        default:
            return nil
        }
        guard let span, let earliest = extremes.earliest, let latest = extremes.latest else { return nil }
        func date(_ day: Int) -> String { Period.day.key(ofIndex: Period.day.index(ofDay: day)) }
        return .error(
            "\(what) dates run from \(date(earliest.day)) (line \(earliest.line)) to \(date(latest.day)): \(span) \(period.rawValue)s, more than the \(Period.maximumSpan) that figures are computed over; is a year mistyped? (or set a longer 'period' in the sidecar)",
            at: SourceLocation(file: path, line: latest.line, column: latest.column))
    }

    /// A warning per lifetime-value fit that could not be made (SPEC §2), at the
    /// sidecar's `clv:` key, naming the dataset, the model and why.
    func customerValueDiagnostics(_ figures: Dataset.Figures) -> [Diagnostic] {
        guard let block = sidecar.clv, case .orders(let metrics) = figures, let value = metrics.customerValue else { return [] }
        var warnings = value.fitProblems.map { fit in
            let dependent = fit.model == "BG/NBD"
                ? "expected_occasions, p_alive_mean, clv_total, clv_mean and the deciles are"
                : "clv_total, clv_mean and the deciles are"
            return Diagnostic.warning("dataset '\(name)': the \(fit.model) model cannot be fitted: \(fit.problem); \(dependent) null", at: block.location)
        }
        if value.unevaluatedCustomers > 0 {
            warnings.append(.warning(
                "dataset '\(name)': the expected purchases of \(value.unevaluatedCustomers) customer\(value.unevaluatedCustomers == 1 ? "" : "s") could not be evaluated (the hypergeometric series did not converge); the sums over customers are null",
                at: block.location))
        }
        return warnings
    }

    /// The figures over the rows read (none when the reader could not start).
    func figures() -> Dataset.Figures {
        let skipped = sidecar.badRows == .skip ? badRows.count : 0
        switch reader {
        case .orders(let rowReader):
            // The observation end: the sidecar's, else the latest row's date.
            let observationEnd = sidecar.observationEnd ?? rowReader.dateExtremes.latest?.day
            guard let block = sidecar.clv else {
                return .orders(rowReader.accumulator.metrics(rows: rows, skippedRows: skipped, observationEnd: observationEnd))
            }
            return .orders(rowReader.accumulator.metrics(
                rows: rows, skippedRows: skipped, customerValue: block.settings(observationEnd: observationEnd ?? 0),
                customerRank: rowReader.customers.rankByName(), observationEnd: observationEnd))
        case .responses(let rowReader):
            let observationEnd = sidecar.observationEnd ?? rowReader.dateExtremes.latest?.day
            return .responses(rowReader.accumulator.metrics(rows: rows, skippedRows: skipped, observationEnd: observationEnd))
        case .series(let rowReader):
            return .series(rowReader.table(header: header))
        case nil:
            switch sidecar.kind {
            case .orders: return .orders(OrdersAccumulator(period: period).metrics(rows: rows, skippedRows: skipped))
            case .responses: return .responses(ResponsesAccumulator(period: period).metrics(rows: rows, skippedRows: skipped))
            case .series: return .series(DataTable(columns: header.map { DataTable.Column($0) }, rows: []))
            }
        }
    }
}
