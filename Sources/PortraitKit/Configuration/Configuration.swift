import Analytics
import LedgerIngest
import LedgerModel
import SiteRenderer

/// `portrait.yml`, typed, with the defaults of config.md. Command-line flags override it.
package struct Configuration: Sendable {
    package var title: String?
    package var locale: SiteLocale?
    package var currency = "CNY"
    package var asOf: Day?
    package var period: DayPeriod?
    package var dateOrder: DateOrder = .ymd
    package var thresholds = Thresholds()
    package var segmentModel: SegmentModel = .cn8
    package var maskContacts = true
    package var portraits: PortraitSelection = .all
    package var tables: [TableName: TableSettings] = [:]

    package init() {}
}

/// An inclusive range of days, as `period: {start, end}` writes it.
package struct DayPeriod: Sendable, Equatable {
    package var start: Day
    package var end: Day

    package init(start: Day, end: Day) {
        self.start = start
        self.end = end
    }
}
