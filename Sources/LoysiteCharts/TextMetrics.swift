/// Estimates how wide a label will be, without a font engine: charts are laid out at
/// build time, long before a browser picks the reader's system font. Widths are per
/// character class, measured on Helvetica/Arial/Segoe-like sans-serif fonts and rounded
/// up a little, so an estimate errs towards too wide (labels thinned a bit early) rather
/// than too narrow (labels overlapping).
enum TextMetrics {
    /// Estimated width of `text` at `fontSize` (in the same units as the font size).
    static func width(_ text: String, fontSize: Double) -> Double {
        var ems = 0.0
        for scalar in text.unicodeScalars { ems += emWidth(scalar) }
        return ems * fontSize * 1.04
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
        case "i", "j", "l", "'", "|", "!", ".", ",", ":", ";": return 0.25
        case " ", "f", "t", "I", "(", ")", "[", "]", "/", "\\", "-", "·": return 0.32
        case "r": return 0.36
        case "m", "M", "W", "%", "@", "…", "—": return 0.9
        case "w": return 0.76
        case "0"..."9", "$", "€", "£", "¥", "+", "−", "=", "<", ">", "#", "?", "_": return 0.58
        case "a"..."z": return 0.54
        case "A"..."Z", "&": return 0.68
        case "▲", "▼": return 0.8
        default:
            // CJK, emoji and other wide scripts take a full em; the rest of Latin,
            // Greek and Cyrillic about as much as an average letter.
            return scalar.value >= 0x2E80 ? 1.0 : 0.62
        }
    }
}
