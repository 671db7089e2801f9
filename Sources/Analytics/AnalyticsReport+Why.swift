extension AnalyticsReport {
    /// The `why` text of one customer (see `WhyWriter`); for many, make one `WhyWriter`.
    package func why(customer index: Int, locale: ExplanationLocale = .en) -> String {
        WhyWriter(report: self, locale: locale).text(customer: index)
    }
}
