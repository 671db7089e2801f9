import Analytics
import Charts
import LedgerModel

/// `segments/index.html` (distributions) and `segments/NAME.html` (one segment's profile).
enum SegmentsPage {
    static let memberLimit = 100

    static func renderIndex(_ site: SiteBuild) throws -> String {
        let s = site.s, fmt = site.fmt, digest = site.digest
        let root = "../"
        var page = site.page(.segments, title: s["segments.title"], root: root, kind: "segments")
        let total = site.report.customers.count
        let revenueTotal = site.report.grades.totalRevenue
        page["segmentChart"] = site.figure(DonutChart(
            id: "segments", title: s["dashboard.segments"], description: s["dashboard.segments.desc"],
            slices: site.report.summary.segmentCounts.filter { $0.count > 0 }.map { ChartSlice(label: site.segmentName($0.segment), value: Double($0.count)) },
            centerLabel: s["common.customers_unit"], format: site.count, percent: site.percentFormat, noDataText: site.noData),
            headers: [s["common.segment"], s["common.customers"], "%"])
        page["segmentTable"] = site.table(id: "segment-table", columns: [
            (s["common.segment"], false), (s["common.customers"], true), (s["segments.share"], true), (s["common.revenue"], true),
            (s["segments.revenue_share"], true), ("R", true), ("F", true), ("M", true),
        ], rows: site.report.settings.segmentModel.segments.map { segment in
            let p = digest.segments[segment] ?? LedgerDigest.SegmentProfile()
            return site.row([
                site.cell(site.segmentName(segment), href: site.segmentHref(segment, root: root)),
                site.numberCell(p.customers), site.ratioCell(Ratio(p.customers, total)),
                site.moneyCell(p.revenue), site.ratioCell(Ratio(Int128(p.revenue.micros), revenueTotal)),
                site.ratioCell(Ratio(p.sumR, p.scored), percent: false), site.ratioCell(Ratio(p.sumF, p.scored), percent: false),
                site.ratioCell(Ratio(p.sumM, p.scored), percent: false),
            ])
        })
        page["gradeChart"] = DashboardPage.gradeChart(site)
        page["industryChart"] = DashboardPage.tallyChart(site, id: "industries", title: s["dashboard.industries"], digest.industries)
        page["regionChart"] = DashboardPage.tallyChart(site, id: "regions", title: s["dashboard.regions"], digest.regions)
        page["sourceChart"] = DashboardPage.tallyChart(site, id: "sources", title: s["segments.sources"], digest.sources, byCount: true)
        page["tagChart"] = DashboardPage.tallyChart(site, id: "tags", title: s["segments.tags"], digest.tags, byCount: true)
        page["modelNote"] = s["segments.model." + site.report.settings.segmentModel.rawValue]
        _ = fmt
        return try site.renderPage("page-segments", page)
    }

    static func render(_ site: SiteBuild, _ segment: Segment) throws -> String {
        let s = site.s, fmt = site.fmt, ledger = site.ledger, figures = site.report.customers
        let root = "../"
        let name = site.segmentName(segment)
        var page = site.page(.segments, title: name, root: root, kind: "segment")
        let p = site.digest.segments[segment] ?? LedgerDigest.SegmentProfile()
        page["segmentName"] = name
        page["segmentCode"] = segment.rawValue
        page["description"] = s["segment.desc." + segment.rawValue]
        page["kpis"] = [
            site.kpi(s["common.customers"], fmt.integer(p.customers),
                     sub: s.format("segments.of_all", fmt.percent(Ratio(p.customers, figures.count)))),
            site.kpi(s["common.revenue"], fmt.moneyCompact(p.revenue),
                     sub: s.format("segments.of_revenue", fmt.percent(Ratio(Int128(p.revenue.micros), site.report.grades.totalRevenue))),
                     title: fmt.money(p.revenue)),
            site.kpi(s["portrait.revenue_period"], fmt.moneyCompact(p.revenuePeriod), title: fmt.money(p.revenuePeriod)),
            site.kpi(s["segments.mean_rfm"], p.scored == 0 ? "–" : [Ratio(p.sumR, p.scored), Ratio(p.sumF, p.scored), Ratio(p.sumM, p.scored)]
                .map { fmt.decimal($0, decimals: 1) }.joined(separator: " / "), sub: "R / F / M"),
        ]
        func tallies(_ table: [String: Int]) -> [LedgerDigest.Tally] {
            table.map { LedgerDigest.Tally(label: $0.key, customers: $0.value) }
                .sorted { $0.customers != $1.customers ? $0.customers > $1.customers : SitePaths.codePointOrder($0.label, $1.label) }
        }
        page["industryChart"] = DashboardPage.tallyChart(site, id: "industries", title: s["dashboard.industries"], tallies(p.industries), byCount: true)
        page["regionChart"] = DashboardPage.tallyChart(site, id: "regions", title: s["dashboard.regions"], tallies(p.regions), byCount: true)
        page["members"] = site.table(id: "members", columns: [
            (s["common.customer"], false), (s["common.grade"], false), (s["common.stage"], false), (s["common.owner"], false),
            (s["common.revenue"], true), (s["common.orders"], true), (s["common.recency_days"], true),
        ], rows: p.members.prefix(memberLimit).map { index in
            let i = Int(index), c = ledger.customers[i], f = figures[i]
            return site.row([
                site.cell(c.name, href: site.customerHref(i, root: root), sort: c.name, sub: c.id),
                site.cell(site.gradeName(f.grade), sort: f.grade?.rawValue ?? "Z", badge: "grade grade-" + (f.grade?.rawValue ?? "none")),
                site.cell(site.stageName(f.stage), badge: "stage stage-" + f.stage.rawValue),
                site.ownerCell(c, root: root), site.moneyCell(f.revenue), site.numberCell(Int(f.orders)),
                f.recencyDays.map { site.numberCell(Int($0)) } ?? site.cell("–", num: true),
            ])
        }, empty: s["segments.empty"],
           more: p.members.count > memberLimit ? s.format("segments.more", fmt.integer(p.members.count - memberLimit)) : nil)
        page["listHref"] = root + "customers/index.html#segment=" + segment.rawValue
        return try site.renderPage("page-segment", page)
    }
}
