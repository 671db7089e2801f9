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
        var earliest: Day?
        for i in figures.indices {
            if let first = figures[i].firstOrder, earliest.map({ first.raw < $0.raw }) ?? true {
                earliest = first
            }
        }
        guard let earliest else { return [] }
        // Every purchase of a known customer is dated from its first purchase to T.
        let months = MonthTable(from: earliest, through: asOf)
        let lowest = earliest.monthIndex
        figures.withUnsafeMutableBufferPointer { fig in
            for i in fig.indices {
                if let first = fig[i].firstOrder { firstMonth[i] = Int32(months.month(of: first)) }
            }
            for purchase in activity.purchases where purchase.customer >= 0 {
                let c = Int(purchase.customer)
                let k = months.month(of: purchase.date) - Int(firstMonth[c])
                if k >= 0 && k < 12 { fig[c].cohortMonths |= UInt16(1) << UInt16(k) }
            }
        }
        let lastMonth = asOf.monthIndex
        guard lowest <= lastMonth else { return [] }
        var sizes = [Int](repeating: 0, count: lastMonth - lowest + 1)
        // Row-major, 12 offsets a cohort.
        var active = [Int](repeating: 0, count: sizes.count * 12)
        for i in figures.indices where firstMonth[i] >= 0 {
            let row = Int(firstMonth[i]) - lowest
            sizes[row] += 1
            var mask = figures[i].cohortMonths
            while mask != 0 {
                active[row * 12 + mask.trailingZeroBitCount] += 1
                mask &= mask - 1
            }
        }
        return sizes.indices.map { row in
            let month = lowest + row
            let counts: [Int?] = (0..<12).map { k in month + k <= lastMonth ? active[row * 12 + k] : nil }
            return Cohort(month: month, size: sizes[row], active: counts)
        }
    }
}
