import ArgumentParser
import Foundation
import PortraitKit

/// `portrait build`: the site from the ledger, swapped in whole at the end.
struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build", abstract: "Build the report site (the default command).")

    @OptionGroup var ledger: LedgerOptions

    @Option(name: .long, help: "The folder to write the site into.")
    var out = "site"

    @Option(name: .long, help: "Interface language: zh-CN or en.")
    var locale: String?

    @Option(name: .long, help: "A folder of page templates (default: templates/ beside the data folder, else the built-in ones).")
    var templates: String?

    @Option(name: .long, help: "Also write one self-contained sub-site per team under teams/ (value: team).")
    var partition: String?

    @Flag(name: .long, help: "Exit 1 when the data has warnings too, not only errors.")
    var strict = false

    func run() throws {
        var options = try ledger.buildOptions()
        options.outputDirectory = out
        options.strict = strict
        options.templatesDirectory = templates
        if let partition {
            guard let value = Partition(rawValue: partition) else {
                throw ValidationError("--partition takes team, not \(partition).")
            }
            options.partition = value
        }
        if let locale {
            guard let value = SiteLocale(rawValue: locale) else {
                throw ValidationError("--locale must be zh-CN or en, not \(locale).")
            }
            options.locale = value
        }
        Interruption.cleanUpOnInterrupt(output: out)
        let summary: BuildSummary
        do {
            summary = try BuildPipeline.build(options, runner: StageRunner(total: BuildStage.allCases.count))
        } catch {
            Interruption.exitIfInterrupted()
            throw fail(error)
        }
        let validation = summary.validation
        let text = summary.report(output: out, data: options.dataDirectory)
        FileHandle.standardError.write(Data(text.utf8))
        exitKeeping(summary, status: strict ? validation.exitStatus(strict: true) : 0)
    }
}
