import Foundation
import Analytics
import Charts
import LedgerModel

/// What every page of one build shares: the content, strings, formats, the digest and the
/// planned file names. Built once, read by all page renderers in parallel.
struct SiteBuild: Sendable {
    let content: SiteContent
    let templates: TemplateLibrary
    let s: Strings
    let fmt: LocaleFormatting
    let digest: LedgerDigest
    /// File stems of the customers that get a portrait page.
    let customerPaths: SitePaths
    let repPaths: SitePaths
    /// Per customer: has a portrait page.
    let hasPortrait: [Bool]
    let siteTitle: String

    var ledger: Ledger { content.ledger }
    var report: AnalyticsReport { content.report }

    init(content: SiteContent, templates: TemplateLibrary) throws {
        self.content = content
        self.templates = templates
        s = try templates.strings(content.locale)
        fmt = LocaleFormatting(locale: content.locale, currency: content.currency)
        digest = LedgerDigest(ledger: content.ledger, report: content.report)
        var selected = [Bool](repeating: false, count: content.ledger.customers.count)
        switch content.portraits {
        case .all: selected = [Bool](repeating: true, count: selected.count)
        case .none: break
        case .top(let n): for index in digest.byRevenue.prefix(max(0, n)) { selected[Int(index)] = true }
        }
        hasPortrait = selected
        customerPaths = SitePaths(ids: content.ledger.customers.indices.lazy.filter { selected[$0] }.map { content.ledger.customers[$0].id })
        repPaths = SitePaths(ids: content.ledger.reps.map(\.id))
        siteTitle = content.title.flatMap { $0.isEmpty ? nil : $0 } ?? s["site.title"]
    }

    // MARK: Names

    func segmentName(_ segment: Segment) -> String { s["segment." + segment.rawValue] }
    func stageName(_ stage: Stage) -> String { s["stage." + stage.rawValue] }
    func gradeName(_ grade: Grade?) -> String { grade.map { $0.rawValue } ?? s["grade.none"] }
    func channelName(_ channel: Channel?) -> String { channel.map { s["channel." + $0.rawValue] } ?? s["common.unknown"] }
    func kindName(_ kind: InteractionKind?) -> String { kind.map { s["kind." + $0.rawValue] } ?? s["common.unknown"] }
    func ruleName(_ rule: Rule) -> String { s["rule." + rule.rawValue] }
    func tableName(_ table: TableName) -> String { s["table." + table.rawValue] }

    // MARK: Links

    /// Link to a customer's portrait from a page `root` deep, nil when it has none.
    func customerHref(_ index: Int, root: String) -> String? {
        guard hasPortrait[index], let file = customerPaths.file(ledger.customers[index].id) else { return nil }
        return root + "customers/" + file
    }

    func repHref(_ index: Int, root: String) -> String? {
        repPaths.file(ledger.reps[index].id).map { root + "team/" + $0 }
    }

    func segmentHref(_ segment: Segment, root: String) -> String { root + "segments/" + segment.rawValue + ".html" }

    /// The rep owning a customer, as a table cell.
    func ownerCell(_ customer: Customer, root: String) -> [String: Any] {
        if let rep = customer.owner.repIndex {
            return cell(ledger.reps[rep].name, href: repHref(rep, root: root))
        }
        return cell(customer.ownerID ?? "–")
    }

    // MARK: Charts

    var count: ValueFormatter { let f = fmt; return { f.number($0) } }
    var moneyShort: ValueFormatter { let f = fmt; return { f.moneyCompact($0) } }
    var percentFormat: ValueFormatter { let f = fmt; return { f.percent($0) } }
    var noData: String { s["chart.no_data"] }

    /// The chart as a `<figure>` with its data table. The SVG namespace attribute is dropped:
    /// HTML does not need it, and it is the only URL-looking text a page would otherwise hold.
    func figure(_ chart: some Chart, caption: String? = nil, headers: [String] = []) -> String {
        chart.figure(caption: caption, summary: s["chart.show_data"], headers: headers)
            .replacingOccurrences(of: "<svg xmlns=\"http://www.w3.org/2000/svg\" ", with: "<svg ")
    }

    /// Month labels of the report period for chart axes.
    var monthLabels: [String] { digest.months.map(fmt.shortMonth) }

    // MARK: Table cells

    func cell(_ text: String, href: String? = nil, sort: String? = nil, badge: String? = nil,
              num: Bool = false, sub: String? = nil) -> [String: Any] {
        var c: [String: Any] = ["text": text, "num": num]
        if let href { c["href"] = href }
        if let sort { c["sort"] = sort }
        if let badge { c["badge"] = badge }
        if let sub { c["sub"] = sub }
        return c
    }

    func numberCell(_ value: Int) -> [String: Any] {
        ["text": fmt.integer(value), "num": true, "sort": String(value)]
    }

    func moneyCell(_ value: Money) -> [String: Any] {
        ["text": fmt.money(value), "num": true, "sort": value.formatted(decimals: 2)]
    }

    func ratioCell(_ value: Ratio?, percent: Bool = true, decimals: Int = 1) -> [String: Any] {
        [
            "text": percent ? fmt.percent(value, decimals: decimals) : fmt.decimal(value, decimals: decimals), "num": true,
            "sort": value.map { $0.formatted(decimals: 6) } ?? "",
        ]
    }

    /// A signed change such as `+12.3%`.
    func changeCell(_ value: Ratio?) -> [String: Any] {
        ["text": fmt.change(value), "num": true, "sort": value.map { $0.formatted(decimals: 6) } ?? ""]
    }

    func dateCell(_ day: Day?) -> [String: Any] {
        ["text": fmt.date(day), "num": false, "sort": day.map { $0.description } ?? ""]
    }

    /// A table for the `table` partial.
    func table(id: String, columns: [(String, Bool)], rows: [[String: Any]], empty: String? = nil,
               sortable: Bool = true, more: String? = nil, caption: String? = nil, nowrap: Bool = false) -> [String: Any] {
        var t: [String: Any] = [
            "tableId": id, "sortable": sortable, "nowrap": nowrap,
            "columns": columns.map { ["label": $0.0, "numeric": $0.1] as [String: Any] },
            "rows": rows, "hasRows": !rows.isEmpty, "columnCount": columns.count, "emptyText": empty ?? s["common.none"],
        ]
        if let more { t["more"] = more }
        if let caption { t["caption"] = caption }
        return t
    }

    func row(_ cells: [[String: Any]], attributes: [(String, String)] = []) -> [String: Any] {
        var r: [String: Any] = ["cells": cells]
        if !attributes.isEmpty { r["attributes"] = attributes.map { ["name": $0.0, "value": $0.1] } }
        return r
    }

    /// A KPI card for the `kpi` partial.
    func kpi(_ label: String, _ value: String, sub: String? = nil, trend: String? = nil, href: String? = nil,
             title: String? = nil) -> [String: Any] {
        var k: [String: Any] = ["label": label, "value": value]
        if let sub { k["sub"] = sub }
        if let trend { k["trend"] = trend }
        if let href { k["link"] = href }
        if let title { k["hint"] = title }
        return k
    }

    // MARK: Layout

    enum Section: String, CaseIterable { case dashboard, customers, segments, lifecycle, team, service, quality }

    private func sectionHref(_ section: Section) -> String {
        switch section {
        case .dashboard: "index.html"
        case .customers: "customers/index.html"
        case .segments: "segments/index.html"
        case .lifecycle: "lifecycle.html"
        case .team: "team/index.html"
        case .service: "service.html"
        case .quality: "quality.html"
        }
    }

    /// The context every page starts from: language, strings, navigation, dates and links.
    func page(_ section: Section, title: String, root: String, kind: String) -> [String: Any] {
        let settings = report.settings
        let nav: [[String: Any]] = Section.allCases.map {
            ["navHref": root + sectionHref($0), "navLabel": s["nav." + $0.rawValue], "current": $0 == section]
        }
        return [
            "lang": content.locale.rawValue, "s": StringsScope(table: s.table, path: ""), "root": root, "siteTitle": siteTitle,
            "pageTitle": title, "pageKind": kind, "nav": nav,
            "asOf": fmt.date(settings.asOf),
            "period": fmt.date(settings.period.first) + " – " + fmt.date(settings.period.last),
            "generatedOn": fmt.date(content.generatedOn),
            "searchAction": root + "customers/index.html",
        ]
    }

    /// The empty state of a page or card whose table is absent from the ledger.
    func missingTable(_ table: TableName) -> [String: Any]? {
        guard !ledger.source(table).present else { return nil }
        return ["missingTitle": s.format("missing.title", tableName(table)),
                "missingHint": s["missing.hint." + table.rawValue]]
    }
}
