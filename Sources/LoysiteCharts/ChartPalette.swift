/// Series colours. Each is a CSS custom property with a fallback, e.g.
/// `var(--chart-1, #0072B2)`, so `charts.css` (and a theme's dark scheme) can restyle
/// every chart at once, while a chart still has its colours where no stylesheet is
/// loaded (a feed reader, an e-mail).
///
/// The hues are Okabe & Ito's palette for colour-vision deficiency, reordered so the
/// first few are the most distinct, with its yellow and black swapped for an olive and a
/// grey that stay visible on both white and dark backgrounds.
enum ChartPalette {
    static let fallbacks = ["#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#999933", "#777777"]

    /// The colour of the series at `index` (0-based), cycling after eight.
    static func series(_ index: Int) -> String {
        let slot = index % fallbacks.count
        return "var(--chart-\(slot + 1), \(fallbacks[slot]))"
    }

    /// Colours that carry meaning: an NPS split reads green / grey / red without a
    /// legend lookup (bluish green and vermillion stay apart for red-green deficiency).
    static let good = "var(--chart-good, #009E73)"
    static let neutral = "var(--chart-neutral, #A0A0A0)"
    static let bad = "var(--chart-bad, #D55E00)"

    private static let semantic: [String: String] = [
        "promoters": good, "promoter": good,
        "passives": neutral, "passive": neutral,
        "detractors": bad, "detractor": bad,
    ]

    /// Colours for a chart's series, in order: the block's own `colors` first, then the
    /// meaning of well-known column names (promoters, passives, detractors) when every
    /// series has one, then the palette.
    static func colors(forSeries names: [String], custom: [String]) -> [String] {
        let meaningful = names.map { semantic[$0.lowercased()] }
        let useMeaning = !names.isEmpty && meaningful.allSatisfy { $0 != nil }
        return names.indices.map { index in
            if index < custom.count { return custom[index] }
            if useMeaning, let color = meaningful[index] { return color }
            return series(index)
        }
    }

    /// Whether `text` is a colour a chart block may give: `#rgb`, `#rrggbb`, `#rrggbbaa`
    /// or a CSS colour keyword (letters only). Nothing else reaches an attribute, so a
    /// block cannot smuggle in `url(…)` or an expression.
    static func isAcceptable(_ text: String) -> Bool {
        if text.hasPrefix("#") {
            let digits = text.dropFirst()
            return [3, 4, 6, 8].contains(digits.count) && digits.allSatisfy(\.isHexDigit)
        }
        return !text.isEmpty && text.count <= 30 && text.allSatisfy { $0.isASCII && $0.isLetter }
    }
}
