/// Estimates how wide a label will be, without a font engine: charts are laid out at
/// build time, long before a browser picks the reader's system font. Widths are per
/// character, measured on DejaVu Sans (the default sans-serif on Linux and among the
/// widest system fonts), so on San Francisco, Segoe UI or Roboto a label is a little
/// narrower than estimated: labels are thinned or shortened a bit early, never drawn
/// overlapping or clipped.
enum TextMetrics {
    /// Estimated width of `text` at `fontSize` (in the same units as the font size).
    static func width(_ text: String, fontSize: Double) -> Double {
        var ems = 0.0
        for scalar in text.unicodeScalars { ems += emWidth(scalar) }
        return ems * fontSize
    }

    /// `text` cut to fit `maxWidth`, ending in `…` when cut. Returns whether it was cut,
    /// so the caller can keep the full text in a `<title>` tooltip.
    static func truncate(_ text: String, toWidth maxWidth: Double, fontSize: Double) -> (text: String, truncated: Bool) {
        if width(text, fontSize: fontSize) <= maxWidth { return (text, false) }
        var characters = Array(text)
        while !characters.isEmpty {
            characters.removeLast()
            while characters.last?.isWhitespace == true { characters.removeLast() }
            let candidate = String(characters) + "…"
            if width(candidate, fontSize: fontSize) <= maxWidth { return (candidate, true) }
        }
        return ("…", true)
    }

    private static func emWidth(_ scalar: Unicode.Scalar) -> Double {
        switch scalar {
        case "i", "j", "l", "'", "I", "J": return 0.3
        case " ", ".", ",", ":", ";", "|", "/", "\\", "·": return 0.34
        case "f", "t", "r", "(", ")", "[", "]", "-", "!": return 0.41
        case "m": return 0.98
        case "w": return 0.82
        case "c", "s", "z", "?", "_": return 0.56
        case "a"..."z": return 0.64
        case "0"..."9", "$", "€", "£", "¥", "₹", "₩": return 0.64
        case "M", "W": return 0.99
        case "A"..."Z": return 0.79
        case "%", "@", "…", "—": return 1.0
        case "+", "−", "=", "<", ">", "#", "~": return 0.84
        case "&", "▲", "▼": return 0.8
        case "\"": return 0.46
        default:
            // CJK, emoji and other wide scripts take a full em; the rest of Latin,
            // Greek and Cyrillic about as much as a capital.
            return scalar.value >= 0x2E80 ? 1.0 : 0.75
        }
    }
}
