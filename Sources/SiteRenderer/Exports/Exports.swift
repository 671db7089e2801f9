import Analytics
import LedgerModel

/// The export files of `site/exports/`, each as the exact bytes to write.
///
/// Formats follow metrics.md "Exported tables": money 2 decimals, rates and shares 4, means and
/// medians 2, dates `YYYY-MM-DD`, a missing value an empty cell, rounding half away from zero on
/// the exact value.
package enum Exports {
    static func money(_ value: Money) -> CSVCell { .value(value.formatted(decimals: 2)) }
    static func rate(_ value: Ratio?) -> CSVCell { .value(value?.formatted(decimals: 4)) }
    static func mean(_ value: Ratio?) -> CSVCell { .value(value?.formatted(decimals: 2)) }
    static func day(_ value: Day?) -> CSVCell { .value(value?.description) }
    static func int<T: BinaryInteger>(_ value: T) -> CSVCell { .value(String(value)) }
    static func int<T: BinaryInteger>(_ value: T?) -> CSVCell { .value(value.map { String($0) }) }
    static func score(_ value: UInt8) -> CSVCell { value == 0 ? .empty : .value(String(value)) }
}
