/// The earliest and latest dates a reader has seen, with where each is in the file: a
/// dataset whose dates span more than `Period.maximumSpan` periods is reported at them,
/// as one is most likely a mistyped year.
struct DateExtremes {
    struct Mark {
        var day: Int
        var line: Int
        var column: Int
    }

    private(set) var earliest: Mark?
    private(set) var latest: Mark?

    /// Notes a date (days since 1970-01-01); `position` is asked only for a new extreme.
    mutating func note(_ day: Int, at position: () -> (line: Int, column: Int)) {
        let isEarliest = day < earliest?.day ?? .max, isLatest = day > latest?.day ?? .min
        guard isEarliest || isLatest else { return }
        let (line, column) = position()
        if isEarliest { earliest = Mark(day: day, line: line, column: column) }
        if isLatest { latest = Mark(day: day, line: line, column: column) }
    }

    /// Notes the extremes of the rows that follow (a later chunk of the file, whose lines
    /// are counted from `lineOffset + 1`): the same marks as noting its rows one by one,
    /// since each mark is the first row of its day.
    mutating func merge(_ other: DateExtremes, lineOffset: Int) {
        for mark in [other.earliest, other.latest].compactMap({ $0 }) {
            note(mark.day) { (mark.line + lineOffset, mark.column) }
        }
    }
}
