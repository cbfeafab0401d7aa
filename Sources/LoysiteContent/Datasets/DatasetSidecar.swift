import Foundation
import LoysiteMetrics
import LoysiteSupport
import Yams

/// A column role: what a column means to the metrics (SPEC §2).
enum DatasetRole: String, CaseIterable, Sendable {
    case customer, date, amount, quantity, price, order, score, segment

    /// The column name used when the sidecar does not name one.
    var defaultColumn: String {
        switch self {
        case .customer: return "customer_id"
        case .order: return "order_id"
        default: return rawValue
        }
    }
}

/// What happens to rows that cannot be read.
enum BadRowPolicy: String, Sendable {
    /// Each bad row is an error: the build fails.
    case fail
    /// Each bad row is a warning, and the row is left out (counted as `skipped_rows`).
    case skip
}

/// The optional `content/data/<name>.yml` that says what a dataset's rows are.
struct DatasetSidecar: Sendable {
    var path: String?
    var kind: Dataset.Kind = .series
    /// Column names given for roles, with where they were written.
    var columns: [DatasetRole: Located<String>] = [:]
    var dateFormat: Located<String>?
    var period: Period?
    var badRows: BadRowPolicy = .fail

    static let knownKeys = ["kind", "columns", "date_format", "period", "bad_rows"]

    /// Reads a sidecar. Problems are diagnostics at the offending value; what could be
    /// read is still returned (unknown keys are only warnings).
    static func load(url: URL, relativePath: String, root: URL) -> (sidecar: DatasetSidecar, diagnostics: [Diagnostic]) {
        let sidecar = DatasetSidecar(path: relativePath)
        let source: SourceText
        switch SourceText.read(url, relativePath: relativePath, inside: root) {
        case .success(let value): source = value
        case .failure(let diagnostic): return (sidecar, [diagnostic])
        }
        return parse(source.text, relativePath: relativePath)
    }

    static func parse(_ text: String, relativePath: String) -> (sidecar: DatasetSidecar, diagnostics: [Diagnostic]) {
        var sidecar = DatasetSidecar(path: relativePath)
        let document: YAMLDocument
        switch YAMLDocument.parse(text, path: relativePath, firstLine: 1) {
        case .success(let value): document = value
        case .failure(let diagnostic): return (sidecar, [diagnostic])
        }
        var fields = FieldReader(document)
        if let kind = fields.string("kind") {
            if let value = Dataset.Kind(rawValue: kind.value.lowercased()) {
                sidecar.kind = value
            } else {
                fields.diagnostics.append(.error("'kind' must be orders, responses or series, found '\(kind.value)'", at: kind.location))
            }
        }
        if let period = fields.string("period") {
            if let value = Period(rawValue: period.value.lowercased()) {
                sidecar.period = value
            } else {
                fields.diagnostics.append(.error("'period' must be one of day, week, month, quarter, year, found '\(period.value)'", at: period.location))
            }
        }
        if let policy = fields.string("bad_rows") {
            if let value = BadRowPolicy(rawValue: policy.value.lowercased()) {
                sidecar.badRows = value
            } else {
                fields.diagnostics.append(.error("'bad_rows' must be fail or skip, found '\(policy.value)'", at: policy.location))
            }
        }
        if let format = fields.string("date_format") {
            switch DateText.pattern(format.value) {
            case .success: sidecar.dateFormat = format
            case .failure(let error): fields.diagnostics.append(.error(error.description, at: format.location))
            }
        }
        var diagnostics = fields.diagnostics
        if let entry = document["columns"] {
            if case .mapping(let mapping) = entry.value {
                for (key, value) in mapping {
                    let name = key.string ?? ""
                    guard let role = DatasetRole(rawValue: name.lowercased()) else {
                        diagnostics.append(.error(
                            "unknown column role '\(name)' (roles: \(DatasetRole.allCases.map(\.rawValue).joined(separator: ", ")))",
                            at: document.locate(key)))
                        continue
                    }
                    guard let column = value.scalarText, !column.isEmpty, case .scalar = value else {
                        diagnostics.append(.error("column role '\(name)' must name one column, found \(value.kindDescription)", at: document.locate(value)))
                        continue
                    }
                    sidecar.columns[role] = Located(column, at: document.locate(value))
                }
            } else if !DatasetSidecar.isNull(entry.value) {
                diagnostics.append(.error("'columns' must map roles to column names, like {customer: CustomerID, date: InvoiceDate}", at: entry.valueLocation))
            }
        }
        for entry in document.entries where !knownKeys.contains(entry.key.lowercased()) {
            diagnostics.append(.warning("unknown key '\(entry.key)' in dataset sidecar (known keys: \(knownKeys.joined(separator: ", ")))", at: entry.keyLocation))
        }
        return (sidecar, diagnostics)
    }

    /// `columns:` with nothing after it.
    static func isNull(_ node: Node) -> Bool {
        if case .scalar = node { return node.scalarText == nil }
        return false
    }

    /// The date reader this sidecar asks for (ISO 8601 unless `date_format` is set).
    var dateText: DateText {
        guard let format = dateFormat, case .success(let reader) = DateText.pattern(format.value) else { return .iso }
        return reader
    }
}
