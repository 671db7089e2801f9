import Analytics
import Foundation
import LedgerIngest
import LedgerModel
import SiteRenderer

/// The build, top to bottom as the product describes it: load configuration → read ledger →
/// audit quality → compute analytics → draw charts → render pages → write exports → publish.
///
/// Each stage is a function from value to value; the runner names, times and tags them.
package enum BuildPipeline {
    /// The first three stages, as `portrait validate` runs them. Writes nothing.
    package static func validate(_ options: BuildOptions, runner: StageRunner) throws -> Validation {
        let today = try runner.run(.loadConfiguration) { try options.today ?? Today.resolve() }
        let configuration = try runner.run(.loadConfiguration) { try loadConfiguration(options) }
        let ledger = try runner.run(.readLedger) {
            try LedgerReader.read(IngestSettings(dataDirectory: options.dataDirectory, tables: configuration.tables,
                                                 dateOrder: configuration.dateOrder, today: today))
        }
        let asOf = AnalysisSettings.resolveAsOf(explicit: options.asOf ?? configuration.asOf, ledger: ledger, today: today)
        let quality = try runner.run(.auditQuality) {
            QualityAudit.audit(ledger, asOf: asOf, staleDays: configuration.thresholds.staleDays)
        }
        return Validation(configuration: configuration, ledger: ledger, quality: quality, asOf: asOf, today: today)
    }

    /// Every stage; the previous site stays whole unless the last one succeeds.
    package static func build(_ options: BuildOptions, runner: StageRunner) throws -> BuildSummary {
        let validation = try validate(options, runner: runner)
        let report = try runner.run(.computeAnalytics) {
            AnalyticsReport.compute(ledger: validation.ledger, settings: validation.analysisSettings)
        }
        let writer = try runner.run(.publishSite) { try SiteWriter(output: options.outputDirectory) }
        do {
            try runner.run(.renderPages) {
                try writer.write("index.html", PlainIndexPage.render(validation.summaryFacts))
            }
            try runner.run(.writeExports) {
                let ledger = validation.ledger, quality = validation.quality
                try writer.write("exports/customers.csv", Exports.customersCSV(report: report, ledger: ledger))
                try writer.write("exports/reps.csv", Exports.repsCSV(report: report, ledger: ledger))
                try writer.write("exports/segments.csv", Exports.segmentsCSV(report: report, ledger: ledger))
                try writer.write("exports/findings.csv", Exports.findingsCSV(quality: quality))
                try writer.write("exports/summary.json", Exports.summaryJSON(report: report, quality: quality))
            }
            try runner.run(.publishSite) { try writer.commit() }
        } catch {
            writer.abandon()
            throw error
        }
        return BuildSummary(validation: validation, pagesWritten: writer.written, pagesUnchanged: writer.unchanged,
                            seconds: runner.totalSeconds)
    }

    /// `--config`, else `portrait.yml` beside the data folder, else in it, else defaults.
    static func loadConfiguration(_ options: BuildOptions) throws -> Configuration {
        if let file = options.configFile {
            guard FileManager.default.fileExists(atPath: file) else {
                throw ConfigurationError(file: file, problem: "The configuration file does not exist.",
                                         hint: "Check the path given with --config, or run `portrait init` to write one.")
            }
            return try Configuration.load(file: file)
        }
        let data = URL(fileURLWithPath: options.dataDirectory)
        for candidate in [data.deletingLastPathComponent().appendingPathComponent("portrait.yml").path,
                          data.appendingPathComponent("portrait.yml").path]
        where FileManager.default.fileExists(atPath: candidate) {
            return try Configuration.load(file: candidate)
        }
        return Configuration()
    }
}
