import LedgerModel
import SiteRenderer

/// What the command line asks for; flags override `portrait.yml`.
package struct BuildOptions: Sendable {
    package var dataDirectory = "data"
    package var outputDirectory = "site"
    /// `--config`; nil looks for `portrait.yml` beside the data folder, then in it.
    package var configFile: String?
    package var locale: SiteLocale?
    package var asOf: Day?
    /// `--strict`: warnings count as errors for the exit status.
    package var strict = false
    /// `--templates`: a folder of page templates; nil looks for `templates/` beside the data.
    package var templatesDirectory: String?
    /// `--partition team`: also one self-contained sub-site per team under `teams/`.
    package var partition: Partition?
    /// Overrides "today" (tests); nil reads `SOURCE_DATE_EPOCH` or the system date.
    package var today: Day?

    package init() {}
}

/// How `--partition` splits the site.
package enum Partition: String, Sendable, CaseIterable {
    case team
}
