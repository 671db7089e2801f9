import LedgerModel

/// Monthly first-purchase cohorts with 12 month offsets (metrics.md "Cohorts").
enum Cohorts {
    /// Marks each customer's purchase months relative to its first, then counts the cohorts.
    ///
    /// Every month from the earliest first purchase to T's month is listed, empty ones included,
    /// so the heatmap has no gaps.
    /// - Complexity: one pass over the purchases and two over the customers; the purchases
    ///   mark a 2-byte array, not the wide figures.
    static func compute(_ figures: inout [CustomerFigures], activity: Activity,
                        asOf: Day) -> [Cohort] {
        let count = figures.count
        // First purchase as a raw day (Int32.min: none), then as a month index.
        var firstMonth = [Int32](repeating: Int32.min, count: count)
        var earliest = Int32.max
        figures.withUnsafeBufferPointer { fig in
            for i in fig.indices {
                if let first = fig[i].firstOrder {
                    firstMonth[i] = first.raw
                    earliest = min(earliest, first.raw)
                }
            }
        }
        guard earliest != Int32.max else { return [] }
        // Every purchase of a known customer is dated from its first purchase to T.
        let months = MonthTable(from: Day(raw: earliest), through: asOf)
        for i in firstMonth.indices where firstMonth[i] != Int32.min {
            firstMonth[i] = Int32(months.month(of: Day(raw: firstMonth[i])))
        }
        var marks = [UInt16](repeating: 0, count: count)
        activity.purchases.withUnsafeBufferPointer { purchases in
            for purchase in purchases where purchase.customer >= 0 {
                let c = Int(purchase.customer)
                let k = months.month(of: purchase.date) - Int(firstMonth[c])
                if k >= 0 && k < 12 { marks[c] |= UInt16(1) << UInt16(k) }
            }
        }

        let lowest = Day(raw: earliest).monthIndex
        let lastMonth = asOf.monthIndex
        guard lowest <= lastMonth else {
            figures.withUnsafeMutableBufferPointer { fig in
                for i in fig.indices { fig[i].cohortMonths = marks[i] }
            }
            return []
        }
        var sizes = [Int](repeating: 0, count: lastMonth - lowest + 1)
        // Row-major, 12 offsets a cohort.
        var active = [Int](repeating: 0, count: sizes.count * 12)
        figures.withUnsafeMutableBufferPointer { fig in
            for i in fig.indices {
                var mask = marks[i]
                fig[i].cohortMonths = mask
                guard firstMonth[i] != Int32.min else { continue }
                let row = Int(firstMonth[i]) - lowest
                sizes[row] += 1
                while mask != 0 {
                    active[row * 12 + mask.trailingZeroBitCount] += 1
                    mask &= mask - 1
                }
            }
        }
        return sizes.indices.map { row in
            let month = lowest + row
            let counts: [Int?] = (0..<12).map { k in month + k <= lastMonth ? active[row * 12 + k] : nil }
            return Cohort(month: month, size: sizes[row], active: counts)
        }
    }
}
