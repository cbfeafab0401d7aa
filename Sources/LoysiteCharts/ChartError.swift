/// Why a chart block cannot be drawn. The message is written for the author of the
/// block; the caller prefixes it with the block's `file:line:`.
package struct ChartError: Error, Sendable, Equatable, CustomStringConvertible {
    package enum Kind: String, Sendable, Equatable {
        /// `x`, `y`, `size` or `row` names a column or row that the table does not have.
        case unknownColumn
        /// A `y` column holds text.
        case notNumeric
        /// The `y` columns have different units and `mixed_units` is off.
        case mixedUnits
        /// The chart type needs something the block or the table does not give
        /// (no numeric column, one column for a sparkline, …).
        case missingData
        /// An option is malformed or does not apply to this chart type.
        case invalidOption
        /// The data cannot be drawn this way (negative parts of a donut).
        case unsupportedData
    }

    package var kind: Kind
    package var message: String
    /// The block key the problem is about (`x`, `y`, `row`, `height` …), so the caller
    /// can point at that line instead of the block's first one.
    package var key: String?
    /// The value of `key` at fault, for list keys (`y: [a, b]`): which item.
    package var value: String?

    package init(_ kind: Kind, _ message: String, key: String? = nil, value: String? = nil) {
        self.kind = kind
        self.message = message
        self.key = key
        self.value = value
    }

    package var description: String { message }

    /// "unknown column "retension" for y; did you mean "retention_rate"? The table has
    /// columns: period, active_customers, …"
    static func unknownColumn(_ name: String, role: String, available: [String]) -> ChartError {
        var message = "unknown column \"\(name)\" for \(role)"
        if let suggestion = closest(to: name, in: available) {
            message += "; did you mean \"\(suggestion)\"?"
        }
        message += available.isEmpty ? " (the table has no columns)" : " (columns: " + available.joined(separator: ", ") + ")"
        return ChartError(.unknownColumn, message, key: role, value: name)
    }

    /// The available name nearest to a misspelt one, if it is near enough to be a typo.
    static func closest(to name: String, in candidates: [String]) -> String? {
        let target = Array(name.lowercased())
        var best: (name: String, distance: Int)?
        for candidate in candidates {
            let distance = editDistance(target, Array(candidate.lowercased()))
            if distance <= max(2, target.count / 3), distance < (best?.distance ?? .max) {
                best = (candidate, distance)
            }
        }
        return best?.name
    }

    private static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        for (i, ca) in a.enumerated() {
            var current = [i + 1] + Array(repeating: 0, count: b.count)
            for (j, cb) in b.enumerated() {
                current[j + 1] = min(previous[j + 1] + 1, current[j] + 1, previous[j] + (ca == cb ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }
}
