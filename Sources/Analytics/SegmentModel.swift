/// Which RFM segment model names the scored customers (config `segments.model`).
package enum SegmentModel: String, CaseIterable, Sendable {
    /// The common Chinese eight-type model on R, F and M (八大客户类型).
    case cn8
    /// Ten segments on the R and F scores only.
    case rf10

    /// Every segment code the model can give, in the order of metrics.md, then `no_purchase`.
    package var segments: [Segment] {
        switch self {
        case .cn8:
            [.importantValue, .importantDevelop, .importantKeep, .importantWinback,
             .generalValue, .generalDevelop, .generalKeep, .generalWinback, .noPurchase]
        case .rf10:
            [.champions, .loyal, .potentialLoyalist, .newCustomers, .promising, .needAttention,
             .aboutToSleep, .cantLose, .atRisk, .hibernating, .noPurchase]
        }
    }
}
