import LoysiteSupport

/// Gathers survey responses one at a time and computes `ResponsesMetrics` at the end.
/// Memory grows with the number of periods and segments, not with the responses.
package struct ResponsesAccumulator: Sendable {
    package let period: Period
    private var overall = NPSTally()
    private var byPeriod: [Int: NPSTally] = [:]
    private var bySegment: [String: NPSTally] = [:]
    /// Set when the dataset has the Customer Loyalty Index questions: the answers are
    /// tallied beside the scores, and the figures gain the `cli` keys.
    package var asksLoyaltyQuestions = false
    private var overallLoyalty = CustomerLoyaltyIndex()
    private var loyaltyByPeriod: [Int: CustomerLoyaltyIndex] = [:]
    private var loyaltyBySegment: [String: CustomerLoyaltyIndex] = [:]
    /// The latest response's day: the observation end when the loader gives none.
    private var latestDay: Int?

    package init(period: Period) {
        self.period = period
    }

    /// Adds one response.
    /// - Parameters:
    ///   - score: an integer 0–10 (the loader rejects anything else as a bad row).
    ///   - day: the response's date as days since 1970-01-01; nil without a date column.
    ///   - segment: the segment; nil or empty leaves the response out of the segment
    ///     figures (it still counts overall and in its period).
    ///   - repurchase, upsell: the answers to the loyalty-index questions (0–10; nil
    ///     unanswered), tallied when `asksLoyaltyQuestions`.
    package mutating func add(score: Int, day: Int?, segment: String?, repurchase: Int? = nil, upsell: Int? = nil) {
        overall.add(score: score)
        let periodIndex = day.map { period.index(ofDay: $0) }
        if let day, day > (latestDay ?? Int.min) { latestDay = day }
        if let periodIndex { byPeriod[periodIndex, default: NPSTally()].add(score: score) }
        if let segment, !segment.isEmpty { bySegment[segment, default: NPSTally()].add(score: score) }
        guard asksLoyaltyQuestions else { return }
        overallLoyalty.add(recommend: score, repurchase: repurchase, upsell: upsell)
        if let periodIndex { loyaltyByPeriod[periodIndex, default: CustomerLoyaltyIndex()].add(recommend: score, repurchase: repurchase, upsell: upsell) }
        if let segment, !segment.isEmpty { loyaltyBySegment[segment, default: CustomerLoyaltyIndex()].add(recommend: score, repurchase: repurchase, upsell: upsell) }
    }

    /// The figures over every response added.
    /// - Parameters:
    ///   - rows: data rows read from the file (header excluded), bad ones included.
    ///   - skippedRows: bad rows left out under `bad_rows: skip`.
    ///   - observationEnd: the day the data ends (SPEC §2 "Partial periods"); nil: the
    ///     latest response's day.
    package func metrics(rows: Int, skippedRows: Int = 0, observationEnd: Int? = nil) -> ResponsesMetrics {
        var result = ResponsesMetrics(period: period)
        result.observationEnd = observationEnd ?? latestDay
        result.rows = rows
        result.skippedRows = skippedRows
        result.overall = overall
        if asksLoyaltyQuestions { result.overallLoyalty = overallLoyalty }
        func segments() -> [ResponsesMetrics.Group] {
            bySegment.keys.sorted().map {
                ResponsesMetrics.Group(name: $0, tally: bySegment[$0]!, loyalty: asksLoyaltyQuestions ? loyaltyBySegment[$0] ?? CustomerLoyaltyIndex() : nil)
            }
        }
        if let first = byPeriod.keys.min(), let last = byPeriod.keys.max() {
            guard last - first < Period.maximumSpan else {
                result.uncomputedPeriodSpan = last - first + 1
                result.segments = segments()
                return result
            }
            result.firstPeriodIndex = first
            result.periods = (first...last).map { index in
                ResponsesMetrics.Group(
                    name: period.key(ofIndex: index), tally: byPeriod[index] ?? NPSTally(),
                    loyalty: asksLoyaltyQuestions ? loyaltyByPeriod[index] ?? CustomerLoyaltyIndex() : nil)
            }
        }
        result.segments = segments()
        return result
    }
}

/// The figures of a responses (NPS survey) dataset, as SPEC §2 defines them.
package struct ResponsesMetrics: Sendable, Equatable {
    package var period: Period
    /// Data rows read (header excluded), bad rows included.
    package var rows = 0
    /// Bad rows left out under `bad_rows: skip`.
    package var skippedRows = 0
    package var overall = NPSTally()
    /// The Customer Loyalty Index over all responses; nil when the dataset does not ask
    /// the loyalty-index questions.
    package var overallLoyalty: CustomerLoyaltyIndex?
    /// Index (see `Period`) of `periods[0]`.
    package var firstPeriodIndex = 0
    /// Every period from the first response's to the last one's, without gaps (a period
    /// without responses has an NPS of nil). Empty without a date column.
    package var periods: [Group] = []
    /// Set, to the number of periods the responses span, when that is more than
    /// `Period.maximumSpan`: `periods` is then left empty.
    package var uncomputedPeriodSpan: Int?
    /// Segments in name order. Empty without a segment column.
    package var segments: [Group] = []
    /// The day the data ends (days since 1970-01-01): the sidecar's `observation_end`,
    /// else the latest response's date. It decides whether the last period is partial.
    package var observationEnd: Int?

    /// The coverage of `periods[position]` when that period is partial (only the last
    /// one can be), else nil.
    package func partialCoverage(ofPeriodAt position: Int) -> PeriodCoverage? {
        guard let observationEnd, !periods.isEmpty, position == periods.count - 1 else { return nil }
        let coverage = PeriodCoverage(period: period, index: firstPeriodIndex + position, observationEnd: observationEnd)
        return coverage.isPartial ? coverage : nil
    }

    package init(period: Period) {
        self.period = period
    }

    /// The tally of one period or one segment.
    package struct Group: Sendable, Equatable {
        /// The period key or the segment name.
        package var name: String
        package var tally: NPSTally
        /// nil when the dataset does not ask the loyalty-index questions.
        package var loyalty: CustomerLoyaltyIndex?

        package init(name: String, tally: NPSTally, loyalty: CustomerLoyaltyIndex? = nil) {
            self.name = name
            self.tally = tally
            self.loyalty = loyalty
        }
    }

    package var responses: Int { overall.responses }
    package var nps: Double? { overall.nps }

    /// Computes the figures of a list of responses in one go (small data, tests).
    package static func compute(
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
    package func json() -> JSONValue {
        var members: [(String, JSONValue)] = [
            ("kind", .string("responses")),
            ("period", .string(period.rawValue)),
            ("rows", .int(rows)),
            ("skipped_rows", .int(skippedRows)),
        ]
        members += ResponsesMetrics.tallyMembers(overall) + ResponsesMetrics.loyaltyMembers(overallLoyalty)
        members.append(("periods", .array(periods.indices.map { position in
            let group = periods[position]
            return .object([("period", .string(group.name))] + ResponsesMetrics.tallyMembers(group.tally)
                + ResponsesMetrics.loyaltyMembers(group.loyalty) + [("partial", .bool(partialCoverage(ofPeriodAt: position) != nil))])
        })))
        members.append(("segments", .array(segments.map {
            .object([("segment", .string($0.name))] + ResponsesMetrics.tallyMembers($0.tally) + ResponsesMetrics.loyaltyMembers($0.loyalty))
        })))
        return .object(members)
    }

    /// The `cli_*` keys, when the dataset asks the loyalty-index questions.
    static func loyaltyMembers(_ loyalty: CustomerLoyaltyIndex?) -> [(String, JSONValue)] {
        guard let loyalty else { return [] }
        return [
            ("cli_recommend", .double(loyalty.recommend)),
            ("cli_repurchase", .double(loyalty.repurchase)),
            ("cli_upsell", .double(loyalty.upsell)),
            ("cli", .double(loyalty.index)),
        ]
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
    package static let tableNames = ["nps", "nps-segments"]

    /// A derived table for chart blocks (SPEC §2): `nps` (by period) or `nps-segments`; nil for any other name.
    package func table(named name: String) -> DataTable? {
        let groups: [Group]
        let firstColumn: String
        switch name {
        case "nps": groups = periods; firstColumn = "period"
        case "nps-segments": groups = segments; firstColumn = "segment"
        default: return nil
        }
        let loyaltyColumns: [DataTable.Column] = overallLoyalty == nil ? [] : ResponsesMetrics.loyaltyFigureNames.map { .init($0, unit: .plain) }
        return DataTable(
            columns: [
                .init(firstColumn), .init("responses", unit: .count), .init("promoters", unit: .count),
                .init("passives", unit: .count), .init("detractors", unit: .count), .init("nps", unit: .score),
            ] + loyaltyColumns + (name == "nps" ? [.init(DataTable.partialColumn)] : []),
            rows: groups.indices.map { position in
                let group = groups[position]
                return [
                    .text(group.name), .number(Double(group.tally.responses)), .number(Double(group.tally.promoters)),
                    .number(Double(group.tally.passives)), .number(Double(group.tally.detractors)),
                    group.tally.nps.map { .number($0) } ?? .null,
                ] + (group.loyalty.map { loyalty in
                    ResponsesMetrics.loyaltyFigureNames.map { ResponsesMetrics.loyaltyValue($0, of: loyalty).map { .number($0) } ?? .null }
                } ?? []) + (name == "nps" ? [DataTable.partialCell(partialCoverage(ofPeriodAt: position) != nil)] : [])
            }
        )
    }
}

// MARK: - Headline figures (metric blocks)

extension ResponsesMetrics {
    /// Every name `figure(named:period:)` knows.
    package static let figureNames = ["rows", "skipped_rows", "responses", "promoters", "passives", "detractors", "nps"]
    /// The Customer Loyalty Index figures, for datasets that ask its questions.
    package static let loyaltyFigureNames = ["cli_recommend", "cli_repurchase", "cli_upsell", "cli"]

    /// The figures of this dataset: with the loyalty-index ones when it asks those questions.
    package var availableFigureNames: [String] {
        ResponsesMetrics.figureNames + (overallLoyalty == nil ? [] : ResponsesMetrics.loyaltyFigureNames)
    }

    static func loyaltyValue(_ name: String, of loyalty: CustomerLoyaltyIndex) -> Double? {
        switch name {
        case "cli_recommend": return loyalty.recommend
        case "cli_repurchase": return loyalty.repurchase
        case "cli_upsell": return loyalty.upsell
        case "cli": return loyalty.index
        default: return nil
        }
    }

    /// A headline figure by its SPEC §2 name: `nps`, `responses`, `promoters`, `passives`,
    /// `detractors` (also `rows`, `skipped_rows`).
    ///
    /// - Parameter period: nil for all responses, `last` for the last period, or a
    ///   period key; with a period the figure carries the previous period's value too.
    package func lookUpFigure(named name: String, period periodText: String?) throws(FigureLookupError) -> Figure {
        if let overallLoyalty, ResponsesMetrics.loyaltyFigureNames.contains(name) {
            return try loyaltyFigure(named: name, overall: overallLoyalty, period: periodText)
        }
        guard ResponsesMetrics.figureNames.contains(name) else {
            throw .unknownFigure(name, known: availableFigureNames)
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
            previousPeriod: position > 0 ? periods[position - 1].name : nil,
            partialCoverage: partialCoverage(ofPeriodAt: position))
    }

    private func loyaltyFigure(named name: String, overall: CustomerLoyaltyIndex, period periodText: String?) throws(FigureLookupError) -> Figure {
        let selection = PeriodSelection(periodText)
        if case .overall = selection {
            return Figure(name: name, unit: .plain, value: ResponsesMetrics.loyaltyValue(name, of: overall))
        }
        let position = try selection.position(in: periods.map(\.name), firstIndex: firstPeriodIndex, period: period, figure: name)
        func value(_ index: Int) -> Double? { periods[index].loyalty.flatMap { ResponsesMetrics.loyaltyValue(name, of: $0) } }
        return Figure(
            name: name, unit: .plain, value: value(position), period: periods[position].name,
            previousValue: position > 0 ? value(position - 1) : nil,
            previousPeriod: position > 0 ? periods[position - 1].name : nil,
            partialCoverage: partialCoverage(ofPeriodAt: position))
    }

    /// `lookUpFigure(named:period:)`, nil where it throws.
    package func figure(named name: String, period: String? = nil) -> Figure? {
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
