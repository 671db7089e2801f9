import LedgerIngest
import LedgerModel

/// `portrait.yml`, typed, with the defaults of config.md. Command-line flags override it.
package struct Configuration: Sendable {
    package var title: String?
    package var locale: SiteLocale?
    package var currency = "CNY"
    package var asOf: Day?
    package var period: DayPeriod?
    package var dateOrder: DateOrder = .ymd
    package var thresholds = Thresholds()
    package var segmentModel: SegmentModelName = .cn8
    package var maskContacts = true
    package var portraits: PortraitSelection = .all
    package var tables: [TableName: TableSettings] = [:]

    package init() {}
}

/// The site's interface language.
package enum SiteLocale: String, Sendable, CaseIterable {
    case zhCN = "zh-CN"
    case en
}

package enum SegmentModelName: String, Sendable, CaseIterable {
    case cn8, rf10
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

/// Which customers get a portrait page.
package enum PortraitSelection: Sendable, Equatable {
    case all, none
    /// The N customers with the most revenue.
    case top(Int)
}

/// The `thresholds:` section; shares kept as exact parts per million.
package struct Thresholds: Sendable, Equatable {
    package var atRiskDays = 90
    package var churnDays = 180
    package var loyalOrders = 5
    package var followUpDays = 30
    package var staleDays = 90
    /// 0.80 as 800_000 parts per million, so grade bounds compare exactly on integers.
    package var gradeASharePPM = 800_000
    package var gradeBSharePPM = 950_000

    package init() {}
}
