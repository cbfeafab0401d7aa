import Foundation

/// The heatmap's colour scale: light to dark blue (ColorBrewer "Blues", which reads in
/// order for every kind of colour vision and in greyscale), interpolated in sRGB.
/// The colours are fixed, not theme variables, because each cell's text colour is
/// chosen against its exact fill for contrast.
struct SequentialColorScale {
    let lower: Double
    let upper: Double

    /// Light end to dark end. The lightest stop is tinted, not white, so a low value
    /// still reads as a cell on a white page.
    private static let stops: [(Double, Double, Double)] = [
        (0xE3, 0xEE, 0xF9), (0xC6, 0xDB, 0xEF), (0x9E, 0xCA, 0xE1), (0x6B, 0xAE, 0xD6),
        (0x42, 0x92, 0xC6), (0x21, 0x71, 0xB5), (0x08, 0x51, 0x9C), (0x08, 0x30, 0x6B),
    ]

    /// Dark text for light cells, white for dark ones. Black, not a softer near-black:
    /// where the two contrasts cross (a mid blue of luminance ≈ 0.18) black and white
    /// both still give 4.58:1, a near-black would leave mid cells under 4.5:1.
    static let darkText = "#000000"
    static let lightText = "#FFFFFF"

    /// The fill for `value`, as `#rrggbb`.
    func color(for value: Double) -> String {
        let (r, g, b) = rgb(for: value)
        let channels = [Int(r.rounded()), Int(g.rounded()), Int(b.rounded())]
        // Hex digits by hand: Foundation's String(format:) cost a heatmap more than all
        // its other text. (The stops keep every channel within 0…255.)
        guard channels.allSatisfy({ (0...255).contains($0) }) else {
            return String(format: "#%02X%02X%02X", channels[0], channels[1], channels[2])
        }
        let digits = Array("0123456789ABCDEF".utf8)
        var bytes: [UInt8] = [UInt8(ascii: "#")]
        for channel in channels {
            bytes.append(digits[channel >> 4])
            bytes.append(digits[channel & 15])
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The text colour with the higher WCAG contrast against the fill for `value`.
    func textColor(for value: Double) -> String {
        let (r, g, b) = rgb(for: value)
        let background = Self.luminance(r, g, b)
        let dark = Self.luminance(0, 0, 0)
        let contrastWithDark = (background + 0.05) / (dark + 0.05)
        let contrastWithWhite = 1.05 / (background + 0.05)
        return contrastWithDark >= contrastWithWhite ? Self.darkText : Self.lightText
    }

    /// Position of `value` in the scale, 0…1.
    func fraction(_ value: Double) -> Double {
        guard upper > lower, value.isFinite else { return 0 }
        return min(1, max(0, (value - lower) / (upper - lower)))
    }

    private func rgb(for value: Double) -> (Double, Double, Double) {
        let stops = Self.stops
        let position = fraction(value) * Double(stops.count - 1)
        let index = min(stops.count - 2, Int(position))
        let t = position - Double(index)
        let (a, b) = (stops[index], stops[index + 1])
        return (a.0 + (b.0 - a.0) * t, a.1 + (b.1 - a.1) * t, a.2 + (b.2 - a.2) * t)
    }

    /// WCAG 2 relative luminance of an sRGB colour given in 0…255.
    static func luminance(_ r: Double, _ g: Double, _ b: Double) -> Double {
        func channel(_ c: Double) -> Double {
            let s = c / 255
            return s <= 0.03928 ? s / 12.92 : pow((s + 0.055) / 1.055, 2.4)
        }
        return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)
    }
}
