import LedgerModel

/// Everything the analytics needs besides the ledger: T, today, the periods, the thresholds and
/// the segment model.
package struct AnalysisSettings: Hashable, Sendable {
    /// T: rows dated after it are left out of every metric.
    package var asOf: Day
    package var today: Day
    /// P: `(T − 365, T]` by default, or the config's `period` (both ends included).
    package var period: ReportPeriod
    /// P′: the period of the same length immediately before P.
    package var previousPeriod: ReportPeriod
    package var thresholds: Thresholds
    package var segmentModel: SegmentModel

    /// Builds the settings; without an explicit `period`, P is the 365 days ending at T.
    ///
    /// An explicit period `{start, end}` includes both ends, and its P′ is the same number of
    /// days immediately before `start` (the default P′ is that rule applied to the default P).
    package init(asOf: Day, today: Day, period: ReportPeriod? = nil,
                 thresholds: Thresholds = Thresholds(), segmentModel: SegmentModel = .cn8) {
        self.asOf = asOf
        self.today = today
        let p = period ?? ReportPeriod.endingAt(asOf)
        self.period = p
        self.previousPeriod = p.previous
        self.thresholds = thresholds
        self.segmentModel = segmentModel
    }

    /// T: the explicit `as_of` (flag or config), else the ledger's latest order or interaction
    /// date not after today, else today.
    package static func resolveAsOf(explicit: Day?, ledger: Ledger, today: Day) -> Day {
        if let explicit { return explicit }
        if let latest = ledger.latestActivity, latest <= today { return latest }
        return today
    }

    /// The follow-up window `(T − follow_up_days, T]`.
    package var followUpWindow: ReportPeriod {
        ReportPeriod.endingAt(asOf, days: thresholds.followUpDays)
    }
}
