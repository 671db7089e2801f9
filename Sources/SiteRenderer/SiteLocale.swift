/// The site's interface language: all interface text, number, money and date formats.
package enum SiteLocale: String, Sendable, CaseIterable {
    case zhCN = "zh-CN"
    case en
}
