/// One rep's row of the leaderboard: figures, rank and action list.
package struct RepFigures: Sendable {
    /// Index into `Ledger.reps`.
    package var rep: Int32
    /// 1...n by revenue_period descending, rep_id ascending.
    package var rank = 0
    package var figures = PerformanceFigures()
    /// Owned at_risk customers not contacted in the follow-up window, most revenue (M) first,
    /// ties by customer_id; indices into `Ledger.customers`.
    package var overdue: [Int32] = []

    package init(rep: Int32) { self.rep = rep }
}
