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
    /// Each customer's rows (what the portraits look up).
    let rows: LedgerRowGroups
    /// The report months (`Summary.monthly`).
    let months: [Int]
    /// What the other pages need beyond the report, made by the first page to ask (the
    /// portraits never do), so that the portraits need not wait for it.
    var digest: LedgerDigest { digestBox.value }
    private let digestBox: Deferred<LedgerDigest>
    /// Per customer, the stem of its portrait's file and the portrait's site path
    /// (`customers/STEM.html`), nil when it has none.
    let portraitStems: [String?]
    let portraitPaths: [String?]
    let repPaths: SitePaths
    /// Per customer: has a portrait page.
    let hasPortrait: [Bool]
    let siteTitle: String
    /// The layout of a portrait page rendered once, split around the page title and the body.
    private(set) var portraitShell: [String] = []
    /// The layout around rep pages (`team/REP.html`), rendered once and split as
    /// ``portraitShell``; nil while the user's own layout, header or footer is in use, which
    /// each rep page is then rendered through. 5,000 reps rendered 5,000 layouts.
    private(set) var repShell: [String]?
    /// The page context every portrait starts from (built once: the navigation and dates are
    /// the same on each).
    var portraitBase: [String: Any] { portraitBaseBox.value }
    private var portraitBaseBox = FrozenContext(value: [:])
    /// True while the portrait templates are the built-in ones: ``PortraitWriter`` writes them.
    var fastPortraits: Bool
    /// The fixed bytes of a built-in portrait page (``PortraitWriter``); only while
    /// ``fastPortraits``.
    var markup: PortraitMarkup { markupBox! }
    private var markupBox: PortraitMarkup?
    /// Holds the bytes of ``markup``.
    let arena = ByteArena()
    /// The why texts of the portraits, with the parts every customer shares formatted once.
    let why: WhyWriter
    /// What every portrait shares, digested (``SiteBuild/siteFingerprint(content:templates:siteTitle:months:)``).
    let siteFingerprint: Fingerprint

    var ledger: Ledger { content.ledger }
    var report: AnalyticsReport { content.report }

    // The arrays the portraits read, held directly: reading them through `ledger` (a computed
    // property) copies the whole `Ledger`, fifteen retains and releases, at every use.
    let customers: [Customer]
    let orders: [Order]
    let orderLines: [OrderLine]
    let interactions: [Interaction]
    let opportunities: [Opportunity]
    let reps: [Rep]
    let pool: StringPool
    let texts: TextArena
    let figures: [CustomerFigures]
    let channelMix: [Int32]
    let settings: AnalysisSettings
    let rfm: RFMSummary
    let gradedRevenue: Int128

    /// - Parameter prepared: the ledger's part made beforehand (``SitePreparation``), else made here.
    init(content: SiteContent, templates: TemplateLibrary, prepared: SitePreparation? = nil) throws {
        self.content = content
        self.templates = templates
        customers = content.ledger.customers
        orders = content.ledger.orders
        orderLines = content.ledger.orderLines
        interactions = content.ledger.interactions
        opportunities = content.ledger.opportunities
        reps = content.ledger.reps
        pool = content.ledger.strings
        texts = content.ledger.texts
        figures = content.report.customers
        channelMix = content.report.channelMix
        settings = content.report.settings
        rfm = content.report.rfm
        gradedRevenue = content.report.grades.totalRevenue
        s = try templates.strings(content.locale)
        fmt = LocaleFormatting(locale: content.locale, currency: content.currency)
        let prepared = prepared.flatMap { $0.portraits == content.portraits ? $0 : nil }
            ?? SitePreparation(ledger: content.ledger, portraits: content.portraits)
        rows = prepared.rows
        var selected = [Bool](repeating: content.portraits == .all, count: content.ledger.customers.count)
        let ledger = content.ledger, report = content.report
        if case .top(let n) = content.portraits {
            // The portraits follow the revenue ranking: that first, the rest of the digest when
            // a page asks for it (beside the portraits, as with all portraits).
            let byRevenue = LedgerDigest.revenueOrder(ledger.customers, report.customers, idsAscending: report.idsAscending)
            for index in byRevenue.prefix(max(0, n)) { selected[Int(index)] = true }
            portraitStems = SitePreparation.portraitStems(ledger.customers, chosen: selected)
            portraitPaths = SitePreparation.portraitPaths(portraitStems)
            digestBox = Deferred { LedgerDigest(ledger: ledger, report: report, byRevenue: byRevenue) }
        } else {
            portraitStems = prepared.portraitStems ?? []
            portraitPaths = prepared.portraitPaths ?? []
            digestBox = Deferred { LedgerDigest(ledger: ledger, report: report) }
        }
        hasPortrait = selected
        months = report.summary.monthly.map(\.month)
        monthLabels = months.map(fmt.shortMonth)
        monthNames = months.map(fmt.month)
        repPaths = SitePaths(ids: content.ledger.reps.map(\.id))
        siteTitle = content.title.flatMap { $0.isEmpty ? nil : $0 } ?? s["site.title"]
        siteFingerprint = SiteBuild.siteFingerprint(content: content, templates: templates, siteTitle: siteTitle, months: months)
        why = WhyWriter(report: content.report, locale: ExplanationLocale(rawValue: content.locale.rawValue) ?? .en)
        fastPortraits = !["page-portrait.mustache", "kpi.mustache", "table.mustache", "missing.mustache"].contains { templates.customized.contains($0) }
        portraitBaseBox = FrozenContext(value: page(.customers, title: "", root: "../", kind: "portrait"))
        portraitShell = try layoutShell(.customers, kind: "portrait")
        // The writer fills a layout that shows the title once, before the body. A user's layout
        // that shows it twice, not at all or after the body (or the body twice) is rendered
        // through the templates, which follow any shape (``wrapPortrait(_:title:)``).
        let titleThenBody = portraitShell.count == 5 && portraitShell[1] == "T" && portraitShell[3] == "M"
        fastPortraits = fastPortraits && titleThenBody
        if fastPortraits { markupBox = PortraitMarkup(site: self, shell: portraitShell, arena: arena) }
        if !["layout.mustache", "header.mustache", "footer.mustache"].contains(where: templates.customized.contains) {
            repShell = try layoutShell(.team, kind: "rep")
        }
    }

    /// The layout of a page one folder down, rendered with the title and body left out and split
    /// where they go: fixed text at even positions, `"T"` (the title) or `"M"` (the body) between.
    private func layoutShell(_ section: Section, kind: String) throws -> [String] {
        var shell = page(section, title: "\u{1}T\u{1}", root: "../", kind: kind)
        shell["main"] = "\u{1}M\u{1}"
        return try templates.render("layout", shell).components(separatedBy: "\u{1}")
    }

    /// `body` and `title` (escaped by `escape`) put where a ``layoutShell(_:kind:)`` leaves them.
    private static func splice(_ body: String, title: String, into shell: [String], escape: (String) -> String) -> String {
        var out = ""
        out.reserveCapacity(body.utf8.count + shell.reduce(0) { $0 + $1.utf8.count } + 64)
        for (index, part) in shell.enumerated() {
            if index % 2 == 0 { out += part } else if part == "T" { out += escape(title) } else if part == "M" { out += body }
        }
        return out
    }

    /// Renders a page: its template gives the body, which `layout` wraps as `{{{main}}}`.
    func renderPage(_ template: String, _ page: [String: Any]) throws -> String {
        var page = page
        page["main"] = try templates.render(template, page)
        return try templates.render("layout", page)
    }

    /// A rep page (`page` is ``page(_:title:root:kind:)`` of `.team`, `"../"`, `"rep"` and the
    /// rep's name as `title`, and more): its template's body in ``repShell``, the title escaped
    /// as the layout's `{{pageTitle}}` would be; through the layout when there is no shell.
    func renderRepPage(_ page: [String: Any], title: String) throws -> String {
        guard let shell = repShell else { return try renderPage("page-rep", page) }
        return Self.splice(try templates.render("page-rep", page), title: title, into: shell, escape: HTML.escapeAsTemplates)
    }

    /// Appends the portrait page of a customer: written by ``PortraitWriter`` while the portrait
    /// templates are the built-in ones, else rendered from the user's templates.
    func writePortrait(customer index: Int, into out: inout ByteBuffer) throws {
        if fastPortraits {
            PortraitWriter.write(self, customer: index, into: &out)
        } else {
            out.append(raw: try PortraitPage.render(self, customer: index))
        }
    }

    /// Renders a portrait page's template into the layout rendered once at the start
    /// (``portraitShell``): 100,000 portraits cost 100,000 body renders, not 100,000 layouts.
    func renderPortrait(_ page: [String: Any], title: String) throws -> String {
        try wrapPortrait(templates.render("page-portrait", page), title: title)
    }

    /// A portrait body inside the layout.
    /// The title is escaped by scalar, as ``PortraitWriter`` escapes it.
    func wrapPortrait(_ body: String, title: String) -> String {
        Self.splice(body, title: title, into: portraitShell, escape: HTML.escape)
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
        guard hasPortrait[index], index < portraitPaths.count, let path = portraitPaths[index] else { return nil }
        return root + path
    }

    func repHref(_ index: Int, root: String) -> String? {
        repPaths.file(ledger.reps[index].id).map { root + "team/" + $0 }
    }

    func segmentHref(_ segment: Segment, root: String) -> String { root + "segments/" + segment.rawValue + ".html" }

    /// The rep owning a customer, as a table cell.
    func ownerCell(_ customer: Customer, root: String) -> TableCell {
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
        let html = chart.figure(caption: caption, summary: s["chart.show_data"], headers: headers)
        guard let namespace = html.range(of: "<svg xmlns=\"http://www.w3.org/2000/svg\" "),
              html.distance(from: html.startIndex, to: namespace.lowerBound) < 64 else { return html }
        return html.replacingCharacters(in: namespace, with: "<svg ")
    }

    /// Month labels of the report period for chart axes.
    let monthLabels: [String]
    /// Month names in full (`2026年10月`), for data tables.
    let monthNames: [String]

    // MARK: Table cells

    func cell(_ text: String, href: String? = nil, sort: String? = nil, badge: String? = nil,
              num: Bool = false, sub: String? = nil) -> TableCell {
        TableCell(text: text, href: href, sort: sort, badge: badge, numeric: num, sub: sub)
    }

    func numberCell(_ value: Int) -> TableCell {
        TableCell(text: fmt.integer(value), sort: String(value), numeric: true)
    }

    func moneyCell(_ value: Money) -> TableCell {
        TableCell(text: fmt.money(value), sort: value.formatted(decimals: 2), numeric: true)
    }

    func ratioCell(_ value: Ratio?, percent: Bool = true, decimals: Int = 1) -> TableCell {
        TableCell(text: percent ? fmt.percent(value, decimals: decimals) : fmt.decimal(value, decimals: decimals),
                  sort: value.map { $0.formatted(decimals: 6) } ?? "", numeric: true)
    }

    /// A signed change such as `+12.3%`.
    func changeCell(_ value: Ratio?) -> TableCell {
        TableCell(text: fmt.change(value), sort: value.map { $0.formatted(decimals: 6) } ?? "", numeric: true)
    }

    func dateCell(_ day: Day?) -> TableCell {
        TableCell(text: fmt.date(day), sort: day.map { $0.description } ?? "")
    }

    /// A table for the `table` partial: its columns, and its rows already as HTML (`rowsHTML`).
    ///
    /// Rows are written by ``TableRow/html`` rather than looped over in the template: a
    /// portrait page would otherwise spend most of its time in a thousand template lookups.
    func table(id: String, columns: [(String, Bool)], rows: [TableRow], empty: String? = nil,
               sortable: Bool = true, more: String? = nil, caption: String? = nil, nowrap: Bool = false) -> [String: Any] {
        var html = ""
        html.reserveCapacity(rows.count * 160)
        for row in rows { row.write(to: &html) }
        var head = "<tr>"
        for (label, numeric) in columns {
            head += (numeric ? "<th scope=\"col\" class=\"num\">" : "<th scope=\"col\">") + HTML.escape(label) + "</th>"
        }
        head += "</tr>"
        return [
            "tableId": id, "sortable": sortable, "nowrap": nowrap,
            "columns": columns.map { ["label": $0.0, "numeric": $0.1] as [String: Any] },
            "headHTML": head, "rowsHTML": html, "hasRows": !rows.isEmpty, "columnCount": columns.count, "emptyText": empty ?? s["common.none"],
            "more": more ?? false, "caption": caption ?? false,
        ]
    }

    func row(_ cells: [TableCell], attributes: [(String, String)] = []) -> TableRow {
        TableRow(cells: cells, attributes: attributes)
    }

    /// A KPI card for the `kpi` partial.
    func kpi(_ label: String, _ value: String, sub: String? = nil, trend: String? = nil, href: String? = nil,
             title: String? = nil) -> [String: Any] {
        // Absent parts are `false`, not missing: a missing key makes Mustache search every
        // enclosing context, the slowest thing a page render does.
        ["label": label, "value": value, "sub": sub ?? false, "trend": trend ?? false, "link": href ?? false, "hint": title ?? false]
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

/// A template context built once and only read afterwards, shared by the render threads.
/// Its values are strings, numbers, booleans and arrays and dictionaries of them: immutable.
struct FrozenContext: @unchecked Sendable {
    let value: [String: Any]
}
