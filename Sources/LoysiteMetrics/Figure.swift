import LoysiteSupport

/// One headline figure, as a metric tile shows it: its value, its unit, and — for a
/// figure of one period — the previous period's value, so the tile can show the change.
package struct Figure: Sendable, Equatable {
    /// The figure's name as SPEC §2 spells it (`nps`, `revenue`, `retention_rate`).
    package var name: String
    package var unit: DataTable.Unit
    /// nil when the figure cannot be computed (a ratio over zero customers).
    package var value: Double?
    /// For money: the exact decimal text of `value` (`value` is its nearest Double).
    package var exactValue: String?
    /// The period key the value belongs to; nil for a figure over the whole dataset.
    package var period: String?
    /// The previous period's value (nil when there is none or it cannot be computed).
    package var previousValue: Double?
    package var previousPeriod: String?
    /// Set when `period` is partial (SPEC §2): how much of it the data covers.
    package var partialCoverage: PeriodCoverage?

    package init(
        name: String, unit: DataTable.Unit, value: Double?, exactValue: String? = nil,
        period: String? = nil, previousValue: Double? = nil, previousPeriod: String? = nil,
        partialCoverage: PeriodCoverage? = nil
    ) {
        self.partialCoverage = partialCoverage
        self.name = name
        self.unit = unit
        self.value = value
        self.exactValue = exactValue
        self.period = period
        self.previousValue = previousValue
        self.previousPeriod = previousPeriod
    }

    /// `value − previousValue`, when both exist.
    package var change: Double? {
        guard let value, let previousValue else { return nil }
        return value - previousValue
    }
}

/// Why a figure could not be looked up; the description is a complete sentence for an
/// error message at the metric block.
package enum FigureLookupError: Error, Sendable, Equatable, CustomStringConvertible {
    /// No figure of that name for this kind of dataset.
    case unknownFigure(String, known: [String])
    /// The period key is not of the dataset's period kind, or outside its periods.
    case unknownPeriod(String, period: Period, first: String?, last: String?)
    /// The figure only exists per period and the dataset has no periods (no rows, or no date column).
    case noPeriods(String)

    package var description: String {
        switch self {
        case .unknownFigure(let name, let known):
            return "unknown figure '\(name)'; known figures: \(known.joined(separator: ", "))"
        case .unknownPeriod(let key, let period, let first, let last):
            if let first, let last {
                return "no \(period.rawValue) '\(key)' in the data: use 'last' or a key from \(first) to \(last) (e.g. \(period.exampleKey))"
            }
            return "no \(period.rawValue) '\(key)' in the data: the dataset has no periods"
        case .noPeriods(let name):
            return "figure '\(name)' needs periods, and the dataset has none"
        }
    }
}

/// Which period a figure is asked for: the whole dataset, the last period, or one period by key.
enum PeriodSelection {
    case overall
    case last
    case key(String)

    init(_ text: String?) {
        switch text?.trimmingSpaces.lowercased() {
        case nil, "": self = .overall
        case "last": self = .last
        default: self = .key(text!.trimmingSpaces)
        }
    }

    /// The position in `keys` (a run of consecutive periods starting at `firstIndex`)
    /// this selection names; `.overall` selects the last period for figures that only
    /// exist per period.
    func position(in keys: [String], firstIndex: Int, period: Period, figure: String) throws(FigureLookupError) -> Int {
        guard !keys.isEmpty else {
            if case .key(let key) = self { throw .unknownPeriod(key, period: period, first: nil, last: nil) }
            throw .noPeriods(figure)
        }
        switch self {
        case .overall, .last:
            return keys.count - 1
        case .key(let key):
            guard let index = period.index(ofKey: key), index >= firstIndex, index - firstIndex < keys.count else {
                throw .unknownPeriod(key, period: period, first: keys.first, last: keys.last)
            }
            return index - firstIndex
        }
    }
}

extension String {
    var trimmingSpaces: String {
        var text = Substring(self)
        while let first = text.first, first == " " || first == "\t" { text = text.dropFirst() }
        while let last = text.last, last == " " || last == "\t" { text = text.dropLast() }
        return String(text)
    }
}
