import Analytics
import Charts
import LedgerModel

/// The fixed bytes of the built-in portrait page for one build: the layout around the body, every
/// heading, label and badge with its interface text already looked up and escaped, and the
/// `{0}` entries split around their arguments.
///
/// A portrait page used to look up some sixty strings-table keys (each a hash of the key),
/// escape them and concatenate the results; a hundred thousand pages did that a hundred
/// thousand times. Built once in ``SiteBuild``, read by every render thread; a class, so a page takes it with
/// one retain rather than one per field.
final class PortraitMarkup: @unchecked Sendable {
    /// Owns every chunk and table below (never read while rendering, so never retained there).
    private let arena: ByteArena
    /// Money, numbers and dates of this build's locale and currency.
    let numbers: ByteFormatter
    /// The layout up to the title, between the title and the body, after the body.
    let shellPrefix: ByteChunk
    let shellMiddle: ByteChunk
    let shellSuffix: ByteChunk

    let crumbs: ByteChunk
    let identity: ByteChunk
    /// Per grade (A, B, C, then none), segment and stage: the badge markup.
    let gradeBadges: UnsafeBufferPointer<ByteChunk>
    let segmentBadges: UnsafeBufferPointer<ByteChunk>
    let stageBadges: UnsafeBufferPointer<ByteChunk>
    let ledgerGrade: StringsFormat
    /// `<div><dt>LABEL</dt><dd>` per fact.
    let factType, factIndustry, factRegion, factContact, factPhone, factEmail, factOwner, factSource, factCreated: ByteChunk
    /// Customer types by case, escaped.
    let typeNames: UnsafeBufferPointer<ByteChunk>
    let actionsHead: ByteChunk
    let actionAtRiskSilent, actionAtRisk, actionChurned, actionKeySilent, actionOpenComplaints, actionLowSatisfaction: StringsFormat
    let actionAtRiskNever, actionNew, actionProspectOpportunity, actionProspect, actionLead: ByteChunk
    /// `<div class="kpi">\n<div class="kpi-label">LABEL</div>\n<div class="kpi-value">`.
    let kpiRevenueTotal, kpiRevenuePeriod, kpiAOV, kpiLastOrder, kpiLastContact: ByteChunk
    let kpiComplaints, kpiOpenComplaints, kpiSatisfaction, kpiPreferredChannel: ByteChunk
    let ordersN, daysAgo: StringsFormat
    let scoresHead: ByteChunk
    let noScores: ByteChunk
    /// Per letter R, F, M: the escaped label.
    let rfmLabels: UnsafeBufferPointer<ByteChunk>
    let whyHead: ByteChunk
    let whySeparator: ByteChunk
    let revenueHead: ByteChunk
    let sparkline: SparklineStamp
    let sparklineDescription: StringsFormat
    let categoryHead: ByteChunk
    let moreCategories: StringsFormat
    let uncategorised: String
    let purchasesHead: ByteChunk
    let ordersTableHead: ByteChunk
    let ordersEmpty: ByteChunk
    let moreOrders: StringsFormat
    /// Per order status: the status cell.
    let statusCells: UnsafeBufferPointer<ByteChunk>
    let timelineHead: ByteChunk
    let interactionsMissing: ByteChunk?
    let opportunitiesMissing: ByteChunk?
    let moreInteractions: StringsFormat
    let noInteractions: ByteChunk
    /// Per channel (then none) and per kind (then none): chip markup.
    let channelChips: UnsafeBufferPointer<ByteChunk>
    let channelMixHead: ByteChunk
    /// Per rep: the escaped link to its page, empty when it has none.
    let repLinks: UnsafeBufferPointer<ByteChunk>
    let hasInteractions: Bool
    let kindChips: UnsafeBufferPointer<ByteChunk>
    /// Per kind (then none): `<li class="kind-KIND`.
    let kindItems: UnsafeBufferPointer<ByteChunk>
    /// Channel names, escaped, per channel then none; and the channels by raw value order.
    let channelNames: UnsafeBufferPointer<ByteChunk>
    let satisfactionN: StringsFormat
    let resolvedOn: StringsFormat
    let openState: ByteChunk
    let serviceHead: ByteChunk
    let opportunitiesHead: ByteChunk
    let opportunitiesTableHead: ByteChunk
    let opportunitiesEmpty: ByteChunk
    /// Per opportunity stage (then none): the stage cell.
    let opportunityStageCells: UnsafeBufferPointer<ByteChunk>
    let otherFieldsHead: ByteChunk
    /// `<div><dt>LABEL</dt><dd>` per other field.
    let otherID, otherAddress, otherGender, otherBirth, otherUpdated, otherTenure, otherTopCategory: ByteChunk
    let genderNames: UnsafeBufferPointer<ByteChunk>
    let extraColumns: UnsafeBufferPointer<ByteChunk>
    let daysN: StringsFormat
    let sourceLine: StringsFormat
    let sourceFiles: [String]

    /// - Parameter arena: holds the bytes; it must outlive the markup (``SiteBuild`` keeps both).
    init(site: SiteBuild, shell: [String], arena: ByteArena) {
        self.arena = arena
        let s = site.s
        func bytes(_ text: String) -> ByteChunk { arena.chunk(text) }
        func t(_ key: String) -> String { HTML.escape(s[key]) }
        func entry(_ key: String, _ arguments: Int = 1) -> StringsFormat { StringsFormat(s, key, arguments: arguments, arena: arena) }
        func table(_ chunks: [ByteChunk]) -> UnsafeBufferPointer<ByteChunk> { arena.table(chunks) }
        numbers = ByteFormatter(site.fmt, arena: arena)
        precondition(shell.count == 5 && shell[1] == "T" && shell[3] == "M", "a layout of another shape is rendered by the templates")
        shellPrefix = bytes(shell[0])
        shellMiddle = bytes(shell[2])
        shellSuffix = bytes(shell[4])

        crumbs = bytes("<nav class=\"crumbs\" aria-label=\"" + t("common.breadcrumb") + "\"><a href=\"index.html\">" + t("nav.customers")
            + "</a> / <span>")
        identity = bytes("</span></nav>\n<section class=\"identity card\">\n<div class=\"identity-main\">\n<div class=\"avatar\" aria-hidden=\"true\">")
        gradeBadges = table((Grade.allCases.map { Optional($0) } + [nil]).map { grade in
            bytes("<span class=\"badge grade grade-" + (grade?.rawValue ?? "none") + "\">"
                + HTML.escape(s["common.grade"] + " " + site.gradeName(grade)) + "</span> ")
        })
        segmentBadges = table(Segment.allCases.map { segment in
            bytes("<a class=\"badge seg\" href=\"" + site.segmentHref(segment, root: "../") + "\">" + HTML.escape(site.segmentName(segment)) + "</a> ")
        })
        stageBadges = table(Stage.allCases.map { stage in
            bytes("<span class=\"badge stage stage-" + stage.rawValue + "\">" + HTML.escape(site.stageName(stage)) + "</span>")
        })
        ledgerGrade = entry("portrait.ledger_grade")
        func fact(_ key: String) -> ByteChunk { bytes("<div><dt>" + t(key) + "</dt><dd>") }
        factType = fact("field.type")
        factIndustry = fact("field.industry")
        factRegion = fact("field.region")
        factContact = fact("field.contact_name")
        factPhone = fact("field.phone")
        factEmail = fact("field.email")
        factOwner = fact("field.owner")
        factSource = fact("field.source")
        factCreated = fact("field.created_at")
        typeNames = table(CustomerType.allCases.map { bytes(HTML.escape(s["type." + $0.rawValue])) })
        actionsHead = bytes("<section class=\"actions\" aria-label=\"" + t("portrait.next_actions") + "\">\n<h2>" + t("portrait.next_actions")
            + "</h2>\n<ul>")
        actionAtRiskSilent = entry("action.at_risk_silent")
        actionAtRisk = entry("action.at_risk")
        actionChurned = entry("action.churned")
        actionKeySilent = entry("action.key_silent")
        actionOpenComplaints = entry("action.open_complaints")
        actionLowSatisfaction = entry("action.low_satisfaction")
        actionAtRiskNever = bytes(t("action.at_risk_never"))
        actionNew = bytes(t("action.new"))
        actionProspectOpportunity = bytes(t("action.prospect_opportunity"))
        actionProspect = bytes(t("action.prospect"))
        actionLead = bytes(t("action.lead"))
        func kpi(_ key: String) -> ByteChunk {
            bytes("<div class=\"kpi\">\n<div class=\"kpi-label\">" + t(key) + "</div>\n<div class=\"kpi-value\">")
        }
        kpiRevenueTotal = kpi("portrait.revenue_total")
        kpiRevenuePeriod = kpi("portrait.revenue_period")
        kpiAOV = kpi("common.aov")
        kpiLastOrder = kpi("portrait.last_order")
        kpiLastContact = kpi("portrait.last_contact")
        kpiComplaints = kpi("portrait.complaints")
        kpiOpenComplaints = kpi("portrait.open_complaints")
        kpiSatisfaction = kpi("portrait.satisfaction")
        kpiPreferredChannel = kpi("portrait.preferred_channel")
        ordersN = entry("portrait.orders_n")
        daysAgo = entry("common.days_ago")
        scoresHead = bytes("\n</section>\n<div class=\"grid grid-2\">\n<section class=\"card\">\n<h2>" + t("portrait.scores") + "</h2>\n")
        noScores = bytes("<p class=\"note\">" + t("portrait.no_scores") + "</p>\n")
        rfmLabels = table(["portrait.rfm.r", "portrait.rfm.f", "portrait.rfm.m"].map { bytes(t($0)) })
        whyHead = bytes("<h3>" + t("portrait.why") + "</h3>\n<ul class=\"why\">")
        whySeparator = bytes(site.content.locale == .zhCN ? "；" : "; ")
        revenueHead = bytes("</ul>\n</section>\n<section class=\"card\">\n<h2>" + t("portrait.revenue_by_month") + "</h2>\n")
        sparkline = SparklineStamp(id: "revenue-by-month", title: s["portrait.revenue_by_month"], labels: site.monthNames,
                                   width: 320, height: 56, noDataText: s["portrait.no_orders_period"], summary: s["chart.show_data"],
                                   headers: [s["common.month"], s["common.revenue"]], namespace: false, arena: arena)
        sparklineDescription = entry("portrait.revenue_by_month.desc")
        categoryHead = bytes("<h3>" + t("portrait.category_mix") + "</h3>\n")
        moreCategories = entry("portrait.more_categories")
        uncategorised = s["common.uncategorised"]
        purchasesHead = bytes("\n</section>\n</div>\n<section class=\"card\">\n<h2>" + t("portrait.purchases") + "</h2>\n")
        func tableHead(id: String, sortable: Bool, columns: [(String, Bool)]) -> ByteChunk {
            var head = "<div class=\"table-wrap\">\n<table id=\"" + HTML.escape(id) + "\" class=\"data" + (sortable ? " sortable" : "")
                + "\">\n\n<thead><tr>"
            for (label, numeric) in columns {
                head += (numeric ? "<th scope=\"col\" class=\"num\">" : "<th scope=\"col\">") + HTML.escape(label) + "</th>"
            }
            return bytes(head + "</tr></thead>\n<tbody>\n")
        }
        func emptyRow(_ columns: Int, _ key: String) -> ByteChunk {
            bytes("\n<tr class=\"empty\"><td colspan=\"" + String(columns) + "\">" + t(key) + "</td></tr>\n")
        }
        ordersTableHead = tableHead(id: "orders", sortable: true, columns: [
            (s["common.date"], false), (s["portrait.order_id"], false), (s["portrait.products"], false),
            (s["common.amount"], true), (s["common.status"], false),
        ])
        ordersEmpty = emptyRow(5, "portrait.no_orders")
        moreOrders = entry("portrait.more_orders")
        statusCells = table(OrderStatus.allCases.map { status in
            bytes("<td><span class=\"badge " + HTML.escape("status status-" + status.rawValue) + "\">" + t("status." + status.rawValue)
                + "</span></td>")
        })
        timelineHead = bytes("\n</section>\n<div class=\"grid grid-2-1\">\n<section class=\"card\">\n<h2>" + t("portrait.timeline") + "</h2>\n")
        func missing(_ table: TableName) -> ByteChunk? {
            site.missingTable(table).map { m in
                bytes("<div class=\"missing\">\n<p class=\"missing-title\">" + HTML.escape(m["missingTitle"] as? String ?? "")
                    + "</p>\n<p class=\"missing-hint\">" + HTML.escape(m["missingHint"] as? String ?? "") + "</p>\n</div>\n")
            }
        }
        interactionsMissing = missing(.interactions)
        opportunitiesMissing = missing(.opportunities)
        moreInteractions = entry("portrait.more_interactions")
        noInteractions = bytes("<p class=\"note\">" + t("portrait.no_interactions") + "</p>")
        let channels = Channel.allCases.map { Optional($0) } + [nil]
        channelNames = table(channels.map { bytes(HTML.escape(site.channelName($0))) })
        channelMixHead = bytes("\n<h3>" + t("portrait.channel_mix") + "</h3>\n<ul class=\"channel-mix\">")
        repLinks = table(site.ledger.reps.indices.map { rep in site.repHref(rep, root: "../").map { bytes(HTML.escape($0)) } ?? .empty })
        hasInteractions = site.ledger.source(.interactions).present
        channelChips = table(channels.map { bytes("</time> <span class=\"chip\">" + HTML.escape(site.channelName($0)) + "</span>") })
        let kinds = InteractionKind.allCases.map { Optional($0) } + [nil]
        kindChips = table(kinds.map { bytes(" <span class=\"chip chip-kind\">" + HTML.escape(site.kindName($0)) + "</span>") })
        kindItems = table(kinds.map { bytes("<li class=\"kind-" + ($0?.rawValue ?? "other")) })
        satisfactionN = entry("portrait.satisfaction_n")
        resolvedOn = entry("portrait.resolved_on")
        openState = bytes(t("portrait.open"))
        serviceHead = bytes("\n</section>\n<section class=\"card\">\n<h2>" + t("portrait.service") + "</h2>\n")
        opportunitiesHead = bytes("\n</section>\n</div>\n<section class=\"card\">\n<h2>" + t("portrait.opportunities") + "</h2>\n")
        opportunitiesTableHead = tableHead(id: "opportunities", sortable: false, columns: [
            (s["portrait.opportunity"], false), (s["common.stage"], false), (s["common.amount"], true),
            (s["field.created_at"], false), (s["portrait.closed_at"], false),
        ])
        opportunitiesEmpty = emptyRow(5, "portrait.no_opportunities")
        opportunityStageCells = table((OpportunityStage.allCases.map { Optional($0) } + [nil]).map { stage in
            bytes("<td><span class=\"badge " + HTML.escape("opp opp-" + (stage?.rawValue ?? "open")) + "\">"
                + HTML.escape(stage.map { s["opportunity." + $0.rawValue] } ?? s["common.unknown"]) + "</span></td>")
        })
        otherFieldsHead = bytes("<section class=\"card\">\n<h2>" + t("portrait.other_fields") + "</h2>\n<dl class=\"fields\">\n")
        func other(_ label: String) -> ByteChunk { bytes("<div><dt>" + HTML.escape(label) + "</dt><dd>") }
        otherID = other(s["field.customer_id"])
        otherAddress = other(s["field.address"])
        otherGender = other(s["field.gender"])
        otherBirth = other(s["field.birth_date"])
        otherUpdated = other(s["field.updated_at"])
        otherTenure = other(s["field.tenure"])
        otherTopCategory = other(s["field.top_category"])
        genderNames = table(Gender.allCases.map { bytes(HTML.escape(s["gender." + $0.rawValue])) })
        extraColumns = table(site.ledger.customerExtraColumns.map(other))
        daysN = entry("common.days_n")
        sourceLine = entry("portrait.source_line", 2)
        sourceFiles = site.ledger.source(.customers).files
    }
}

/// The position of a case in `allCases`, for the tables of ``PortraitMarkup``; `allCases.count`
/// for nil.
///
/// A case of an enum without payloads is stored as its declaration index, which is also its
/// position in the synthesized `allCases`, and `nil` of such an optional as the first index
/// past the cases; reading that byte avoids building `allCases` (an array) on every lookup.
/// `PortraitMarkupTests` checks it for every enum the pages index by.
@inline(__always)
func ordinal<T: CaseIterable & Equatable>(_ value: T?) -> Int {
    precondition(MemoryLayout<T?>.size == 1, "ordinal needs a one-byte enum")
    return Int(unsafeBitCast(value, to: UInt8.self))
}
