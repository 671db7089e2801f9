/// A calendar date without time or zone, stored as days since 1970-01-01.
///
/// Every day count in the metrics is a difference of two `Day`s; keeping dates as one `Int32`
/// makes a million-row column 4 MB and every comparison an integer compare.
package struct Day: Hashable, Comparable, Sendable, CustomStringConvertible {
    package var raw: Int32

    package init(raw: Int32) { self.raw = raw }

    /// Returns nil for an impossible date (month 13, 2025-02-29, year 0).
    package init?(year: Int, month: Int, day: Int) {
        guard year >= 1, year <= 9999, (1...12).contains(month),
              day >= 1, day <= Day.daysIn(month: month, year: year) else { return nil }
        raw = Int32(Day.daysBefore(year: year, month: month) + day - 1)
    }

    /// The days from 1970-01-01 to the first of the month: from `monthStarts` for the years a
    /// ledger's dates fall in, else computed. The ledger reader makes two or three days per row
    /// (25 million at a million customers), and the computation's divisions were 2 % of it.
    @inline(__always)
    private static func daysBefore(year: Int, month: Int) -> Int {
        let index = (year - monthStartsFirstYear) * 12 + month - 1
        if index >= 0 && index < monthStarts.count { return Int(monthStarts[index]) }
        return daysFromCivil(year: year, month: month, day: 1)
    }

    private static let monthStartsFirstYear = 1900
    /// `daysFromCivil` of the first of each month from 1900 to 2199.
    private static let monthStarts: [Int32] = (0..<(300 * 12)).map { index in
        Int32(daysFromCivil(year: monthStartsFirstYear + index / 12, month: index % 12 + 1, day: 1))
    }

    package static func isLeap(_ year: Int) -> Bool {
        year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
    }

    package static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Howard Hinnant's `days_from_civil`: proleptic Gregorian, exact for every year we accept.
    private static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    package var components: (year: Int, month: Int, day: Int) { civilDate(daysSinceEpoch: Int(raw)) }

    /// The month as `year * 12 + (month - 1)`, so consecutive months differ by one.
    package var monthIndex: Int {
        let c = components
        return c.year * 12 + c.month - 1
    }

    package static func + (lhs: Day, rhs: Int) -> Day { Day(raw: lhs.raw + Int32(rhs)) }
    package static func - (lhs: Day, rhs: Int) -> Day { Day(raw: lhs.raw - Int32(rhs)) }
    /// Whole calendar days from `rhs` to `lhs`.
    package static func - (lhs: Day, rhs: Day) -> Int { Int(lhs.raw) - Int(rhs.raw) }
    package static func < (lhs: Day, rhs: Day) -> Bool { lhs.raw < rhs.raw }
    // `Comparable`'s own `<=`, `>` and `>=` are generic: called from another module they go
    // through the witness table twice per compare (about 6 % of the analytics stage, whose
    // loops compare dates of ten million rows). These concrete ones are inlined like `<`.
    package static func <= (lhs: Day, rhs: Day) -> Bool { lhs.raw <= rhs.raw }
    package static func > (lhs: Day, rhs: Day) -> Bool { lhs.raw > rhs.raw }
    package static func >= (lhs: Day, rhs: Day) -> Bool { lhs.raw >= rhs.raw }

    /// `YYYY-MM-DD`, the form of every exported date.
    package var description: String {
        let c = components
        return Day.pad(c.year, 4) + "-" + Day.pad(c.month, 2) + "-" + Day.pad(c.day, 2)
    }

    private static func pad(_ value: Int, _ width: Int) -> String {
        let s = String(value)
        return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
    }

    /// Parses exactly `YYYY-MM-DD` (config and flags); the ledger's many forms live in LedgerIngest.
    package init?(iso text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]) else { return nil }
        self.init(year: y, month: m, day: d)
    }
}

/// The proleptic Gregorian year, month and day `days` after 1970-01-01 (Hinnant's
/// civil-from-days): the inverse of `Day.daysFromCivil`.
///
/// A public function of an `Int`, not `Day`'s `package` member alone: Swift 6.3 inlines across
/// modules only `public` `@inlinable` bodies (see `ByteBuffer`), and the page writers format
/// a date in every table row.
@inlinable
public func civilDate(daysSinceEpoch days: Int) -> (year: Int, month: Int, day: Int) {
    let z = days + 719_468
    let era = (z >= 0 ? z : z - 146_096) / 146_097
    let doe = z - era * 146_097
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
    let mp = (5 * doy + 2) / 153
    let d = doy - (153 * mp + 2) / 5 + 1
    let m = mp < 10 ? mp + 3 : mp - 9
    return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
}
