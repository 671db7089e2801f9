/// The site's interface language: all interface text, number, money and date formats.
package enum SiteLocale: String, Sendable, CaseIterable {
    case zhCN = "zh-CN"
    case en
}

/// The enum `SiteRenderer` shadows the module's name, so `SiteRenderer.SiteLocale` written in
/// another module looks inside the enum: this alias keeps such references working.
package typealias TopLevelSiteLocale = SiteLocale

extension SiteRenderer {
    package typealias SiteLocale = TopLevelSiteLocale
}
