import Foundation

/// ln Γ(x) for x > 0, by the C library's `lgamma` (accurate to a few ulp, and with no
/// cancellation for large x as Γ itself would overflow at x ≈ 171).
@inline(__always)
func logGamma(_ x: Double) -> Double {
    lgamma(x)
}

/// ln B(a, b) = ln Γ(a) + ln Γ(b) − ln Γ(a + b), for a, b > 0.
@inline(__always)
func logBeta(_ a: Double, _ b: Double) -> Double {
    lgamma(a) + lgamma(b) - lgamma(a + b)
}
