import ArgumentParser
import Foundation
import PortraitKit

/// `portrait`: turns a customer ledger into a static report site.
@main
struct Portrait: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "portrait",
        abstract: "Turn a customer ledger (客户台账) into a static report site.",
        subcommands: [BuildCommand.self, ValidateCommand.self, SampleCommand.self],
        defaultSubcommand: BuildCommand.self
    )
}

/// Prints a failure and exits 2: unreadable input or bad configuration (site.md).
func fail(_ error: any Error) -> ExitCode {
    let message = (error as? PortraitError)?.description ?? String(describing: error)
    FileHandle.standardError.write(Data("portrait: \(message)\n".utf8))
    return ExitCode(2)
}
