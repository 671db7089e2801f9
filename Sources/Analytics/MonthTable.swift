import LedgerModel

/// The month (`Day.monthIndex`) of every day in a range, looked up instead of converted.
///
/// Cohorts and the monthly trend need the month of each of millions of purchases; a civil-date
/// conversion per purchase was about 5 % of the analytics stage.
struct MonthTable {
    private let first: Int32
    private let months: [Int32]

    /// Longest range tabled (about 110 years); days outside are converted.
    static let maxDays = 40_000

    /// - Complexity: O(days in the range), at most ``maxDays``.
    init(from first: Day, through last: Day) {
        self.first = first.raw
        let days = Int(last.raw) - Int(first.raw) + 1
        guard days > 0 && days <= MonthTable.maxDays else {
            months = []
            return
        }
        var months = [Int32](repeating: 0, count: days)
        var (year, month, day) = first.components
        for k in 0..<days {
            months[k] = Int32(year * 12 + month - 1)
            day += 1
            if day > Day.daysIn(month: month, year: year) {
                day = 1
                month += 1
                if month > 12 { month = 1; year += 1 }
            }
        }
        self.months = months
    }

    @inline(__always)
    func month(of day: Day) -> Int {
        let k = Int(day.raw) - Int(first)
        return k >= 0 && k < months.count ? Int(months[k]) : day.monthIndex
    }
}
