import ArgumentParser
import PortraitKit

/// Options shared by `build` and `serve`: where the site goes, its language, its templates.
struct SiteOptions: ParsableArguments {
    @Option(name: .long, help: "The folder to write the site into.")
    var out = "site"

    @Option(name: .long, help: "Interface language: zh-CN or en.")
    var locale: String?

    @Option(name: .long, help: "A folder of page templates (default: templates/ beside the data folder, else the built-in ones).")
    var templates: String?

    /// The ledger's options with these added.
    func buildOptions(_ ledger: LedgerOptions) throws -> BuildOptions {
        var options = try ledger.buildOptions()
        options.outputDirectory = out
        options.templatesDirectory = templates
        if let locale {
            guard let value = SiteLocale(rawValue: locale) else {
                throw ValidationError("--locale must be zh-CN or en, not \(locale).")
            }
            options.locale = value
        }
        return options
    }
}
