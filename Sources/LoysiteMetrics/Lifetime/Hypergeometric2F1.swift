import Foundation

/// The Gaussian hypergeometric function ₂F₁(a, b; c; z) for 0 ≤ z < 1, as the natural
/// logarithm of its value, by its defining power series
/// Σₙ (a)ₙ (b)ₙ / ((c)ₙ n!) zⁿ.
///
/// The BG/NBD conditional expectation needs it with a = r + x and b = b + x, which grow
/// with a customer's purchase count: the terms first rise, to well beyond the range of a
/// `Double` for heavy buyers close to z = 1, before they fall. The sum is therefore kept
/// as a mantissa and a power of 2^600 (rescaled whenever it gets large), and the result
/// is returned as a logarithm, which the caller combines with the equally large or
/// small factor in front of it.
///
/// The series converges for every z < 1, slowly as z approaches 1 (about
/// 40 / −ln z terms past the peak); the summation gives up after `maximumTerms`.
///
/// - Returns: ln ₂F₁(a, b; c; z); nil when the value is not positive, c is a
///   non-positive integer (undefined), z is outside [0, 1), or the series did not
///   converge within `maximumTerms` terms.
package func logHypergeometric2F1(_ a: Double, _ b: Double, _ c: Double, _ z: Double, maximumTerms: Int = 5_000_000) -> Double? {
    guard z >= 0, z < 1, a.isFinite, b.isFinite, c.isFinite else { return nil }
    if z == 0 { return 0 }
    let rescale = 0x1p600
    let logRescale = 600 * M_LN2
    var sum = 1.0
    var term = 1.0
    var scales = 0
    var n = 0.0
    var index = 0
    while index < maximumTerms {
        let denominator = (c + n) * (n + 1)
        guard denominator != 0 else { return nil }
        let ratio = (a + n) * (b + n) / denominator * z
        term *= ratio
        sum += term
        n += 1
        index += 1
        if abs(sum) > rescale {
            sum /= rescale
            term /= rescale
            scales += 1
        }
        // Past the peak (|ratio| < 1) the remaining terms are bounded by a geometric
        // series of ratio max(|ratio|, z) (the ratios tend to z, from above or below):
        // stop once that bound is below the last bit of the sum.
        let magnitude = max(abs(ratio), z)
        if magnitude < 1, abs(term) * magnitude / (1 - magnitude) <= abs(sum) * 1e-17 {
            guard sum > 0 else { return nil }
            return log(sum) + Double(scales) * logRescale
        }
        if term == 0 {
            guard sum > 0 else { return nil }
            return log(sum) + Double(scales) * logRescale
        }
    }
    return nil
}
