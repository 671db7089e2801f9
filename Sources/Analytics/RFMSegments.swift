import LedgerModel

/// RFM scores 1–5 and the segment of each customer (metrics.md "RFM scores and segments").
enum RFMSegments {
    /// Scores the customers with F ≥ 1 and names their segments; the others keep `no_purchase`.
    ///
    /// `score = min(5, 1 + (5 × worse) div n)` where `worse` counts scored customers with a
    /// strictly worse value (larger R, smaller F, smaller M), so ties get equal scores. R and F
    /// are small integers (days, orders), counted in histograms; M is ranked by `byRevenue`,
    /// which holds exactly the scored customers (F ≥ 1 ⇔ M > 0: every purchase is positive).
    /// The score sums come from the histograms and the ranking, so the figures are read once and
    /// written once.
    /// - Complexity: O(n + largest R + largest F), after the sort of `byRevenue`.
    static func assign(_ figures: inout [CustomerFigures], byRevenue: RevenueOrder,
                       model: SegmentModel) -> RFMSummary {
        var summary = RFMSummary()
        let n = byRevenue.count
        summary.scored = n
        guard n > 0 else { return summary }
        func score(_ worse: Int) -> UInt8 { UInt8(min(5, 1 + (5 * worse) / n)) }

        // R ≥ 0 (purchases are dated ≤ T) and F ≥ 1, both bounded by the ledger's rows and days.
        var recencyCounts: [Int] = []
        var frequencyCounts: [Int] = []
        figures.withUnsafeBufferPointer { fig in
            for f in fig where f.orders > 0 {
                let r = Int(f.recencyDays ?? 0), o = Int(f.orders)
                if r >= recencyCounts.count { recencyCounts += repeatElement(0, count: r + 1 - recencyCounts.count) }
                if o >= frequencyCounts.count { frequencyCounts += repeatElement(0, count: o + 1 - frequencyCounts.count) }
                recencyCounts[r] += 1
                frequencyCounts[o] += 1
            }
        }
        // Worse R is larger: the scored customers above r. Worse F is smaller: those below.
        var rScores = [UInt8](repeating: 0, count: recencyCounts.count)
        var above = n
        for r in recencyCounts.indices {
            above -= recencyCounts[r]
            rScores[r] = score(above)
            summary.sumR += Int(rScores[r]) * recencyCounts[r]
        }
        var fScores = [UInt8](repeating: 0, count: frequencyCounts.count)
        var below = 0
        for o in frequencyCounts.indices {
            fScores[o] = score(below)
            summary.sumF += Int(fScores[o]) * frequencyCounts[o]
            below += frequencyCounts[o]
        }
        // Worse M is smaller: the position where the customer's run of equal revenue starts.
        var mScores = [UInt8](repeating: 0, count: figures.count)
        byRevenue.micros.withUnsafeBufferPointer { micros in
            var runStart = 0
            for position in 0..<n {
                if micros[position] != micros[runStart] { runStart = position }
                let m = score(runStart)
                mScores[Int(byRevenue.customers[position])] = m
                summary.sumM += Int(m)
            }
        }

        figures.withUnsafeMutableBufferPointer { fig in
            for i in fig.indices where fig[i].orders > 0 {
                fig[i].rScore = rScores[Int(fig[i].recencyDays ?? 0)]
                fig[i].fScore = fScores[Int(fig[i].orders)]
                fig[i].mScore = mScores[i]
                fig[i].segment = segment(of: fig[i], model: model, summary: summary)
            }
        }
        return summary
    }

    /// The segment of one customer under `model`; `no_purchase` when F = 0.
    static func segment(of f: CustomerFigures, model: SegmentModel, summary: RFMSummary) -> Segment {
        guard f.orders > 0 else { return .noPurchase }
        switch model {
        case .cn8:
            return cn8(r: summary.isHigh(r: f.rScore), f: summary.isHigh(f: f.fScore),
                       m: summary.isHigh(m: f.mScore))
        case .rf10:
            return rf10(r: f.rScore, f: f.fScore)
        }
    }

    /// The eight-type table of metrics.md.
    static func cn8(r: Bool, f: Bool, m: Bool) -> Segment {
        switch (r, f, m) {
        case (true, true, true): .importantValue
        case (true, false, true): .importantDevelop
        case (false, true, true): .importantKeep
        case (false, false, true): .importantWinback
        case (true, true, false): .generalValue
        case (true, false, false): .generalDevelop
        case (false, true, false): .generalKeep
        case (false, false, false): .generalWinback
        }
    }

    /// The rf10 table of metrics.md; it covers all 25 R × F combinations exactly once.
    static func rf10(r: UInt8, f: UInt8) -> Segment {
        switch r {
        case 5:
            f >= 4 ? .champions : f >= 2 ? .potentialLoyalist : .newCustomers
        case 4:
            f >= 4 ? .loyal : f >= 2 ? .potentialLoyalist : .promising
        case 3:
            f >= 4 ? .loyal : f == 3 ? .needAttention : .aboutToSleep
        default:
            f == 5 ? .cantLose : f >= 3 ? .atRisk : .hibernating
        }
    }
}
