import ArgumentParser
import Foundation
import PortraitKit

/// `portrait sample`: a realistic synthetic ledger of any size.
struct SampleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sample", abstract: "Write a realistic synthetic ledger (all five tables).")

    @Option(name: .long, help: "How many customers.")
    var customers: Int

    @Option(name: .long, help: "The folder to write the tables into.")
    var out: String

    @Option(name: .long, help: "Seed of the generator; the same seed gives the same files.")
    var seed: UInt64 = 1

    @Option(name: .long, help: "Headers and values in zh-CN or en.")
    var locale = "zh-CN"

    @Option(name: .long, help: "Share of rows (0-1) that get one injected defect of each kind.")
    var dirt = 0.0

    func run() throws {
        throw ValidationError("sample is not wired yet")
    }
}
