import LoysiteMetrics

/// Reads the dates of a dataset into day numbers (days since 1970-01-01, see `CivilDate`).
///
/// By default it accepts ISO 8601: a date (`2026-03-07`) or a date and time
/// (`2026-03-07T14:30`, `2026-03-07 14:30:00`, `…:00.250Z`, `…+01:00`). A sidecar's
/// `date_format` gives another layout in the usual pattern letters (`M/d/yyyy H:mm`).
/// Only the calendar date counts for metrics; the time is checked, then dropped, and a
/// UTC offset does not move the date (the business's own calendar day is the one that
/// counts).
struct DateText: Sendable {
    private let pattern: [Token]?
    /// How the expected form is described in messages.
    let expectation: String

    /// The ISO 8601 reader.
    static let iso = DateText(pattern: nil, expectation: "an ISO 8601 date such as 2026-03-07 or 2026-03-07 14:30:00")

    private init(pattern: [Token]?, expectation: String) {
        self.pattern = pattern
        self.expectation = expectation
    }

    /// A reader for a `date_format` pattern. Letters: `yyyy` (`yy`: 2000–2069 for 00–69,
    /// 1970–1999 for 70–99), `M`/`MM` (`MMM`, `MMMM`: English month names), `d`/`dd`,
    /// `H`/`HH` (0–23), `h`/`hh` (1–12, with `a` for AM/PM), `m`/`mm`, `s`/`ss`, `S…`
    /// (fraction of a second), `EEE`/`EEEE` (weekday name, not checked), `XXX`/`Z` (UTC
    /// offset), and `'…'` for literal text. A single letter accepts one or two digits, a
    /// doubled one exactly two.
    static func pattern(_ format: String) -> Result<DateText, PatternError> {
        var tokens: [Token] = []
        let characters = Array(format)
        var index = 0
        var sawYear = false, sawMonth = false, sawDay = false
        while index < characters.count {
            let character = characters[index]
            if character == "'" {
                var literal = ""
                index += 1
                while index < characters.count && characters[index] != "'" {
                    literal.append(characters[index])
                    index += 1
                }
                guard index < characters.count else { return .failure(.unclosedQuote) }
                index += 1
                tokens.append(.literal(Array((literal.isEmpty ? "'" : literal).utf8)))
                continue
            }
            guard character.isASCII, character.isLetter else {
                tokens.append(.literal(Array(String(character).utf8)))
                index += 1
                continue
            }
            var count = 1
            while index + count < characters.count && characters[index + count] == character { count += 1 }
            index += count
            switch (character, count) {
            case ("y", 2): tokens.append(.twoDigitYear); sawYear = true
            case ("y", _): tokens.append(.number(.year, min: count == 1 ? 1 : count, max: count == 1 ? 4 : count)); sawYear = true
            case ("M", 1...2): tokens.append(.number(.month, min: count, max: 2)); sawMonth = true
            case ("M", 3): tokens.append(.monthName(full: false)); sawMonth = true
            case ("M", _): tokens.append(.monthName(full: true)); sawMonth = true
            case ("d", 1...2): tokens.append(.number(.day, min: count, max: 2)); sawDay = true
            case ("H", 1...2): tokens.append(.number(.hour, min: count, max: 2))
            case ("h", 1...2): tokens.append(.number(.hour12, min: count, max: 2))
            case ("m", 1...2): tokens.append(.number(.minute, min: count, max: 2))
            case ("s", 1...2): tokens.append(.number(.second, min: count, max: 2))
            case ("S", _): tokens.append(.number(.fraction, min: 1, max: 9))
            case ("a", 1): tokens.append(.meridiem)
            case ("E", 1...4): tokens.append(.weekdayName)
            case ("X", _), ("Z", _), ("x", _): tokens.append(.offset)
            default: return .failure(.unsupportedLetter(String(repeating: character, count: count)))
            }
        }
        guard sawYear, sawMonth, sawDay else { return .failure(.incomplete) }
        return .success(DateText(pattern: tokens, expectation: "a date in the form \(format) (the sidecar's date_format)"))
    }

    enum PatternError: Error, Equatable, CustomStringConvertible {
        case unsupportedLetter(String)
        case unclosedQuote
        case incomplete

        var description: String {
            switch self {
            case .unsupportedLetter(let letters):
                return "date_format: '\(letters)' is not supported (use y, M, d, H, h, m, s, S, a, E, X and 'literal text')"
            case .unclosedQuote:
                return "date_format: a quote opens literal text that is never closed"
            case .incomplete:
                return "date_format must contain a year (yyyy), a month (M or MM) and a day (d or dd)"
            }
        }
    }

    /// The day number, or nil when `bytes` is not a valid date in the expected form.
    func dayNumber(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        var start = 0
        var end = bytes.count
        while start < end && (bytes[start] == 0x20 || bytes[start] == 0x09) { start += 1 }
        while end > start && (bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09) { end -= 1 }
        guard start < end else { return nil }
        var cursor = Cursor(bytes: bytes, index: start, end: end)
        if let pattern { return cursor.match(pattern) }
        return cursor.matchISO()
    }

    func dayNumber(_ text: String) -> Int? {
        var text = text
        return text.withUTF8 { dayNumber($0) }
    }

    enum Field { case year, month, day, hour, hour12, minute, second, fraction }

    enum Token {
        case number(Field, min: Int, max: Int)
        case twoDigitYear
        case monthName(full: Bool)
        case weekdayName
        case meridiem
        case offset
        case literal([UInt8])
    }

    private struct Cursor {
        let bytes: UnsafeBufferPointer<UInt8>
        var index: Int
        let end: Int

        mutating func digits(min: Int, max: Int) -> Int? {
            var value = 0
            var count = 0
            while count < max, index < end, bytes[index] >= 0x30, bytes[index] <= 0x39 {
                value = value * 10 + Int(bytes[index] - 0x30)
                index += 1
                count += 1
            }
            return count >= min ? value : nil
        }

        mutating func literal(_ byte: UInt8) -> Bool {
            guard index < end, bytes[index] == byte else { return false }
            index += 1
            return true
        }

        mutating func lettersLowercased() -> [UInt8] {
            var letters: [UInt8] = []
            while index < end, (bytes[index] | 0x20) >= 0x61, (bytes[index] | 0x20) <= 0x7A {
                letters.append(bytes[index] | 0x20)
                index += 1
            }
            return letters
        }

        /// `Z`, `±hh`, `±hhmm` or `±hh:mm`.
        mutating func offset() -> Bool {
            if literal(0x5A) { return true }
            guard index < end, bytes[index] == 0x2B || bytes[index] == 0x2D else { return false }
            index += 1
            guard let hours = digits(min: 2, max: 2), hours <= 23 else { return false }
            let colon = literal(0x3A)
            if index < end, bytes[index] >= 0x30, bytes[index] <= 0x39 {
                guard let minutes = digits(min: 2, max: 2), minutes <= 59 else { return false }
            } else if colon {
                return false
            }
            return true
        }

        static func validTime(hour: Int, minute: Int, second: Int) -> Bool {
            hour <= 23 && minute <= 59 && second <= 60
        }

        mutating func matchISO() -> Int? {
            guard let year = digits(min: 4, max: 4), literal(0x2D), let month = digits(min: 2, max: 2), literal(0x2D),
                  let day = digits(min: 2, max: 2), CivilDate(year: year, month: month, day: day) != nil else { return nil }
            if index < end {
                guard literal(0x54) || literal(0x20) || literal(0x74) else { return nil }
                guard let hour = digits(min: 2, max: 2), literal(0x3A), let minute = digits(min: 2, max: 2) else { return nil }
                var second = 0
                if literal(0x3A) {
                    guard let value = digits(min: 2, max: 2) else { return nil }
                    second = value
                    if literal(0x2E) || literal(0x2C) {
                        guard digits(min: 1, max: 9) != nil else { return nil }
                        while index < end, bytes[index] >= 0x30, bytes[index] <= 0x39 { index += 1 }
                    }
                }
                guard Cursor.validTime(hour: hour, minute: minute, second: second) else { return nil }
                if index < end { guard offset(), index == end else { return nil } }
            }
            return CivilDate.dayNumber(year: year, month: month, day: day)
        }

        mutating func match(_ pattern: [Token]) -> Int? {
            var year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0
            var hour12: Int?
            var pm: Bool?
            for token in pattern {
                switch token {
                case .number(let field, let min, let max):
                    guard let value = digits(min: min, max: max) else { return nil }
                    switch field {
                    case .year: year = value
                    case .month: month = value
                    case .day: day = value
                    case .hour: hour = value
                    case .hour12: hour12 = value
                    case .minute: minute = value
                    case .second: second = value
                    case .fraction: while index < end, bytes[index] >= 0x30, bytes[index] <= 0x39 { index += 1 }
                    }
                case .twoDigitYear:
                    guard let value = digits(min: 2, max: 2) else { return nil }
                    year = value < 70 ? 2000 + value : 1900 + value
                case .monthName(let full):
                    let name = lettersLowercased()
                    guard let found = Cursor.monthNames.firstIndex(where: { full ? $0 == name : Array($0.prefix(3)) == name })
                            ?? Cursor.monthNames.firstIndex(where: { $0 == name || Array($0.prefix(3)) == name })
                    else { return nil }
                    month = found + 1
                case .weekdayName:
                    guard !lettersLowercased().isEmpty else { return nil }
                case .meridiem:
                    let letters = lettersLowercased()
                    if letters == Array("am".utf8) { pm = false } else if letters == Array("pm".utf8) { pm = true } else { return nil }
                case .offset:
                    guard offset() else { return nil }
                case .literal(let expected):
                    for byte in expected { guard literal(byte) else { return nil } }
                }
            }
            guard index == end else { return nil }
            if let hour12 {
                guard (1...12).contains(hour12) else { return nil }
                hour = (hour12 % 12) + (pm == true ? 12 : 0)
            } else if let pm {
                guard (1...12).contains(hour) else { return nil }
                hour = (hour % 12) + (pm ? 12 : 0)
            }
            guard Cursor.validTime(hour: hour, minute: minute, second: second),
                  CivilDate(year: year, month: month, day: day) != nil else { return nil }
            return CivilDate.dayNumber(year: year, month: month, day: day)
        }

        static let monthNames: [[UInt8]] = [
            "january", "february", "march", "april", "may", "june",
            "july", "august", "september", "october", "november", "december",
        ].map { Array($0.utf8) }
    }
}
