/// The length of the periods figures are grouped by.
///
/// Every period kind numbers its periods with consecutive integers (its *index*), so
/// "the previous period" is `index - 1` and a run of periods has no gaps by
/// construction. Keys are the labels SPEC §2 fixes: day `2026-03-07`, ISO week
/// `2026-W10`, month `2026-03`, quarter `2026-Q1`, year `2026`.
package enum Period: String, Sendable, Hashable, CaseIterable {
    case day
    /// An ISO 8601 week: Monday to Sunday, numbered within its ISO week-year (the year
    /// of its Thursday), so 2020-12-31 is in 2020-W53 and 2021-01-04 starts 2021-W01.
    case week
    case month
    case quarter
    case year

    /// The most periods figures are computed over, from a dataset's first to its last.
    /// Periods run without gaps and cohort retention is a triangle of periods × periods
    /// cells: 2,000 periods (five years of days, 38 of weeks) are two million cells, while
    /// one mistyped year (7828 for 2028) would ask for 10¹⁰ and exhaust memory. Data
    /// spanning more is an error, not a figure.
    package static let maximumSpan = 2_000

    /// The index of the period holding `dayNumber` (days since 1970-01-01).
    package func index(ofDay dayNumber: Int) -> Int {
        switch self {
        case .day:
            return dayNumber
        case .week:
            // 1970-01-01 was a Thursday; the Monday of its week is day -3.
            return Period.floorDivide(dayNumber + 3, 7)
        case .month:
            let date = CivilDate(dayNumber: dayNumber)
            return date.year * 12 + (date.month - 1)
        case .quarter:
            let date = CivilDate(dayNumber: dayNumber)
            return date.year * 4 + (date.month - 1) / 3
        case .year:
            return CivilDate(dayNumber: dayNumber).year
        }
    }

    /// The first day (days since 1970-01-01) of the period with this index.
    package func firstDay(ofIndex index: Int) -> Int {
        switch self {
        case .day:
            return index
        case .week:
            return index * 7 - 3
        case .month:
            let year = Period.floorDivide(index, 12)
            return CivilDate.dayNumber(year: year, month: index - year * 12 + 1, day: 1)
        case .quarter:
            let year = Period.floorDivide(index, 4)
            return CivilDate.dayNumber(year: year, month: (index - year * 4) * 3 + 1, day: 1)
        case .year:
            return CivilDate.dayNumber(year: index, month: 1, day: 1)
        }
    }

    /// The key of the period with this index: `2026-03-07`, `2026-W10`, `2026-03`, `2026-Q1`, `2026`.
    package func key(ofIndex index: Int) -> String {
        switch self {
        case .day:
            return CivilDate(dayNumber: index).description
        case .week:
            let thursday = CivilDate(dayNumber: index * 7)
            let januaryFirst = CivilDate.dayNumber(year: thursday.year, month: 1, day: 1)
            let week = (index * 7 - januaryFirst) / 7 + 1
            return CivilDate.pad(thursday.year, 4) + "-W" + CivilDate.pad(week, 2)
        case .month:
            let year = Period.floorDivide(index, 12)
            return CivilDate.pad(year, 4) + "-" + CivilDate.pad(index - year * 12 + 1, 2)
        case .quarter:
            let year = Period.floorDivide(index, 4)
            return CivilDate.pad(year, 4) + "-Q" + String(index - year * 4 + 1)
        case .year:
            return CivilDate.pad(index, 4)
        }
    }

    /// The index of the period a key names, or nil when the key is not one of this kind
    /// (`2026-03` is not a week) or names no real period (`2026-W53`, `2026-13`).
    package func index(ofKey key: String) -> Int? {
        let parts = key.split(separator: "-", omittingEmptySubsequences: false).map(String.init)
        func number(_ text: String, digits: ClosedRange<Int>) -> Int? {
            guard digits.contains(text.count), text.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
            return Int(text)
        }
        switch self {
        case .day:
            guard parts.count == 3, let y = number(parts[0], digits: 4...4), let m = number(parts[1], digits: 2...2),
                  let d = number(parts[2], digits: 2...2), let date = CivilDate(year: y, month: m, day: d) else { return nil }
            return date.dayNumber
        case .week:
            guard parts.count == 2, let y = number(parts[0], digits: 4...4), parts[1].hasPrefix("W"),
                  let w = number(String(parts[1].dropFirst()), digits: 2...2), w >= 1 else { return nil }
            // Week 1 is the week holding January 4th.
            let index = self.index(ofDay: CivilDate.dayNumber(year: y, month: 1, day: 4)) + (w - 1)
            return self.key(ofIndex: index) == key ? index : nil
        case .month:
            guard parts.count == 2, let y = number(parts[0], digits: 4...4), let m = number(parts[1], digits: 2...2),
                  (1...12).contains(m) else { return nil }
            return y * 12 + m - 1
        case .quarter:
            guard parts.count == 2, let y = number(parts[0], digits: 4...4), parts[1].count == 2, parts[1].hasPrefix("Q"),
                  let q = Int(parts[1].dropFirst()), (1...4).contains(q) else { return nil }
            return y * 4 + q - 1
        case .year:
            guard parts.count == 1, let y = number(parts[0], digits: 4...4) else { return nil }
            return y
        }
    }

    /// An example key, for error messages.
    package var exampleKey: String {
        switch self {
        case .day: return "2026-03-07"
        case .week: return "2026-W10"
        case .month: return "2026-03"
        case .quarter: return "2026-Q1"
        case .year: return "2026"
        }
    }

    static func floorDivide(_ a: Int, _ b: Int) -> Int {
        let q = a / b
        return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q
    }
}
