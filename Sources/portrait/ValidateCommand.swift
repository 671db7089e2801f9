import ArgumentParser
import Foundation
import PortraitKit

/// `portrait validate`: reads and checks the ledger, prints findings, writes nothing.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check the ledger and print its findings; exit 1 when there are errors.")

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    @OptionGroup var ledger: LedgerOptions

    @Option(name: .long, help: "Output format: text or json.")
    var format: Format = .text

    @Flag(name: .long, help: "Exit 1 for warnings too.")
    var strict = false

    func run() throws {
        let options = try ledger.buildOptions()
        let validation: Validation
        let output: String
        do {
            validation = try BuildPipeline.validate(options, runner: StageRunner(total: 3))
            output = format == .json ? try validation.jsonReport() : validation.textReport(dataDirectory: options.dataDirectory)
        } catch {
            throw fail(error)
        }
        FileHandle.standardOutput.write(Data(output.utf8))
        exitKeeping(validation, status: validation.exitStatus(strict: strict))
    }
}
