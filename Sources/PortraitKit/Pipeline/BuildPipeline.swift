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
            let settings = IngestSettings(dataDirectory: options.dataDirectory, tables: configuration.tables,
                                          dateOrder: configuration.dateOrder, today: today)
            try MemoryBudget.check(settings)
            let ledger = try LedgerReader.read(settings)
            if let excess = MoneyBounds.check(ledger) { throw PortraitError(stage: .readLedger, excess, in: ledger) }
            return ledger
        }
        let asOf = AnalysisSettings.resolveAsOf(explicit: options.asOf ?? configuration.asOf, ledger: ledger, today: today)
        let quality = try runner.run(.auditQuality) {
            QualityAudit.audit(ledger, asOf: asOf, staleDays: configuration.thresholds.staleDays)
        }
        return Validation(configuration: configuration, ledger: ledger, quality: quality, asOf: asOf, today: today)
    }

    /// Every stage; the previous site stays whole unless the last one succeeds.
    package static func build(_ options: BuildOptions, runner: StageRunner) throws -> BuildSummary {
        try runner.run(.loadConfiguration) { try checkInputsOutsideOutput(options) }
        let validation = try validate(options, runner: runner)
        // While the analytics run on this thread, the other core makes the staging folder
        // (reading the previous site's manifest) and what the pages need of the ledger alone.
        // One job, not two: on a loaded machine a third thread takes time from the analytics.
        let ledger = validation.ledger, portraits = validation.configuration.portraits
        let output = options.outputDirectory
        let prepared = SitePreparation(ledger: ledger, portraits: portraits)
        let early = BackgroundJob {
            let staging = Result { try SiteWriter(output: output) }
            prepared.make()
            return staging
        }
        let report = try runner.run(.computeAnalytics) {
            AnalyticsReport.compute(ledger: validation.ledger, settings: validation.analysisSettings)
        }
        let content = siteContent(validation, report: report, options: options)
        // What the job has not started yet is made here, beside what it is making.
        prepared.make(fileNamesFirst: true)
        let staging = try early.wait()
        let writer = try runner.run(.publishSite) { try staging.get() }
        var teams: TeamSites?
        do {
            // The exports need nothing of the pages: they are written while the pages render,
            // on a thread of their own, and the cores the portraits leave idle (the stage's start
            // and end, waits on the file system) go to them. A failed render still waits for
            // them before the staging folder is removed.
            let quality = validation.quality
            let exports = BackgroundJob { try writeExports(report: report, quality: quality, content: content, into: writer) }
            // The first team's sub-site is computed while the company site renders.
            teams = options.partition == .team ? TeamSites(validation, content: content) : nil
            // Read and compiled once, for the company site and every team's.
            let templates = try runner.run(.renderPages, counting: { writer.written + writer.unchanged }) {
                do {
                    let templates = try TemplateLibrary(directory: content.templatesDirectory)
                    try SiteRenderer.render(content, templates: templates, prepared: prepared, into: writer)
                    return templates
                } catch {
                    _ = try? exports.wait()
                    throw error
                }
            }
            try runner.run(.writeExports) { try exports.wait() }
            if let teams {
                try runner.run(.renderPages) { try teams.render(templates: templates, into: writer) }
            }
            try runner.run(.publishSite) { try writer.commit() }
        } catch {
            teams?.abandon()
            writer.abandon()
            throw error
        }
        var timings: [BuildStage: Double] = [:]
        for (stage, seconds) in runner.timings { timings[stage, default: 0] += seconds }
        return BuildSummary(validation: validation, pagesWritten: writer.written, pagesUnchanged: writer.unchanged,
                            seconds: runner.totalSeconds,
                            stageTimings: BuildStage.allCases.compactMap { stage in timings[stage].map { (stage, $0) } })
    }

    /// The export files of metrics.md into `writer`'s `exports/`.
    static func writeExports(report: AnalyticsReport, quality: QualityReport, content: SiteContent,
                             into writer: SiteWriter) throws {
        let ledger = content.ledger
        let why: ExplanationLocale = content.locale == .zhCN ? .zhCN : .en
        let customers = Exports.customersTable(report: report, ledger: ledger, locale: why)
        try customers.withBytes { try writer.write("exports/customers.csv", $0) }
        try writer.write("exports/reps.csv", Exports.repsCSV(report: report, ledger: ledger))
        try writer.write("exports/segments.csv", Exports.segmentsCSV(report: report, ledger: ledger))
        try writer.write("exports/findings.csv", Exports.findingsCSV(quality: quality))
        try writer.write("exports/summary.json", Exports.summaryJSON(report: report, quality: quality))
    }

    /// What the pages are made of, with the choices of flags and configuration resolved.
    static func siteContent(_ validation: Validation, report: AnalyticsReport, options: BuildOptions) -> SiteContent {
        let configuration = validation.configuration
        return SiteContent(
            ledger: validation.ledger, report: report, quality: validation.quality,
            locale: locale(options: options, validation: validation), title: configuration.title,
            currency: configuration.currency, maskContacts: configuration.maskContacts,
            portraits: configuration.portraits, templatesDirectory: templatesDirectory(options),
            generatedOn: validation.today)
    }

    /// `--locale`, else the config's, else zh-CN when the data's headers or the title are
    /// Chinese, else en.
    static func locale(options: BuildOptions, validation: Validation) -> SiteLocale {
        if let locale = options.locale ?? validation.configuration.locale { return locale }
        let chineseTitle = validation.configuration.title?.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) } ?? false
        return validation.ledger.chineseHeaders || chineseTitle ? .zhCN : .en
    }

    /// Refuses an output folder that holds the data folder, the configuration file or the
    /// templates folder: a build replaces the output folder whole, so they would be moved into
    /// the previous site and deleted by a later build (found by fuzzing: `--data site/data
    /// --out site` lost the ledger two builds later).
    static func checkInputsOutsideOutput(_ options: BuildOptions) throws {
        guard let output = ResolvedPath.of(options.outputDirectory) else { return }
        let inputs = [("data folder", options.dataDirectory), ("configuration file", options.configFile),
                      ("templates folder", templatesDirectory(options))]
        for case let (what, path?) in inputs {
            guard let input = ResolvedPath.of(path), input == output || ResolvedPath.lies(input, below: output) else { continue }
            throw SiteWriterError(path: options.outputDirectory,
                                  problem: "The output folder holds the \(what) \(path); each build replaces the output folder whole, so it would be lost.",
                                  hint: "Keep the ledger, portrait.yml and templates outside the folder given with --out.")
        }
    }

    /// What a build reads besides the ledger's own files, for `portrait serve` to watch: the data
    /// folder, every place a `portrait.yml` is looked for, and the templates folder, whether or
    /// not they exist yet (one created later changes the site).
    package static func inputs(_ options: BuildOptions) -> [String] {
        [options.dataDirectory] + (options.configFile.map { [$0] } ?? configurationCandidates(options))
            + [options.templatesDirectory ?? templatesCandidate(options)]
    }

    /// `portrait.yml` beside the data folder, then in it: where a build looks without `--config`.
    static func configurationCandidates(_ options: BuildOptions) -> [String] {
        let data = URL(fileURLWithPath: options.dataDirectory)
        return [data.deletingLastPathComponent().appendingPathComponent("portrait.yml").path,
                data.appendingPathComponent("portrait.yml").path]
    }

    /// `templates/` beside the data folder: where a build looks without `--templates`.
    static func templatesCandidate(_ options: BuildOptions) -> String {
        URL(fileURLWithPath: options.dataDirectory).deletingLastPathComponent().appendingPathComponent("templates").path
    }

    /// `templates/` beside the data folder when it exists (a user's restyled copy of Portrait's
    /// `templates/`), else nil: the templates built into the binary.
    static func templatesDirectory(_ options: BuildOptions) -> String? {
        if let directory = options.templatesDirectory { return directory }
        let candidate = templatesCandidate(options)
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: candidate, isDirectory: &isDirectory) && isDirectory.boolValue ? candidate : nil
    }

    /// `--config`, else `portrait.yml` beside the data folder, else in it, else defaults.
    static func loadConfiguration(_ options: BuildOptions) throws -> Configuration {
        if let file = options.configFile {
            guard FileManager.default.fileExists(atPath: file) else {
                throw ConfigurationError(file: file, problem: "The configuration file does not exist.",
                                         hint: "Check the path given with --config.")
            }
            return try Configuration.load(file: file)
        }
        for candidate in configurationCandidates(options) where FileManager.default.fileExists(atPath: candidate) {
            return try Configuration.load(file: candidate)
        }
        return Configuration()
    }
}
