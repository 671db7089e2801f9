/// A wall-clock date and time as written in the ledger; zones are ignored (precise-rules.md).
///
/// A bare date is midnight with `hasTime == false`, so resolution hours treat it as 00:00.
package struct LocalDateTime: Hashable, Comparable, Sendable {
    package var day: Day
    /// Seconds after midnight, 0..<86_400.
    package var secondOfDay: Int32
    package var hasTime: Bool

    package init(day: Day, secondOfDay: Int32 = 0, hasTime: Bool = false) {
        self.day = day
        self.secondOfDay = secondOfDay
        self.hasTime = hasTime
    }

    /// Seconds since 1970-01-01 00:00 wall time.
    package var seconds: Int64 { Int64(day.raw) * 86_400 + Int64(secondOfDay) }

    package static func < (lhs: LocalDateTime, rhs: LocalDateTime) -> Bool { lhs.seconds < rhs.seconds }
}
