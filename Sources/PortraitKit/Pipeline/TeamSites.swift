import Analytics
import LedgerModel
import SiteRenderer

/// `--partition team`: beside the company site, `teams/TEAM/` for each team, a complete site of
/// that team's ledger only (`Ledger.partition(team:)`), and `teams/index.html`.
///
/// Each sub-site is computed at the company's T and period, so its figures are the company's
/// figures for those rows.
///
/// A team's ledger, audit and analytics run on one thread, which would leave the second core
/// idle between two teams' pages; so each team is computed on a thread of its own while the
/// one before it renders (the first while the company site renders). At most two teams' ledgers
/// are held at once: the one rendering and the next.
final class TeamSites {
    private let validation: Validation
    private let content: SiteContent
    private let teams: [String?]
    /// The job computing the next team to render; nil once the last has been taken.
    private var next: BackgroundJob<TeamSite>?

    /// One team's sub-site, ready to render.
    struct TeamSite: Sendable {
        var team: String?
        var content: SiteContent
        var prepared: SitePreparation
    }

    /// Starts computing the first team's sub-site.
    init(_ validation: Validation, content: SiteContent) {
        self.validation = validation
        self.content = content
        teams = validation.ledger.teams
        next = start(0)
    }

    /// Renders every team's sub-site and `teams/index.html` into `writer`, in team order.
    func render(templates: TemplateLibrary, into writer: SiteWriter) throws {
        let unassigned = "unassigned"
        let folders = SitePaths(ids: teams.map { $0 ?? unassigned })
        var entries: [TeamsIndexPage.Entry] = []
        for index in teams.indices {
            let site = try next!.wait()
            next = start(index + 1)
            let team = site.team
            let folder = folders.stem(team ?? unassigned) ?? unassigned
            let sub = writer.scoped("teams/" + folder)
            try SiteRenderer.render(site.content, templates: templates, prepared: site.prepared, into: sub)
            try BuildPipeline.writeExports(report: site.content.report, quality: site.content.quality,
                                           content: site.content, into: sub)
            entries.append(TeamsIndexPage.Entry(team: team, folder: folder, customers: site.content.ledger.customers.count,
                                                reps: site.content.ledger.reps.count))
        }
        try writer.write("teams/index.html", TeamsIndexPage.render(entries, title: content.title, locale: content.locale,
                                                                  templates: templates))
    }

    /// Waits for the team being computed, if any: a failed build returns with no thread of its
    /// own still running (`portrait serve` builds again in the same process). An interrupted
    /// one does not wait: the process is ending.
    func abandon() {
        if !SiteWriter.isStopping { _ = try? next?.wait() }
        next = nil
    }

    /// The job computing team `index`'s sub-site; nil past the last team.
    private func start(_ index: Int) -> BackgroundJob<TeamSite>? {
        guard teams.indices.contains(index) else { return nil }
        let team = teams[index], validation = validation, content = content
        return BackgroundJob { TeamSites.site(of: team, validation, content: content) }
    }

    private static func site(of team: String?, _ validation: Validation, content: SiteContent) -> TeamSite {
        let part = validation.ledger.partition(team: team)
        let quality = QualityAudit.audit(part, asOf: validation.asOf, staleDays: validation.configuration.thresholds.staleDays)
        let report = AnalyticsReport.compute(ledger: part, settings: validation.analysisSettings)
        var teamContent = content
        teamContent.ledger = part
        teamContent.report = report
        teamContent.quality = quality
        if let title = content.title, let team { teamContent.title = title + " · " + team }
        let prepared = SitePreparation(ledger: part, portraits: validation.configuration.portraits)
        prepared.make()
        return TeamSite(team: team, content: teamContent, prepared: prepared)
    }
}
