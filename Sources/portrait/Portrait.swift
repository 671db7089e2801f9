import ArgumentParser
import Foundation
import PortraitKit

/// `portrait`: turns a customer ledger into a static report site.
@main
struct Portrait: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "portrait",
        abstract: "Turn a customer ledger (客户台账) into a static report site.",
        subcommands: [BuildCommand.self, ValidateCommand.self, SampleCommand.self, InitCommand.self, ServeCommand.self],
        defaultSubcommand: BuildCommand.self
    )

    /// argument-parser's `main()`, except that a command line it refuses (an unknown option, a
    /// bad `--as-of` or `--locale`) exits 2, as bad configuration does (site.md), not 64.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            guard exitCode(for: error) == .validationFailure else { exit(withError: error) }
            FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
            Foundation.exit(2)
        }
    }
}

/// Prints a failure and exits 2: unreadable input or bad configuration (site.md).
func fail(_ error: any Error) -> ExitCode {
    let message = (error as? PortraitError)?.description ?? String(describing: error)
    FileHandle.standardError.write(Data("portrait: \(message)\n".utf8))
    return ExitCode(2)
}

/// Ends the process with `status` while `value` (the ledger and what was made of it) is still
/// held, so it is never released: at a million customers, releasing the rows one by one at the
/// end of `run()` kept one core busy for a few tenths of a second after the work was done, and
/// the kernel takes the whole memory back at once on exit anyway. Output is written with
/// `FileHandle` (unbuffered) before this is called.
func exitKeeping(_ value: some Any, status: Int32) -> Never {
    withExtendedLifetime(value) { Foundation.exit(status) }
}
