import ArgumentParser
import LedgerModel
import PortraitKit

/// Options shared by `build` and `validate`.
struct LedgerOptions: ParsableArguments {
    @Option(name: .long, help: "The folder holding the ledger's tables.")
    var data = "data"

    @Option(name: .long, help: "The configuration file (default: portrait.yml beside the data folder).")
    var config: String?

    @Option(name: .customLong("as-of"), help: "The as-of date T, YYYY-MM-DD (default: the latest activity in the data).")
    var asOf: String?

    func buildOptions() throws -> BuildOptions {
        var options = BuildOptions()
        options.dataDirectory = data
        options.configFile = config
        if let asOf {
            guard let day = Day(iso: asOf) else {
                throw ValidationError("--as-of must be a date written YYYY-MM-DD, not \(asOf).")
            }
            options.asOf = day
        }
        return options
    }
}
