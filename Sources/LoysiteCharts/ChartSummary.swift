import LoysiteSupport

/// Plain-language summaries for `<desc>`: what a sighted reader takes in at a glance
/// (how many points, first and last, lowest and highest), for screen readers.
enum ChartSummary {
    /// "12 points, period 2025-01 to 2025-12."
    static func categories(_ data: CategoryData, noun: String = "points") -> String {
        let count = data.categories.count
        var text = "\(count) \(count == 1 ? String(noun.dropLast()) : noun)"
        if let first = data.categories.first, let last = data.categories.last {
            let prefix = data.categoryLabel.map { $0.lowercasedFirst + " " } ?? ""
            text += count == 1 ? ", \(prefix)\(first)" : ", \(prefix)\(first) to \(last)"
        }
        let partial = data.categories.indices.filter { $0 < data.partial.count && data.partial[$0] }.map { data.categories[$0] }
        if !partial.isEmpty {
            text += ". " + partial.joined(separator: ", ") + (partial.count == 1 ? " is a partial period: the data ends before it does" : " are partial periods")
        }
        return text + "."
    }

    /// "Retention rate: first 40% (2025-02), last 52% (2025-12), lowest 38% (2025-03),
    /// highest 55% (2025-07); 1 missing."
    static func series(_ series: ChartSeries, categories: [String], currencyCode: String) -> String {
        func show(_ value: Double) -> String {
            FigureFormatter.format(value, unit: series.unit, currencyCode: currencyCode, style: .full)
        }
        let present = series.values.indices.compactMap { index in series.values[index].map { (index, $0) } }
        guard let first = present.first, let last = present.last else {
            return "\(series.label): no values."
        }
        var parts: [String] = []
        if present.count == 1 {
            parts.append("\(show(first.1)) (\(categories[first.0]))")
        } else {
            let lowest = present.min { $0.1 < $1.1 }!
            let highest = present.max { $0.1 < $1.1 }!
            parts.append("first \(show(first.1)) (\(categories[first.0]))")
            parts.append("last \(show(last.1)) (\(categories[last.0]))")
            parts.append("lowest \(show(lowest.1)) (\(categories[lowest.0]))")
            parts.append("highest \(show(highest.1)) (\(categories[highest.0]))")
        }
        var text = "\(series.label): " + parts.joined(separator: ", ")
        let missing = series.values.count - present.count
        if missing > 0 { text += "; \(missing) missing" }
        return text + "."
    }

    /// A title made from the columns when the block has none: "Retention rate by period".
    static func fallbackTitle(_ data: CategoryData) -> String {
        let names = data.series.map(\.label)
        let what: String
        switch names.count {
        case 0: what = "Values"
        case 1: what = names[0]
        case 2: what = names[0] + " and " + names[1].lowercasedFirst
        default: what = names.dropLast().joined(separator: ", ") + " and " + names.last!.lowercasedFirst
        }
        guard let category = data.categoryLabel else { return what }
        return what + " by " + category.lowercasedFirst
    }
}

extension String {
    /// "Retention rate" → "retention rate", but "NPS" stays "NPS".
    var lowercasedFirst: String {
        guard let first = first, first.isUppercase else { return self }
        let second = dropFirst().first
        if let second, second.isUppercase { return self }
        return first.lowercased() + dropFirst()
    }
}
