import Analytics
import LedgerModel
import PortraitTestSupport
import SiteRenderer
import Testing

@Suite("summary.json")
struct ExportSummaryTests {
    @Test("summary.json: no BOM, ordered keys, every code with zero counts, null conversions")
    func summary() {
        let ledger = HandLedger.build()
        let report = AnalyticsReport.compute(
            ledger: ledger, settings: AnalysisSettings(asOf: HandLedger.asOf, today: HandLedger.today))
        // quality_score 9 / 12 = 0.7500.
        let quality = QualityReport(findings: [], cleanCustomerRows: 9, customerRows: 12,
                                    completeness: [], duplicateGroups: [])
        let expected = #"""
{
  "as_of": "2026-06-30",
  "period": {
    "start": "2025-07-01",
    "end": "2026-06-30"
  },
  "customers": 10,
  "revenue_period": 12200.00,
  "funnel": [
    {
      "step": "all",
      "count": 10,
      "conversion": null
    },
    {
      "step": "engaged",
      "count": 8,
      "conversion": 0.8000
    },
    {
      "step": "converted",
      "count": 6,
      "conversion": 0.7500
    },
    {
      "step": "repeat",
      "count": 4,
      "conversion": 0.6667
    },
    {
      "step": "loyal",
      "count": 1,
      "conversion": 0.2500
    }
  ],
  "segments": {
    "important_value": 1,
    "important_develop": 0,
    "important_keep": 0,
    "important_winback": 1,
    "general_value": 0,
    "general_develop": 2,
    "general_keep": 0,
    "general_winback": 2,
    "no_purchase": 4
  },
  "grades": {
    "A": 3,
    "B": 2,
    "C": 1
  },
  "stages": {
    "churned": 1,
    "at_risk": 1,
    "loyal": 1,
    "repeat": 2,
    "new": 1,
    "prospect": 2,
    "lead": 2
  },
  "quality_score": 0.7500,
  "findings": {
    "missing_required": 0,
    "duplicate_id": 0,
    "orphan_reference": 0,
    "bad_date": 0,
    "bad_number": 0,
    "out_of_range": 0,
    "future_date": 0,
    "bad_value": 0,
    "bad_phone": 0,
    "bad_email": 0,
    "probable_duplicate": 0,
    "stale_record": 0
  },
  "rows_after_as_of": 4
}

"""#
        let actual = Exports.summaryJSON(report: report, quality: quality)
        #expect(actual.first == UInt8(ascii: "{"))
        #expect(String(decoding: actual, as: UTF8.self) == expected)
    }

    @Test("JSON strings are escaped")
    func escaping() {
        #expect(JSONValue.string("a\"b\\c\n\u{1}").rendered() == "\"a\\\"b\\\\c\\n\\u0001\"\n")
    }
}
