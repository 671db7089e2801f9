import LedgerModel

/// An exact quotient of two integers, rounded only when shown.
///
/// Every rate, share, mean and median of the metrics is one of these, so that "4 decimals, half
/// away from zero" is decided on the exact value and two implementations agree to the last digit.
package struct Ratio: Hashable, Sendable {
    package var numerator: Int128
    /// Always positive.
    package var denominator: Int128

    /// Returns nil when `denominator` is zero (the metric is undefined, an empty cell).
    package init?(_ numerator: Int128, _ denominator: Int128) {
        guard denominator != 0 else { return nil }
        self.numerator = denominator < 0 ? -numerator : numerator
        self.denominator = denominator < 0 ? -denominator : denominator
    }

    package init?(_ numerator: Int, _ denominator: Int) {
        self.init(Int128(numerator), Int128(denominator))
    }

    /// Rounds half away from zero to `decimals` places and formats plainly: `0.3333`, `-1.50`.
    package func formatted(decimals: Int) -> String {
        Money.formatScaled(scaled(decimals: decimals), decimals: decimals)
    }

    /// The ratio times `10^decimals`, rounded half away from zero: the integer every printed
    /// form of it (``formatted(decimals:)``, the pages' and exports' byte writers) writes.
    package func scaled(decimals: Int) -> Int128 {
        var unit: Int128 = 1
        for _ in 0..<decimals { unit *= 10 }
        return Ratio.roundedDivision(numerator * unit, denominator)
    }

    /// For charts and sorting only; never for a printed figure.
    package var doubleValue: Double { Double(numerator) / Double(denominator) }

    /// `a / b` rounded half away from zero, `b > 0`.
    package static func roundedDivision(_ a: Int128, _ b: Int128) -> Int128 {
        let magnitude = a < 0 ? -a : a
        let q = (magnitude * 2 + b) / (b * 2)
        return a < 0 ? -q : q
    }

    /// Exact comparison by cross-multiplication.
    package static func < (lhs: Ratio, rhs: Ratio) -> Bool {
        lhs.numerator * rhs.denominator < rhs.numerator * lhs.denominator
    }
}
