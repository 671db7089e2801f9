import ArgumentParser
import Foundation
import PortraitKit

/// `portrait build`: the site from the ledger, swapped in whole at the end.
struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build", abstract: "Build the report site (the default command).")

    @OptionGroup var ledger: LedgerOptions

    @OptionGroup var site: SiteOptions

    @Option(name: .long, help: "Also write one self-contained sub-site per team under teams/ (value: team).")
    var partition: String?

    @Flag(name: .long, help: "Exit 1 when the data has warnings too, not only errors.")
    var strict = false

    func run() throws {
        var options = try site.buildOptions(ledger)
        options.strict = strict
        if let partition {
            guard let value = Partition(rawValue: partition) else {
                throw ValidationError("--partition takes team, not \(partition).")
            }
            options.partition = value
        }
        Interruption.cleanUpOnInterrupt(output: site.out)
        let summary: BuildSummary
        do {
            summary = try BuildPipeline.build(options, runner: StageRunner(total: BuildStage.allCases.count))
        } catch {
            Interruption.exitIfInterrupted()
            throw fail(error)
        }
        let validation = summary.validation
        let text = summary.report(output: site.out, data: options.dataDirectory)
        FileHandle.standardError.write(Data(text.utf8))
        exitKeeping(summary, status: strict ? validation.exitStatus(strict: true) : 0)
    }
}
