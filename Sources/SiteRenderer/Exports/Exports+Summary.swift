import Analytics
import LedgerModel

extension Exports {
    /// `summary.json`: UTF-8 without BOM, keys in the order of metrics.md, every code listed.
    ///
    /// Money is a number with 2 decimals, conversions and `quality_score` numbers with 4 (null
    /// when undefined); segments in model order then `no_purchase`, stages in rule order,
    /// grades A/B/C, findings per rule in the order of metrics.md.
    package static func summaryJSON(report: AnalyticsReport, quality: QualityReport) -> [UInt8] {
        let s = report.summary
        let funnel: [JSONValue] = report.lifecycle.funnel.map { step in
            .object([
                ("step", .string(step.step)),
                ("count", .number(String(step.count))),
                ("conversion", step.conversion.map { .number($0.formatted(decimals: 4)) } ?? .null),
            ])
        }
        let score = Ratio(quality.cleanCustomerRows, quality.customerRows)
        let json = JSONValue.object([
            ("as_of", .string(report.settings.asOf.description)),
            ("period", .object([
                ("start", .string(report.settings.period.first.description)),
                ("end", .string(report.settings.period.last.description)),
            ])),
            ("customers", .number(String(s.customers))),
            ("revenue_period", .number(s.revenuePeriod.formatted(decimals: 2))),
            ("funnel", .array(funnel)),
            ("segments", .object(s.segmentCounts.map { ($0.segment.rawValue, .number(String($0.count))) })),
            ("grades", .object(Grade.allCases.map { ($0.rawValue, .number(String(report.grades.count($0)))) })),
            ("stages", .object(Stage.allCases.map { ($0.rawValue, .number(String(report.lifecycle.count($0)))) })),
            ("quality_score", score.map { .number($0.formatted(decimals: 4)) } ?? .null),
            ("findings", .object(quality.countsByRule.map { ($0.rule.rawValue, .number(String($0.count))) })),
            ("rows_after_as_of", .number(String(s.rowsAfterAsOf))),
        ])
        return Array(json.rendered().utf8)
    }
}
