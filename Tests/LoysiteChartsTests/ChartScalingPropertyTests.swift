import Foundation
import LoysiteSupport
import PropertyBased
import Testing
@testable import LoysiteCharts

/// Chart scaling for any finite data: whatever numbers a dataset holds (tiny, huge,
/// negative, missing, all equal), every chart type renders without trapping, its SVG
/// parses, and every coordinate is finite and inside the viewBox.
@Suite struct ChartScalingPropertyTests {
    /// A finite number of any magnitude from 1e-12 to the largest Double, either sign,
    /// with zeros and missing values mixed in: what a CSV export can hold.
    static let anyFigure = zip(Gen.int(in: 0...9), Gen.double(in: -1...1), Gen.int(in: -12...308)).map { kind, mantissa, exponent -> Double? in
        switch kind {
        case 0: return nil
        case 1: return 0
        case 2: return mantissa < 0 ? -Double.greatestFiniteMagnitude : .greatestFiniteMagnitude
        case 3: return mantissa * 100
        default:
            let value = mantissa * pow(10, Double(exponent))
            return value.isFinite ? value : .greatestFiniteMagnitude
        }
    }

    static let rows = zip(anyFigure, anyFigure).array(of: 0...14)

    static func specs(for type: ChartType) -> [ChartSpec] {
        switch type {
        case .sparkline, .donut: return [ChartSpec(type: type, x: "period", y: ["a"])]
        case .heatmap: return [ChartSpec(type: type, x: "period", y: ["a", "b"])]
        case .stackedBar:
            return [ChartSpec(type: type, x: "period", y: ["a", "b"]), ChartSpec(type: type, x: "period", y: ["a", "b"], percent: true)]
        default: return [ChartSpec(type: type, x: "period", y: ["a"]), ChartSpec(type: type, x: "period", y: ["a", "b"])]
        }
    }

    @Test(arguments: ChartType.allCases, [DataTable.Unit.count, .money, .ratio])
    func everyCoordinateIsFiniteAndInsideTheViewBox(type: ChartType, unit: DataTable.Unit) async {
        await propertyCheck(count: 60, input: Self.rows) { pairs in
            let table = Fixtures.twoSeries(pairs, unit: unit)
            for spec in Self.specs(for: type) {
                let chart: Rendered
                do {
                    chart = try Rendered(spec, table)
                } catch is ChartError {
                    continue  // an author error (negative donut parts), reported, not drawn
                } catch {
                    Issue.record("\(type.rawValue) \(spec.y): \(error)")
                    continue
                }
                for svg in chart.svgs {
                    let geometry = SVGGeometry(svg)
                    #expect(geometry.width > 0 && geometry.width.isFinite && geometry.height > 0 && geometry.height.isFinite)
                    let problems = geometry.outOfBounds()
                    #expect(problems.isEmpty, "\(type.rawValue) \(spec.y) \(pairs): \(problems.prefix(3))")
                    for node in svg.all where node !== svg {
                        for (key, value) in node.attributes where ["x", "y", "width", "height", "cx", "cy", "r", "x1", "y1", "x2", "y2"].contains(key) && !value.hasSuffix("em") {
                            #expect(Double(value)?.isFinite == true, "\(type.rawValue): \(node.name) \(key)=\(value)")
                        }
                    }
                }
                let lower = chart.html.lowercased()
                #expect(!lower.contains("nan") && !lower.contains("inf"), "\(type.rawValue) \(spec.y) \(pairs): non-finite text")
            }
        }
    }

    @Test func niceScaleCoversItsDataWithFiniteTicks() async {
        await propertyCheck(count: 500, input: Self.anyFigure, Self.anyFigure, Gen.int(in: 1...10), Gen.bool) { a, b, target, includeZero in
            let low = Swift.min(a ?? 0, b ?? 0), high = Swift.max(a ?? 0, b ?? 0)
            let scale = NiceScale.make(minimum: low, maximum: high, targetTicks: target, includeZero: includeZero)
            #expect(scale.lower.isFinite && scale.upper.isFinite && scale.step.isFinite && scale.step > 0)
            #expect(scale.lower < scale.upper)
            // Data beyond ±1e300 is scaled as ±1e300 (NiceScale.largestMagnitude).
            let limit = NiceScale.largestMagnitude
            #expect(scale.lower <= Swift.max(low, -limit) && scale.upper >= Swift.min(high, limit), "\(low)…\(high) in \(scale)")
            let ticks = scale.ticks
            #expect(!ticks.isEmpty && ticks.count <= target + 2, "\(ticks.count) ticks for \(target)")
            #expect(ticks.allSatisfy { $0.isFinite })
        }
    }
}
