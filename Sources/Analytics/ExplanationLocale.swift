/// The language of the `why` texts.
package enum ExplanationLocale: String, Sendable, CaseIterable {
    case en
    case zhCN = "zh-CN"
}
