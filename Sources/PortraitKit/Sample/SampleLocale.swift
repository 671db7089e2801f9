/// The language of a sample ledger's headers and enum values.
///
/// Names, places and free text are Chinese in both: the locale only decides whether the file
/// looks like a Chinese spreadsheet export (`客户编号`, `已完成`) or a canonical one
/// (`customer_id`, `completed`).
package enum SampleLocale: String, Sendable, CaseIterable {
    case zhCN = "zh-CN"
    case en
}
