import LedgerModel

/// RFM scores 1–5 and the segment of each customer (metrics.md "RFM scores and segments").
enum RFMSegments {
    /// What the scores are computed from, read from the figures in one pass so that the
    /// scoring can run beside the passes that write the figures.
    struct Population: Sendable {
        /// Scored customers (F ≥ 1) per R (days, ≥ 0: purchases are dated ≤ T) and per F.
        var recencyCounts: [Int] = []
        var frequencyCounts: [Int] = []
        /// M in micros and index of each scored customer, in customer order. F ≥ 1 ⇔ M > 0,
        /// since every purchase is positive.
        var micros: [Int64] = []
        var customers: [Int32] = []
    }

    /// The scores of every R, every F and every customer's M, with their sums.
    struct Scores: Sendable {
        var summary = RFMSummary()
        var byRecency: [UInt8] = []
        var byOrders: [UInt8] = []
        /// Aligned with the customers; 0 for those not scored.
        var monetary: [UInt8] = []
    }

    /// - Complexity: one pass over the figures.
    static func population(_ figures: [CustomerFigures]) -> Population {
        var population = Population()
        figures.withUnsafeBufferPointer { fig in
            for i in fig.indices where fig[i].orders > 0 {
                let r = Int(fig[i].recencyDays ?? 0), o = Int(fig[i].orders)
                if r >= population.recencyCounts.count {
                    population.recencyCounts += repeatElement(0, count: r + 1 - population.recencyCounts.count)
                }
                if o >= population.frequencyCounts.count {
                    population.frequencyCounts += repeatElement(0, count: o + 1 - population.frequencyCounts.count)
                }
                population.recencyCounts[r] += 1
                population.frequencyCounts[o] += 1
                population.micros.append(fig[i].revenue.micros)
                population.customers.append(Int32(i))
            }
        }
        return population
    }

    /// Scores the customers with F ≥ 1.
    ///
    /// `score = min(5, 1 + (5 × worse) div n)` where `worse` counts scored customers with a
    /// strictly worse value (larger R, smaller F, smaller M), so ties get equal scores. R and F
    /// are small integers, scored from their histograms; M from `byRevenue`, the scored
    /// customers in M order. The sums of the scores come from the same counts.
    /// - Complexity: O(n + largest R + largest F), after the sort of `byRevenue`.
    static func score(_ population: Population, byRevenue: RevenueOrder, customers count: Int) -> Scores {
        var scores = Scores()
        let n = byRevenue.count
        scores.summary.scored = n
        guard n > 0 else { return scores }
        func score(_ worse: Int) -> UInt8 { UInt8(min(5, 1 + (5 * worse) / n)) }

        // Worse R is larger: the scored customers above r. Worse F is smaller: those below.
        scores.byRecency = [UInt8](repeating: 0, count: population.recencyCounts.count)
        var above = n
        for (r, count) in population.recencyCounts.enumerated() {
            above -= count
            scores.byRecency[r] = score(above)
            scores.summary.sumR += Int(scores.byRecency[r]) * count
        }
        scores.byOrders = [UInt8](repeating: 0, count: population.frequencyCounts.count)
        var below = 0
        for (o, count) in population.frequencyCounts.enumerated() {
            scores.byOrders[o] = score(below)
            scores.summary.sumF += Int(scores.byOrders[o]) * count
            below += count
        }
        // Worse M is smaller: the position where the customer's run of equal revenue starts.
        scores.monetary = [UInt8](repeating: 0, count: count)
        var sumM = 0
        scores.monetary.withUnsafeMutableBufferPointer { monetary in
            byRevenue.micros.withUnsafeBufferPointer { micros in
                var runStart = 0
                for position in 0..<n {
                    if micros[position] != micros[runStart] { runStart = position }
                    let m = score(runStart)
                    monetary[Int(byRevenue.customers[position])] = m
                    sumM += Int(m)
                }
            }
        }
        scores.summary.sumM = sumM
        return scores
    }

    /// Writes one customer's scores and segment; customers with F = 0 keep `no_purchase`.
    @inline(__always)
    static func apply(_ scores: Scores, to f: inout CustomerFigures, customer: Int, model: SegmentModel) {
        guard f.orders > 0 else { return }
        f.rScore = scores.byRecency[Int(f.recencyDays ?? 0)]
        f.fScore = scores.byOrders[Int(f.orders)]
        f.mScore = scores.monetary[customer]
        f.segment = segment(of: f, model: model, summary: scores.summary)
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
