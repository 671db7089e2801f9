/// A team's figures: the sum of its reps' (ratios recomputed, medians pooled).
package struct TeamFigures: Sendable {
    /// The team as written; nil gathers the reps without a team.
    package var team: String?
    /// Indices into `Ledger.reps`, by rank.
    package var reps: [Int32] = []
    package var figures = PerformanceFigures()

    package init(team: String?) { self.team = team }
}
