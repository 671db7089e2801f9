import ArgumentParser
import Foundation
import PortraitKit

/// `portrait sample`: a realistic synthetic ledger of any size.
struct SampleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sample", abstract: "Write a realistic synthetic ledger (all five tables).")

    @Option(name: .long, help: "How many customers.")
    var customers: Int

    @Option(name: .long, help: "The folder to write the tables into (created if missing; it must be empty).")
    var out: String

    @Option(name: .long, help: "Seed of the generator; the same seed gives the same files.")
    var seed: UInt64 = 1

    @Option(name: .long, help: "Headers and codes in zh-CN (Chinese) or en (canonical English).")
    var locale = "zh-CN"

    @Option(name: .long, help: "Share of rows (0-1) that get one injected defect; every finding rule occurs.")
    var dirt = 0.0

    @Option(name: .long, help: "File format: csv or xml.")
    var format = "csv"

    @Option(name: .long, help: "CSV encoding: utf8 or gb18030 (as Excel in Chinese locales writes).")
    var encoding = "utf8"

    @Option(name: .long, help: "Write the findings the injected defects must produce (JSON) to this file.")
    var manifest: String?

    @Flag(name: .long, help: "Write into a folder that holds files (tables of the same names are replaced).")
    var force = false

    func run() throws {
        guard let locale = SampleLocale(rawValue: locale) else { throw ValidationError("--locale must be zh-CN or en, not \(self.locale).") }
        guard let format = SampleFormat(rawValue: format) else { throw ValidationError("--format must be csv or xml, not \(self.format).") }
        guard let encoding = SampleEncoding(rawValue: encoding) else { throw ValidationError("--encoding must be utf8 or gb18030, not \(self.encoding).") }
        let options = SampleOptions(customers: customers, seed: seed, locale: locale, dirt: dirt,
                                    format: format, encoding: encoding)
        let start = ContinuousClock.now
        let result: SampleManifest
        do {
            if !force { try LedgerSampler.checkFolderIsFree(out) }
            result = try LedgerSampler.write(options, to: out)
            if let manifest {
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
                try encoder.encode(result).write(to: URL(fileURLWithPath: manifest))
            }
        } catch {
            throw fail(error)
        }
        let rows = result.rows.values.reduce(0, +)
        let seconds = Double((ContinuousClock.now - start).components.seconds)
            + Double((ContinuousClock.now - start).components.attoseconds) / 1e18
        let text = "Wrote \(rows) rows (\(customers) customers) to \(out) in \((seconds * 10).rounded() / 10) s; "
            + "\(result.expected.count) injected defects.\n"
        FileHandle.standardError.write(Data(text.utf8))
    }
}
