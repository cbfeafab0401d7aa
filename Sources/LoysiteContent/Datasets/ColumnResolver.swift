import LoysiteSupport

/// Finds the column each role of a dataset reads, by the sidecar's names or the
/// defaults of SPEC §2. A missing required column is one error that names the column
/// and lists the columns that exist.
struct ColumnResolver {
    let header: [String]
    let sidecar: DatasetSidecar
    let dataPath: String
    let datasetName: String
    var diagnostics: [Diagnostic] = []

    init(header: [String], sidecar: DatasetSidecar, dataPath: String, datasetName: String) {
        self.header = header
        self.sidecar = sidecar
        self.dataPath = dataPath
        self.datasetName = datasetName
    }

    /// Whether the sidecar names a column for `role`.
    func isNamed(_ role: DatasetRole) -> Bool { sidecar.columns[role] != nil }

    /// The index of the column named `name`: exact match first, then ignoring case and
    /// surrounding spaces (`CustomerID` finds `customerid`).
    func index(of name: String) -> Int? {
        if let exact = header.firstIndex(of: name) { return exact }
        let wanted = name.trimmed.lowercased()
        return header.firstIndex { $0.trimmed.lowercased() == wanted }
    }

    /// The column for `role`, or nil when it is absent. An absent column is an error
    /// when the sidecar names it or when `required`.
    mutating func column(_ role: DatasetRole, required: Bool, purpose: String) -> Int? {
        let name = sidecar.columns[role]?.value ?? role.defaultColumn
        if let found = index(of: name) { return found }
        if required || isNamed(role) { reportMissing([name], role: role, purpose: purpose) }
        return nil
    }

    mutating func reportMissing(_ names: [String], role: DatasetRole, purpose: String) {
        let wanted = names.map { "'\($0)'" }.joined(separator: " and ")
        let location = sidecar.columns[role]?.location ?? SourceLocation(file: dataPath, line: 1, column: 1)
        let hint = sidecar.columns[role] != nil
            ? ""
            : "; name the column in \(sidecar.path ?? SiteLayout.datasetSidecar(datasetName)) under columns: (\(role.rawValue): <column>)"
        let existing = header.isEmpty ? "none" : header.map { "'\($0)'" }.joined(separator: ", ")
        diagnostics.append(.error(
            "dataset '\(datasetName)' (kind \(sidecar.kind.rawValue)) has no column \(wanted) for \(purpose); its columns are \(existing)\(hint)",
            at: location))
    }
}

fileprivate extension String {
    var trimmed: String {
        var text = Substring(self)
        while let first = text.first, first == " " || first == "\t" { text = text.dropFirst() }
        while let last = text.last, last == " " || last == "\t" { text = text.dropLast() }
        return String(text)
    }
}
