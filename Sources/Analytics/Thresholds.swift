/// The tunable thresholds of metrics.md, with their documented defaults.
///
/// Grade shares are kept in basis points (8000 = 0.80) so the grade bound
/// `before × 10000 < total × 8000` is decided on integers, never on a binary fraction.
package struct Thresholds: Hashable, Sendable {
    package var atRiskDays = 90
    package var churnDays = 180
    package var loyalOrders = 5
    package var followUpDays = 30
    package var staleDays = 90
    /// `grade_a_share` in basis points (1/10000).
    package var gradeAShareBasisPoints = 8000
    /// `grade_b_share` in basis points (1/10000).
    package var gradeBShareBasisPoints = 9500

    package init() {}

    /// Converts a config share such as `0.80` to basis points; nil outside 0...1.
    ///
    /// Rounds to the nearest basis point, so the binary error of `0.8` as a `Double` vanishes.
    package static func basisPoints(_ share: Double) -> Int? {
        guard share.isFinite, share >= 0, share <= 1 else { return nil }
        return Int((share * 10_000).rounded())
    }
}
