import LedgerModel

/// What `portrait sample` generates: size, seed, language, dirt and file shape.
///
/// The same options always give byte-identical files, so a sample ledger can serve as a
/// benchmark input and as a fixture whose findings are known in advance.
package struct SampleOptions: Sendable {
    /// Customer rows to write (dirty rows included); the other tables scale with it.
    package var customers: Int
    package var seed: UInt64
    package var locale: SampleLocale
    /// Share (0...1) of rows that get exactly one injected defect; 0 gives a ledger with no finding.
    package var dirt: Double
    /// The last activity date: the anchor customer has an interaction on it, so T = end.
    package var end: Day
    package var format: SampleFormat
    /// CSV only; XML is always UTF-8.
    package var encoding: SampleEncoding

    /// 2026-10-31.
    package static let defaultEnd = Day(raw: 20_757)

    package init(customers: Int, seed: UInt64 = 1, locale: SampleLocale = .zhCN, dirt: Double = 0,
                 end: Day = SampleOptions.defaultEnd, format: SampleFormat = .csv,
                 encoding: SampleEncoding = .utf8) {
        self.customers = customers
        self.seed = seed
        self.locale = locale
        self.dirt = dirt
        self.end = end
        self.format = format
        self.encoding = encoding
    }
}
