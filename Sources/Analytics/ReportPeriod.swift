import LedgerModel

/// A closed range of days `first...last` (the report period P, or the one before it, P′).
package struct ReportPeriod: Hashable, Sendable {
    package var first: Day
    package var last: Day

    package init(first: Day, last: Day) {
        self.first = first
        self.last = last
    }

    /// The default P: the 365 days ending at T, `(T − 365, T]`.
    package static func endingAt(_ asOf: Day, days: Int = 365) -> ReportPeriod {
        ReportPeriod(first: asOf - (days - 1), last: asOf)
    }

    /// Days in the period (both ends included).
    package var length: Int { last - first + 1 }

    /// The period of the same length immediately before this one (P′ of P).
    package var previous: ReportPeriod {
        ReportPeriod(first: first - length, last: first - 1)
    }

    /// Compares the raw day numbers: `Day`'s operators live in LedgerModel and are not inlined
    /// here, and this runs for every purchase and interaction, several times.
    package func contains(_ day: Day) -> Bool { first.raw <= day.raw && day.raw <= last.raw }
}
