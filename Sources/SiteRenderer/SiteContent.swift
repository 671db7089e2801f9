import Analytics
import LedgerModel

/// Everything the site is rendered from: the ledger, its analytics and audit, and the choices
/// of the configuration that change what a reader sees.
package struct SiteContent: Sendable {
    package var ledger: Ledger
    package var report: AnalyticsReport
    package var quality: QualityReport
    package var locale: SiteLocale
    /// Nil: "客户画像报告" / "Customer Portrait", from the strings table.
    package var title: String?
    /// ISO 4217 code, e.g. `CNY`; chooses the money symbol.
    package var currency: String
    package var maskContacts: Bool
    package var portraits: PortraitSelection
    /// A user's templates folder; nil uses the templates built into the binary.
    package var templatesDirectory: String?
    /// "Today" (`SOURCE_DATE_EPOCH`), the only date of "now" on the pages.
    package var generatedOn: Day

    package init(ledger: Ledger, report: AnalyticsReport, quality: QualityReport, locale: SiteLocale,
                 title: String?, currency: String, maskContacts: Bool, portraits: PortraitSelection,
                 templatesDirectory: String?, generatedOn: Day) {
        self.ledger = ledger
        self.report = report
        self.quality = quality
        self.locale = locale
        self.title = title
        self.currency = currency
        self.maskContacts = maskContacts
        self.portraits = portraits
        self.templatesDirectory = templatesDirectory
        self.generatedOn = generatedOn
    }
}
