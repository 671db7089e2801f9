import LedgerModel

/// RFM scores 1–5 and the segment of each customer (metrics.md "RFM scores and segments").
enum RFMSegments {
    /// Scores the customers with F ≥ 1 and names every customer's segment.
    ///
    /// `score = min(5, 1 + (5 × worse) div n)` where `worse` counts scored customers with a
    /// strictly worse value (larger R, smaller F, smaller M), so ties get equal scores.
    /// - Complexity: three sorts of the scored values and a binary search per customer,
    ///   O(n log n).
    static func assign(_ figures: inout [CustomerFigures], model: SegmentModel) -> RFMSummary {
        var recency: [Int64] = []
        var frequency: [Int64] = []
        var monetary: [Int64] = []
        for f in figures where f.orders > 0 {
            recency.append(Int64(f.recencyDays ?? 0))
            frequency.append(Int64(f.orders))
            monetary.append(f.revenue.micros)
        }
        recency.sort()
        frequency.sort()
        monetary.sort()
        let n = recency.count
        var summary = RFMSummary()
        summary.scored = n
        guard n > 0 else {
            for i in figures.indices { figures[i].segment = .noPurchase }
            return summary
        }
        func score(_ worse: Int) -> UInt8 { UInt8(min(5, 1 + (5 * worse) / n)) }

        for i in figures.indices where figures[i].orders > 0 {
            let r = Int64(figures[i].recencyDays ?? 0)
            // Worse R: larger; worse F and M: smaller.
            figures[i].rScore = score(n - upperBound(recency, r))
            figures[i].fScore = score(lowerBound(frequency, Int64(figures[i].orders)))
            figures[i].mScore = score(lowerBound(monetary, figures[i].revenue.micros))
            summary.sumR += Int(figures[i].rScore)
            summary.sumF += Int(figures[i].fScore)
            summary.sumM += Int(figures[i].mScore)
        }
        for i in figures.indices {
            figures[i].segment = segment(of: figures[i], model: model, summary: summary)
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

    /// Number of elements `< value` in a sorted array.
    static func lowerBound(_ sorted: [Int64], _ value: Int64) -> Int {
        var low = 0, high = sorted.count
        while low < high {
            let mid = (low + high) / 2
            if sorted[mid] < value { low = mid + 1 } else { high = mid }
        }
        return low
    }

    /// Number of elements `<= value` in a sorted array.
    static func upperBound(_ sorted: [Int64], _ value: Int64) -> Int {
        var low = 0, high = sorted.count
        while low < high {
            let mid = (low + high) / 2
            if sorted[mid] <= value { low = mid + 1 } else { high = mid }
        }
        return low
    }
}
