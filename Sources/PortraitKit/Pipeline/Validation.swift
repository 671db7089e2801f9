import Analytics
import LedgerModel
import SiteRenderer

/// The result of the first three stages: configuration, ledger, audit, and the dates.
package struct Validation: Sendable {
    package var configuration: Configuration
    package var ledger: Ledger
    package var quality: QualityReport
    package var asOf: Day
    package var today: Day

    /// T, P, P′, thresholds and segment model for the analytics.
    package var analysisSettings: AnalysisSettings {
        AnalysisSettings(asOf: asOf, today: today,
                         period: configuration.period.map { ReportPeriod(first: $0.start, last: $0.end) },
                         thresholds: configuration.thresholds, segmentModel: configuration.segmentModel)
    }

    package var errorCount: Int { quality.errorCount }
    package var warningCount: Int { quality.findings.count - errorCount }

    /// The exit status `validate` (and a `--strict` build) reports: 1 for errors, or for
    /// warnings too under `strict`.
    package func exitStatus(strict: Bool) -> Int32 {
        errorCount > 0 || (strict && warningCount > 0) ? 1 : 0
    }

    /// Tables read with their files and row counts.
    package var tables: [TableSource] {
        TableName.allCases.map { ledger.source($0) }
    }
}

/// What a build did, for the closing paragraph.
package struct BuildSummary: Sendable {
    package var validation: Validation
    package var pagesWritten: Int
    package var pagesUnchanged: Int
    package var seconds: Double
    /// Seconds per stage, a stage run twice (configuration, publishing) summed.
    package var stageTimings: [(stage: BuildStage, seconds: Double)]
}
