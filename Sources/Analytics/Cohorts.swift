import LedgerModel

/// Monthly first-purchase cohorts with 12 month offsets (metrics.md "Cohorts").
enum Cohorts {
    /// Marks each customer's purchase months relative to its first, then counts the cohorts.
    ///
    /// Every month from the earliest first purchase to T's month is listed, empty ones included,
    /// so the heatmap has no gaps.
    /// - Complexity: one pass over the purchases and one over the customers.
    static func compute(_ figures: inout [CustomerFigures], activity: Activity,
                        asOf: Day) -> [Cohort] {
        var firstMonth = [Int32](repeating: -1, count: figures.count)
        var lowest = Int.max
        for i in figures.indices {
            if let first = figures[i].firstOrder {
                let m = first.monthIndex
                firstMonth[i] = Int32(m)
                lowest = min(lowest, m)
            }
        }
        guard lowest != Int.max else { return [] }
        for purchase in activity.purchases where purchase.customer >= 0 {
            let c = Int(purchase.customer)
            let k = purchase.date.monthIndex - Int(firstMonth[c])
            if k >= 0 && k < 12 { figures[c].cohortMonths |= UInt16(1) << UInt16(k) }
        }
        let lastMonth = asOf.monthIndex
        guard lowest <= lastMonth else { return [] }
        var sizes = [Int](repeating: 0, count: lastMonth - lowest + 1)
        var active = [[Int]](repeating: Array(repeating: 0, count: 12), count: sizes.count)
        for i in figures.indices where firstMonth[i] >= 0 {
            let row = Int(firstMonth[i]) - lowest
            sizes[row] += 1
            let mask = figures[i].cohortMonths
            for k in 0..<12 where mask & (UInt16(1) << UInt16(k)) != 0 { active[row][k] += 1 }
        }
        return sizes.indices.map { row in
            let month = lowest + row
            let counts: [Int?] = (0..<12).map { k in month + k <= lastMonth ? active[row][k] : nil }
            return Cohort(month: month, size: sizes[row], active: counts)
        }
    }
}
