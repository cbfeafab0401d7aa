import LoysiteSupport

/// Gathers survey responses one at a time and computes `ResponsesMetrics` at the end.
/// Memory grows with the number of periods and segments, not with the responses.
public struct ResponsesAccumulator: Sendable {
    public let period: Period
    private var overall = NPSTally()
    private var byPeriod: [Int: NPSTally] = [:]
    private var bySegment: [String: NPSTally] = [:]

    public init(period: Period) {
        self.period = period
    }

    /// Adds one response.
    /// - Parameters:
    ///   - score: an integer 0–10 (the loader rejects anything else as a bad row).
    ///   - day: the response's date as days since 1970-01-01; nil without a date column.
    ///   - segment: the segment; nil or empty leaves the response out of the segment
    ///     figures (it still counts overall and in its period).
    public mutating func add(score: Int, day: Int?, segment: String?) {
        overall.add(score: score)
        if let day { byPeriod[period.index(ofDay: day), default: NPSTally()].add(score: score) }
        if let segment, !segment.isEmpty { bySegment[segment, default: NPSTally()].add(score: score) }
    }

    /// The figures over every response added.
    /// - Parameters:
    ///   - rows: data rows read from the file (header excluded), bad ones included.
    ///   - skippedRows: bad rows left out under `bad_rows: skip`.
    public func metrics(rows: Int, skippedRows: Int = 0) -> ResponsesMetrics {
        var result = ResponsesMetrics(period: period)
        result.rows = rows
        result.skippedRows = skippedRows
        result.overall = overall
        if let first = byPeriod.keys.min(), let last = byPeriod.keys.max() {
            guard last - first < Period.maximumSpan else {
                result.uncomputedPeriodSpan = last - first + 1
                result.segments = bySegment.keys.sorted().map { ResponsesMetrics.Group(name: $0, tally: bySegment[$0]!) }
                return result
            }
            result.firstPeriodIndex = first
            result.periods = (first...last).map { index in
                ResponsesMetrics.Group(name: period.key(ofIndex: index), tally: byPeriod[index] ?? NPSTally())
            }
        }
        result.segments = bySegment.keys.sorted().map { ResponsesMetrics.Group(name: $0, tally: bySegment[$0]!) }
        return result
    }
}

/// The figures of a responses (NPS survey) dataset, as SPEC §2 defines them.
public struct ResponsesMetrics: Sendable, Equatable {
    public var period: Period
    /// Data rows read (header excluded), bad rows included.
    public var rows = 0
    /// Bad rows left out under `bad_rows: skip`.
    public var skippedRows = 0
    public var overall = NPSTally()
    /// Index (see `Period`) of `periods[0]`.
    public var firstPeriodIndex = 0
    /// Every period from the first response's to the last one's, without gaps (a period
    /// without responses has an NPS of nil). Empty without a date column.
    public var periods: [Group] = []
    /// Set, to the number of periods the responses span, when that is more than
    /// `Period.maximumSpan`: `periods` is then left empty.
    public var uncomputedPeriodSpan: Int?
    /// Segments in name order. Empty without a segment column.
    public var segments: [Group] = []

    public init(period: Period) {
        self.period = period
    }

    /// The tally of one period or one segment.
    public struct Group: Sendable, Equatable {
        /// The period key or the segment name.
        public var name: String
        public var tally: NPSTally

        public init(name: String, tally: NPSTally) {
            self.name = name
            self.tally = tally
        }
    }

    public var responses: Int { overall.responses }
    public var nps: Double? { overall.nps }

    /// Computes the figures of a list of responses in one go (small data, tests).
    public static func compute(
        _ responses: [(score: Int, day: Int?, segment: String?)], period: Period, rows: Int? = nil, skippedRows: Int = 0
    ) -> ResponsesMetrics {
        var accumulator = ResponsesAccumulator(period: period)
        for response in responses { accumulator.add(score: response.score, day: response.day, segment: response.segment) }
        return accumulator.metrics(rows: rows ?? responses.count, skippedRows: skippedRows)
    }
}

// MARK: - metrics.json

extension ResponsesMetrics {
    /// This dataset's entry in metrics.json, keys in SPEC §4's order. `skipped_rows`
    /// (SPEC §2, "Bad rows") follows `rows`.
    public func json() -> JSONValue {
        var members: [(String, JSONValue)] = [
            ("kind", .string("responses")),
            ("period", .string(period.rawValue)),
            ("rows", .int(rows)),
            ("skipped_rows", .int(skippedRows)),
        ]
        members += ResponsesMetrics.tallyMembers(overall)
        members.append(("periods", .array(periods.map { .object([("period", .string($0.name))] + ResponsesMetrics.tallyMembers($0.tally)) })))
        members.append(("segments", .array(segments.map { .object([("segment", .string($0.name))] + ResponsesMetrics.tallyMembers($0.tally)) })))
        return .object(members)
    }

    static func tallyMembers(_ tally: NPSTally) -> [(String, JSONValue)] {
        [
            ("responses", .int(tally.responses)),
            ("promoters", .int(tally.promoters)),
            ("passives", .int(tally.passives)),
            ("detractors", .int(tally.detractors)),
            ("nps", .double(tally.nps)),
        ]
    }
}

// MARK: - Derived tables (chart blocks)

extension ResponsesMetrics {
    /// Names of the derived tables `table(named:)` knows.
    public static let tableNames = ["nps", "nps-segments"]

    /// A derived table for chart blocks (SPEC §2): `nps` (by period) or `nps-segments`; nil for any other name.
    public func table(named name: String) -> DataTable? {
        let groups: [Group]
        let firstColumn: String
        switch name {
        case "nps": groups = periods; firstColumn = "period"
        case "nps-segments": groups = segments; firstColumn = "segment"
        default: return nil
        }
        return DataTable(
            columns: [
                .init(firstColumn), .init("responses", unit: .count), .init("promoters", unit: .count),
                .init("passives", unit: .count), .init("detractors", unit: .count), .init("nps", unit: .score),
            ],
            rows: groups.map { group in
                [
                    .text(group.name), .number(Double(group.tally.responses)), .number(Double(group.tally.promoters)),
                    .number(Double(group.tally.passives)), .number(Double(group.tally.detractors)),
                    group.tally.nps.map { .number($0) } ?? .null,
                ]
            }
        )
    }
}

// MARK: - Headline figures (metric blocks)

extension ResponsesMetrics {
    /// Every name `figure(named:period:)` knows.
    public static let figureNames = ["rows", "skipped_rows", "responses", "promoters", "passives", "detractors", "nps"]

    /// A headline figure by its SPEC §2 name: `nps`, `responses`, `promoters`, `passives`,
    /// `detractors` (also `rows`, `skipped_rows`).
    ///
    /// - Parameter period: nil for all responses, `last` for the last period, or a
    ///   period key; with a period the figure carries the previous period's value too.
    public func lookUpFigure(named name: String, period periodText: String?) throws(FigureLookupError) -> Figure {
        guard ResponsesMetrics.figureNames.contains(name) else {
            throw .unknownFigure(name, known: ResponsesMetrics.figureNames)
        }
        let unit: DataTable.Unit = name == "nps" ? .score : .count
        let selection = PeriodSelection(periodText)
        if case .overall = selection {
            return Figure(name: name, unit: unit, value: value(name, of: overall))
        }
        if name == "rows" || name == "skipped_rows" {
            return Figure(name: name, unit: unit, value: value(name, of: overall))
        }
        let position = try selection.position(
            in: periods.map(\.name), firstIndex: firstPeriodIndex, period: period, figure: name)
        return Figure(
            name: name, unit: unit, value: value(name, of: periods[position].tally), period: periods[position].name,
            previousValue: position > 0 ? value(name, of: periods[position - 1].tally) : nil,
            previousPeriod: position > 0 ? periods[position - 1].name : nil)
    }

    /// `lookUpFigure(named:period:)`, nil where it throws.
    public func figure(named name: String, period: String? = nil) -> Figure? {
        try? lookUpFigure(named: name, period: period)
    }

    private func value(_ name: String, of tally: NPSTally) -> Double? {
        switch name {
        case "rows": return Double(rows)
        case "skipped_rows": return Double(skippedRows)
        case "responses": return Double(tally.responses)
        case "promoters": return Double(tally.promoters)
        case "passives": return Double(tally.passives)
        case "detractors": return Double(tally.detractors)
        case "nps": return tally.nps
        default: return nil
        }
    }
}
