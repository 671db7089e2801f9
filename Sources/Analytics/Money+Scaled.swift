import LedgerModel

extension Money {
    /// Formats an already rounded integer `value / 10^decimals` plainly: `-0.50`, `12`.
    package static func formatScaled(_ value: Int128, decimals: Int) -> String {
        Money.format(value, scaleDigits: decimals, decimals: decimals)
    }
}
