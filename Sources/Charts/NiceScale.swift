/// A linear axis whose ticks are 1, 2 or 5 × 10^k and whose ends are ticks covering the data.
///
/// Round ticks are what makes a chart readable at a glance; the ends snap outward to a tick so
/// the largest bar never touches an unlabelled top edge. Bars pass `includeZero` so their length
/// is honest; a scatter plot may not.
package struct NiceScale: Sendable, Equatable {
    /// First tick, at or below the smallest value.
    package let lower: Double
    /// Last tick, at or above the largest value.
    package let upper: Double
    /// Distance between ticks.
    package let step: Double
    /// Every tick from `lower` to `upper`, computed as integer multiples so `0.3` prints as `0.3`.
    package let ticks: [Double]

    /// Creates the scale for values between `min` and `max`, aiming for about `targetTickCount` gaps.
    ///
    /// Non-finite bounds count as zero; an empty range (all values equal) widens to one step so
    /// positions never divide by zero.
    package init(min: Double, max: Double, targetTickCount: Int = 5, includeZero: Bool = true) {
        var low = min.isFinite ? min : 0
        var high = max.isFinite ? max : 0
        if low > high { swap(&low, &high) }
        if includeZero { low = Swift.min(low, 0); high = Swift.max(high, 0) }
        if low == high {
            let spread = low == 0 ? 1 : abs(low) / 2
            if includeZero && low == 0 { high = 1 } else { low -= spread; high += spread }
            if includeZero && min >= 0 { low = Swift.max(low, 0) }
        }
        let (mantissa, exponent) = NiceScale.niceStep(for: (high - low) / Double(Swift.max(targetTickCount, 1)))
        let step = NiceScale.value(mantissa, exponent)
        let first = Int64((low / step + 1e-9).rounded(.down))
        let last = Int64((high / step - 1e-9).rounded(.up))
        var ticks: [Double] = []
        for index in first...Swift.max(last, first + 1) {
            ticks.append(NiceScale.value(index * Int64(mantissa), exponent))
        }
        self.ticks = ticks
        self.lower = ticks[0]
        self.upper = ticks[ticks.count - 1]
        self.step = step
    }

    /// The fraction 0…1 of the way from `lower` to `upper`; clamped so stray values stay on the plot.
    package func fraction(of value: Double) -> Double {
        guard value.isFinite else { return 0 }
        return Swift.min(Swift.max((value - lower) / (upper - lower), 0), 1)
    }

    /// Chooses 1, 2 or 5 × 10^k, the smallest such step not below `rough`.
    static func niceStep(for rough: Double) -> (mantissa: Int, exponent: Int) {
        guard rough.isFinite, rough > 0 else { return (1, 0) }
        var exponent = 0
        while Math.powerOfTen(exponent) > rough && exponent > -300 { exponent -= 1 }
        while Math.powerOfTen(exponent + 1) <= rough && exponent < 300 { exponent += 1 }
        let residual = rough / Math.powerOfTen(exponent)
        if residual <= 1 { return (1, exponent) }
        if residual <= 2 { return (2, exponent) }
        if residual <= 5 { return (5, exponent) }
        return (1, exponent + 1)
    }

    /// `units × 10^exponent`, dividing by an exact power of ten for negative exponents.
    private static func value(_ units: Int64, _ exponent: Int) -> Double {
        exponent >= 0 ? Double(units) * Math.powerOfTen(exponent) : Double(units) / Math.powerOfTen(-exponent)
    }

    private static func value(_ units: Int, _ exponent: Int) -> Double { value(Int64(units), exponent) }
}
