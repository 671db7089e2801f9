/// A base-10 logarithmic axis with one tick per decade, for skewed values such as revenue.
///
/// Only positive values can be placed; callers drop or count the rest (see ``ScatterPlot``).
package struct LogScale: Sendable, Equatable {
    /// Exponent of the first decade tick.
    package let lowerExponent: Int
    /// Exponent of the last decade tick.
    package let upperExponent: Int

    /// Creates decades covering the positive values between `min` and `max`.
    package init(min: Double, max: Double) {
        let low = min.isFinite && min > 0 ? min : 1
        let high = max.isFinite && max > 0 ? Swift.max(max, low) : low
        let lowerExponent = Int(Math.log10(low).rounded(.down))
        var upperExponent = Int((Math.log10(high) - 1e-12).rounded(.up))
        if upperExponent <= lowerExponent { upperExponent = lowerExponent + 1 }
        self.lowerExponent = lowerExponent
        self.upperExponent = upperExponent
    }

    /// 10^k for every decade from the lower to the upper exponent.
    package var ticks: [Double] { (lowerExponent...upperExponent).map { Math.powerOfTen($0) } }

    /// The fraction 0…1 of the way along the axis; non-positive values sit at the bottom.
    package func fraction(of value: Double) -> Double {
        guard value.isFinite, value > 0 else { return 0 }
        let position = (Math.log10(value) - Double(lowerExponent)) / Double(upperExponent - lowerExponent)
        return Swift.min(Swift.max(position, 0), 1)
    }
}
