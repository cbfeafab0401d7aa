// Exact money: Foundation.Decimal against a fixed-point Int128 (loysite's `Money`, 10⁻¹²
// units), on the 541,909 Quantity × UnitPrice products of the Online Retail export.
// Both sums must be 9747747.934 exactly. Run:
//   swiftc -O bench/metrics-money.swift -o /dev/shm/metrics-money && /dev/shm/metrics-money
import Foundation

let path = CommandLine.arguments.count > 1 ? CommandLine.arguments[1] : "../shared/data/online-retail/online-retail.csv"
let text = try String(contentsOfFile: path, encoding: .utf8)
var quantities: [String] = [], prices: [String] = []
for line in text.split(separator: "\n").dropFirst() {
    let fields = line.split(separator: ",", omittingEmptySubsequences: false)
    quantities.append(String(fields[fields.count - 5]))
    prices.append(String(fields[fields.count - 3]))
}

/// Digits and a point → (significand, fraction digits), as loysite's DecimalText does.
func parse(_ text: String) -> (Int128, Int) {
    var significand: Int128 = 0, digits = 0, negative = false, point = false
    for byte in text.utf8 {
        switch byte {
        case 0x2D: negative = true
        case 0x2E: point = true
        default:
            significand = significand &* 10 &+ Int128(byte &- 0x30)
            if point { digits += 1 }
        }
    }
    return (negative ? -significand : significand, digits)
}

func time(_ label: String, _ body: () -> String) {
    let start = DispatchTime.now().uptimeNanoseconds
    let result = body()
    let ms = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6
    print(label.padding(toLength: 44, withPad: " ", startingAt: 0), String(format: "%7.1f ms", ms), " sum", result)
}

for _ in 0..<3 {
    time("Foundation.Decimal: parse, multiply, sum") {
        var sum = Decimal(0)
        for i in quantities.indices { sum += Decimal(string: quantities[i])! * Decimal(string: prices[i])! }
        return "\(sum)"
    }
    time("Int128 fixed point: parse, multiply, sum") {
        var sum: Int128 = 0
        let powers: [Int128] = (0...12).map { n in (0..<n).reduce(Int128(1)) { r, _ in r * 10 } }
        for i in quantities.indices {
            let (q, qd) = parse(quantities[i]), (p, pd) = parse(prices[i])
            sum += q * p * powers[12 - qd - pd]
        }
        let whole = sum / 1_000_000_000_000, fraction = abs(sum % 1_000_000_000_000)
        return "\(whole).\(String(fraction).leftPadded(12))".replacingOccurrences(of: #"0+$"#, with: "", options: .regularExpression)
    }
    let parsedQ = quantities.map { Decimal(string: $0)! }, parsedP = prices.map { Decimal(string: $0)! }
    time("Foundation.Decimal: multiply, sum (parsed)") {
        var sum = Decimal(0)
        for i in parsedQ.indices { sum += parsedQ[i] * parsedP[i] }
        return "\(sum)"
    }
}

extension String {
    func leftPadded(_ width: Int) -> String { String(repeating: "0", count: max(0, width - count)) + self }
}
