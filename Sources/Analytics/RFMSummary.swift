/// The scored population of the RFM model: its size and the sums of each score.
///
/// "High" means `score × n ≥ Σscore`, the integer form of "≥ the mean".
package struct RFMSummary: Hashable, Sendable {
    /// Customers with F ≥ 1.
    package var scored = 0
    package var sumR = 0
    package var sumF = 0
    package var sumM = 0

    package init() {}

    package var meanR: Ratio? { Ratio(sumR, scored) }
    package var meanF: Ratio? { Ratio(sumF, scored) }
    package var meanM: Ratio? { Ratio(sumM, scored) }

    package func isHigh(r score: UInt8) -> Bool { Int(score) * scored >= sumR }
    package func isHigh(f score: UInt8) -> Bool { Int(score) * scored >= sumF }
    package func isHigh(m score: UInt8) -> Bool { Int(score) * scored >= sumM }
}
