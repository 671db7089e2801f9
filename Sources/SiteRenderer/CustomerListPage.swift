import Analytics
import LedgerModel

/// `customers/index.html`: the customers in a sortable, filterable table and a search box.
///
/// The table holds the first ``tableLimit`` customers by revenue so the page stays usable on a
/// ledger of a million rows; the search (over `assets/search-index.js`) finds every customer,
/// and `exports/customers.csv` has them all.
enum CustomerListPage {
    static let tableLimit = 5000

    static func render(_ site: SiteBuild) throws -> String {
        let s = site.s, fmt = site.fmt, ledger = site.ledger, figures = site.report.customers
        let root = "../"
        var page = site.page(.customers, title: s["customers.title"], root: root, kind: "customers")
        page["searchIndex"] = true
        let shown = site.digest.byRevenue.prefix(tableLimit)
        var rows: [TableRow] = []
        rows.reserveCapacity(shown.count)
        for index in shown {
            let i = Int(index), c = ledger.customers[i], f = figures[i]
            let owner = c.owner.repIndex.map { ledger.reps[$0].name } ?? c.ownerID ?? ""
            rows.append(site.row([
                site.cell(c.name, href: site.customerHref(i, root: root), sort: c.name, sub: c.id),
                site.cell(site.segmentName(f.segment), sort: f.segment.rawValue, badge: "seg"),
                site.cell(site.gradeName(f.grade), sort: f.grade?.rawValue ?? "Z", badge: "grade grade-" + (f.grade?.rawValue ?? "none")),
                site.cell(site.stageName(f.stage), sort: String(Stage.allCases.firstIndex(of: f.stage) ?? 0), badge: "stage stage-" + f.stage.rawValue),
                site.ownerCell(c, root: root),
                site.moneyCell(f.revenue),
                site.numberCell(Int(f.orders)),
                f.recencyDays.map { site.numberCell(Int($0)) } ?? site.cell("–", sort: "999999999", num: true),
            ], attributes: [("data-segment", f.segment.rawValue), ("data-grade", f.grade?.rawValue ?? "none"),
                            ("data-stage", f.stage.rawValue), ("data-owner", owner)]))
        }
        page["customerTable"] = site.table(id: "customers", columns: [
            (s["common.customer"], false), (s["common.segment"], false), (s["common.grade"], false), (s["common.stage"], false),
            (s["common.owner"], false), (s["common.revenue"], true), (s["common.orders"], true), (s["common.recency_days"], true),
        ], rows: rows, empty: s["customers.empty"])
        if ledger.customers.count > tableLimit {
            page["limitNote"] = s.format("customers.limit", fmt.integer(tableLimit), fmt.integer(ledger.customers.count))
        }
        page["countText"] = s.format("customers.count", fmt.integer(ledger.customers.count))
        page["filters"] = [
            filter("segment", s["common.segment"], site.report.settings.segmentModel.segments.map { ($0.rawValue, site.segmentName($0)) }, s),
            filter("grade", s["common.grade"], Grade.allCases.map { ($0.rawValue, $0.rawValue) } + [("none", s["grade.none"])], s),
            filter("stage", s["common.stage"], Stage.allCases.map { ($0.rawValue, site.stageName($0)) }, s),
            filter("owner", s["common.owner"], ownerOptions(site), s),
        ]
        return try site.renderPage("page-customers", page)
    }

    static func filter(_ key: String, _ label: String, _ options: [(String, String)], _ s: Strings) -> [String: Any] {
        ["filterKey": key, "filterLabel": label, "allLabel": s["customers.filter.all"],
         "options": options.map { ["optionValue": $0.0, "optionLabel": $0.1] }]
    }

    static func ownerOptions(_ site: SiteBuild) -> [(String, String)] {
        var names = Set<String>()
        for rep in site.ledger.reps { names.insert(rep.name) }
        let customers = site.customers
        for i in customers.indices where customers[i].owner.repIndex == nil {
            if let o = customers[i].ownerID { names.insert(o) }
        }
        return names.sorted(by: SitePaths.codePointOrder).map { ($0, $0) }
    }
}
