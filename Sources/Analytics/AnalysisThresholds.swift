/// The tunable thresholds of metrics.md, with their documented defaults.
///
/// Grade shares are kept in parts per million (800 000 = 0.80), as the configuration keeps them,
/// so the grade bound `before × 1 000 000 < total × 800 000` is decided on integers, never on a
/// binary fraction.
package struct AnalysisThresholds: Hashable, Sendable {
    package var atRiskDays = 90
    package var churnDays = 180
    package var loyalOrders = 5
    package var followUpDays = 30
    package var staleDays = 90
    /// `grade_a_share` in parts per million.
    package var gradeASharePPM = 800_000
    /// `grade_b_share` in parts per million.
    package var gradeBSharePPM = 950_000

    package init() {}

    package init(atRiskDays: Int, churnDays: Int, loyalOrders: Int, followUpDays: Int,
                 staleDays: Int, gradeASharePPM: Int, gradeBSharePPM: Int) {
        self.atRiskDays = atRiskDays
        self.churnDays = churnDays
        self.loyalOrders = loyalOrders
        self.followUpDays = followUpDays
        self.staleDays = staleDays
        self.gradeASharePPM = gradeASharePPM
        self.gradeBSharePPM = gradeBSharePPM
    }
}
