import LoysiteMetrics
import LoysiteSupport
import Yams

/// The `clv:` block of an orders sidecar (SPEC §2), as written: every key optional.
/// The calibration end defaults to the observation end, which the loader knows only
/// after reading the rows (`settings(observationEnd:)`).
struct CLVSidecarBlock: Sendable {
    /// Where `clv:` is written: warnings about the fits point here.
    var location: SourceLocation
    /// Days since 1970-01-01.
    var calibrationEnd: Int?
    var unit: CLVSettings.TimeUnit = .week
    var horizon: Int?
    var discountRate: Double = 0

    static let knownKeys = ["calibration_end", "unit", "horizon", "discount_rate"]

    /// Reads the block; bad values are errors at the value, unknown keys warnings.
    static func parse(_ entry: YAMLDocument.Entry, in document: YAMLDocument) -> (block: CLVSidecarBlock, diagnostics: [Diagnostic]) {
        var block = CLVSidecarBlock(location: entry.keyLocation)
        var diagnostics: [Diagnostic] = []
        guard case .mapping(let mapping) = entry.value else {
            if !DatasetSidecar.isNull(entry.value) {
                diagnostics.append(.error("'clv' must be a mapping like {calibration_end: 2011-12-09, unit: week}, found \(entry.value.kindDescription)", at: entry.valueLocation))
            }
            return (block, diagnostics)
        }
        for (key, value) in mapping {
            let name = (key.string ?? "").lowercased()
            let location = document.locate(value)
            let text = value.scalarText?.trimmingBlanks() ?? ""
            switch name {
            case "calibration_end":
                switch DatasetSidecar.day(Located(text, at: location), key: "clv.calibration_end") {
                case .success(let day): block.calibrationEnd = day
                case .failure(let diagnostic): diagnostics.append(diagnostic)
                }
            case "unit":
                if let unit = CLVSettings.TimeUnit(rawValue: text.lowercased()) {
                    block.unit = unit
                } else {
                    diagnostics.append(.error("'clv.unit' must be day, week or month, found \(value.kindDescription)", at: location))
                }
            case "horizon":
                if let units = Int(text), units >= 1, units <= 100_000 {
                    block.horizon = units
                } else {
                    diagnostics.append(.error("'clv.horizon' must be a whole number of units from 1 to 100000, found \(value.kindDescription)", at: location))
                }
            case "discount_rate":
                if let rate = Double(text), rate.isFinite, rate >= 0, rate < 1 {
                    block.discountRate = rate
                } else {
                    diagnostics.append(.error("'clv.discount_rate' must be a number from 0 up to (not including) 1, per unit, found \(value.kindDescription)", at: location))
                }
            default:
                diagnostics.append(.warning(
                    "unknown key '\(key.string ?? "")' in the clv block (known keys: \(knownKeys.joined(separator: ", ")))",
                    at: document.locate(key)))
            }
        }
        return (block, diagnostics)
    }

    /// The settings, the calibration end defaulting to `observationEnd`.
    func settings(observationEnd: Int) -> CLVSettings {
        CLVSettings(calibrationEnd: calibrationEnd ?? observationEnd, unit: unit, horizon: horizon, discountRate: discountRate)
    }
}

/// The sidecar's `zero_amount`: what an order of exactly 0 is (SPEC §2).
enum ZeroAmountPolicy: String, Sendable {
    /// A return (the default).
    case `return`
    /// A counted order: a free order, or one paid wholly in loyalty points.
    case order
}
