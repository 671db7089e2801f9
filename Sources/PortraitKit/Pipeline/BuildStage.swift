/// The named stages of a build, in order; `validate` runs the first three. Charts are drawn
/// while their page renders (a chart is a fragment of one page).
package enum BuildStage: Int, CaseIterable, Sendable {
    case loadConfiguration = 1, readLedger, auditQuality, computeAnalytics, renderPages,
         writeExports, publishSite

    package var title: String {
        switch self {
        case .loadConfiguration: "Loading configuration"
        case .readLedger: "Reading ledger"
        case .auditQuality: "Auditing data quality"
        case .computeAnalytics: "Computing analytics"
        case .renderPages: "Rendering pages"
        case .writeExports: "Writing exports"
        case .publishSite: "Publishing site"
        }
    }

    /// How a failure in this stage is introduced to the user.
    var failure: String {
        switch self {
        case .loadConfiguration: "Cannot use the configuration"
        case .readLedger: "Cannot read the ledger"
        case .auditQuality: "Cannot audit the data"
        case .computeAnalytics: "Cannot compute the analytics"
        case .renderPages: "Cannot render the pages"
        case .writeExports: "Cannot write the exports"
        case .publishSite: "Cannot publish the site"
        }
    }
}
