/// An exact amount of the site's one currency, in millionths of a unit.
///
/// Six decimals keep every amount a ledger writes (and a derive such as `quantity * price *
/// (1 - discount)` of two-decimal inputs) exact; `Int64` holds ±9.2 × 10^12 units per value.
/// Sums that could exceed that (grade bounds over all revenue) widen to `Int128`.
package struct Money: Hashable, Comparable, Sendable, AdditiveArithmetic {
    package static let scale: Int64 = 1_000_000
    package var micros: Int64

    package init(micros: Int64) { self.micros = micros }
    package init(units: Int64) { self.micros = units * Money.scale }

    package static let zero = Money(micros: 0)
    package static func + (lhs: Money, rhs: Money) -> Money { Money(micros: lhs.micros + rhs.micros) }
    package static func - (lhs: Money, rhs: Money) -> Money { Money(micros: lhs.micros - rhs.micros) }
    package static func += (lhs: inout Money, rhs: Money) { lhs.micros += rhs.micros }
    package static func < (lhs: Money, rhs: Money) -> Bool { lhs.micros < rhs.micros }
    package static prefix func - (value: Money) -> Money { Money(micros: -value.micros) }

    /// Rounds half away from zero to `decimals` places (0...6) and formats plainly: `-1234.50`.
    package func formatted(decimals: Int = 2) -> String {
        Money.format(Int128(micros), scaleDigits: 6, decimals: decimals)
    }

    /// Formats an exact fixed-point value `value / 10^scaleDigits`, rounded half away from zero.
    package static func format(_ value: Int128, scaleDigits: Int, decimals: Int) -> String {
        precondition(decimals <= scaleDigits)
        var divisor: Int128 = 1
        for _ in 0..<(scaleDigits - decimals) { divisor *= 10 }
        let negative = value < 0
        let magnitude = negative ? -value : value
        let rounded = (magnitude + divisor / 2) / divisor
        var unit: Int128 = 1
        for _ in 0..<decimals { unit *= 10 }
        let whole = rounded / unit
        var text = String(whole)
        if decimals > 0 {
            let frac = String(rounded % unit)
            text += "." + String(repeating: "0", count: decimals - frac.count) + frac
        }
        return negative && rounded != 0 ? "-" + text : text
    }
}
