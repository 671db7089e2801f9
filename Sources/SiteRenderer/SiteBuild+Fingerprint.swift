import Analytics
import Foundation
import LedgerModel

/// What a portrait page is made of, digested, so a rebuild can tell the pages whose inputs did
/// not change and link the previous build's file instead of rendering it.
///
/// A portrait's fingerprint is the site-wide fingerprint followed by everything of its own the
/// page reads. The site-wide part covers all that every portrait shares: the renderer's format
/// version and the binary, locale, currency, title, masking, today's date, T and the report
/// periods, thresholds and segment model, the ledger's mean R, F and M as the why text prints
/// them, the report months, every template and strings file, the reps (ids, names), each
/// table's presence and file names and the extra customer columns. A change there renders every
/// portrait again. The page's own part is its customer row, its figures, the inputs of its why
/// text (its scores against the means, its rounded share of revenue ahead), its channel counts,
/// and its orders with their lines, interactions with their texts and opportunities, in ledger
/// order; pool strings are digested as text, not ids. Codes (segment, status, channel…) are
/// digested by their position among the cases: a binary that reorders them is a new binary.
///
/// `IncrementalBuildTests` changes each kind of input and checks that the affected pages come
/// out as a fresh build's; `IncrementalBuildTests.theFingerprintCoversEveryFieldOfWhatAPortraitReads` fails when a model type gains a field, so
/// the digest is revisited with it.
extension SiteBuild {
    /// Bumped whenever the pages' markup changes for the same inputs without the binary changing
    /// (it always does in practice; the binary's identity is digested too).
    static let formatVersion = "portrait-pages-1"

    /// The site-wide part of every portrait's fingerprint.
    static func siteFingerprint(content: SiteContent, templates: TemplateLibrary, siteTitle: String, months: [Int]) -> Fingerprint {
        var h = FingerprintBuilder()
        h.add(formatVersion)
        h.add(executableIdentity)
        h.add(content.locale.rawValue)
        h.add(content.currency)
        h.add(siteTitle)
        h.add(content.maskContacts)
        h.add(Int(content.generatedOn.raw))
        let settings = content.report.settings
        for day in [settings.asOf, settings.today, settings.period.first, settings.period.last,
                    settings.previousPeriod.first, settings.previousPeriod.last] {
            h.add(Int(day.raw))
        }
        let t = settings.thresholds
        for value in [t.atRiskDays, t.churnDays, t.loyalOrders, t.followUpDays, t.staleDays,
                      t.gradeAShareBasisPoints, t.gradeBShareBasisPoints] {
            h.add(value)
        }
        h.add(settings.segmentModel.rawValue)
        let rfm = content.report.rfm
        for mean in [rfm.meanR, rfm.meanF, rfm.meanM] { h.add(mean?.formatted(decimals: 2)) }
        h.add(months.count)
        for month in months { h.add(month) }
        h.add(templates.files.count)
        for path in templates.files.keys.sorted() {
            h.add(path)
            h.add(templates.files[path]!)
        }
        let ledger = content.ledger
        h.add(ledger.reps.count)
        for rep in ledger.reps {
            h.add(rep.id)
            h.add(rep.name)
        }
        for table in TableName.allCases {
            let source = ledger.source(table)
            h.add(table.rawValue)
            h.add(source.files.count)
            for file in source.files { h.add(file) }
        }
        h.add(ledger.customerExtraColumns.count)
        for column in ledger.customerExtraColumns { h.add(column) }
        return h.finish()
    }

    /// The running binary, as its size and modification time: a new build of Portrait renders
    /// every page again even if nothing else changed.
    static let executableIdentity: String = {
        var info = stat()
        guard stat("/proc/self/exe", &info) == 0 else { return "unknown" }
        return "\(info.st_size) \(info.st_mtim.tv_sec) \(info.st_mtim.tv_nsec) \(info.st_ino)"
    }()

    /// The fingerprint of customer `index`'s portrait. `h` is scratch space, reset here.
    /// - Complexity: O(the customer's own rows).
    func portraitFingerprint(_ index: Int, using h: inout FingerprintBuilder) -> Fingerprint {
        h.reset()
        h.add(siteFingerprint)
        // Reading the customer out of the array copies it (a retain and a release of each of its
        // strings, 0.8 % of a 100k build). Reading it through the array's buffer pointer into a
        // `borrowing` parameter copied it too: the compiler cannot tell the memory stays
        // unchanged during the call.
        add(customers[index], to: &h)
        addFigures(index, to: &h)
        addRows(index, to: &h)
        return h.finish()
    }

    /// The customer's row, as its portrait reads it.
    private func add(_ c: Customer, to h: inout FingerprintBuilder) {
        h.add(c.id)
        h.add(c.name)
        h.add(ordinal(c.type))
        h.add(c.industry)
        h.add(c.region)
        h.add(c.city)
        h.add(c.address)
        h.add(c.contactName)
        h.add(c.phone)
        h.add(c.email)
        h.add(ordinal(c.gender))
        h.add(c.birthDate.map { Int($0.raw) })
        h.add(c.source)
        h.add(c.ownerID)
        add(c.owner, to: &h)
        h.add(c.grade)
        h.add(c.tags.count)
        for tag in c.tags { h.add(tag) }
        h.add(c.createdAt.map { Int($0.raw) })
        h.add(c.updatedAt.map { Int($0.raw) })
        h.add(c.updatedAtCell)
        h.add(c.extra.count)
        for field in c.extra {
            h.add(Int(field.column))
            h.add(field.value)
        }
        h.add(Int(c.line))
        h.add(Int(c.file))
    }

    /// The customer's figures and the inputs of its why text.
    private func addFigures(_ index: Int, to h: inout FingerprintBuilder) {
        let f = figures[index]
        h.add(Int(f.orders))
        h.add(Int(f.revenue.micros))
        h.add(Int(f.revenuePeriod.micros))
        h.add(Int(f.ordersPeriod))
        h.add(Int(f.interactions))
        h.add(Int(f.complaints))
        h.add(Int(f.openComplaints))
        h.add(Int(f.satisfactionSum))
        h.add(Int(f.satisfactionCount))
        h.add(Int(f.rScore))
        h.add(Int(f.fScore))
        h.add(Int(f.mScore))
        h.add(Int(f.cohortMonths))
        h.add(f.firstOrder.map { Int($0.raw) })
        h.add(f.secondOrder.map { Int($0.raw) })
        h.add(f.lastOrder.map { Int($0.raw) })
        h.add(f.lastContact.map { Int($0.raw) })
        h.add(f.recencyDays.map(Int.init))
        h.add(f.tenureDays.map(Int.init))
        h.add(f.daysSinceContact.map(Int.init))
        h.add(ordinal(f.preferredChannel))
        h.add(pool[f.topCategory])
        h.add(f.contactedRecently)
        h.add(f.hasOpportunity)
        h.add(ordinal(f.segment))
        h.add(ordinal(f.grade))
        h.add(ordinal(f.stage))
        // The why text's inputs rather than the text (writing it costs more than the rest of
        // the fingerprint): the figures above, whether each score is at least the ledger's mean,
        // and the share of revenue ahead as the text rounds it. `revenueBefore` itself is left
        // out: it moves with every other customer's revenue, the rounded share rarely does.
        // The means (every page prints them) are in the site-wide part; a change to how the
        // text is written is a new binary, which is too.
        h.add(rfm.isHigh(r: f.rScore))
        h.add(rfm.isHigh(f: f.fScore))
        h.add(rfm.isHigh(m: f.mScore))
        // The share as the text rounds it: the integer its two decimals are written from.
        if let share = Ratio(f.revenueBefore * 100, gradedRevenue)?.scaled(decimals: 2) {
            h.add(true)
            h.add(UInt64(truncatingIfNeeded: share))
            h.add(UInt64(truncatingIfNeeded: share >> 64))
        } else {
            h.add(false)
        }
        let width = Channel.allCases.count
        for slot in 0..<width { h.add(Int(channelMix[index * width + slot])) }
    }

    /// The customer's orders with their lines, interactions and opportunities, in ledger order.
    private func addRows(_ index: Int, to h: inout FingerprintBuilder) {
        let ownOrders = rows.ordersByCustomer[index]
        h.add(ownOrders.count)
        for row in ownOrders {
            let o = orders[Int(row)]
            h.add(o.id)
            add(o.owner, to: &h)
            h.add(Int(o.date.raw))
            h.add(Int(o.amount.micros))
            h.add(ordinal(o.status))
            h.add(o.lines.count)
            for line in o.lines {
                let l = orderLines[Int(line)]
                h.add(Int(l.date.raw))
                h.add(Int(l.amount.micros))
                h.add(pool[l.category])
                h.add(pool[l.product])
                h.add(l.quantity.map { Int($0.micros) })
            }
        }
        let ownInteractions = rows.interactionsByCustomer[index]
        h.add(ownInteractions.count)
        for row in ownInteractions {
            let it = interactions[Int(row)]
            add(it.owner, to: &h)
            add(it.date, to: &h)
            h.add(ordinal(it.channel))
            h.add(ordinal(it.kind))
            h.add(Int(it.satisfaction))
            if let resolved = it.resolvedAt {
                h.add(true)
                add(resolved, to: &h)
            } else {
                h.add(false)
            }
            texts.withUTF8(it.summary) { h.add(utf8: $0) }
        }
        let ownOpportunities = rows.opportunitiesByCustomer[index]
        h.add(ownOpportunities.count)
        for row in ownOpportunities {
            let o = opportunities[Int(row)]
            h.add(o.id)
            add(o.owner, to: &h)
            h.add(ordinal(o.stage))
            h.add(o.amount.map { Int($0.micros) })
            h.add(o.createdAt.map { Int($0.raw) })
            h.add(o.closedAt.map { Int($0.raw) })
        }
    }

    private func add(_ owner: OwnerRef, to h: inout FingerprintBuilder) {
        switch owner {
        case .none: h.add(-1)
        case .orphan: h.add(-2)
        case .rep(let index): h.add(Int(index))
        }
    }

    private func add(_ time: LocalDateTime, to h: inout FingerprintBuilder) {
        h.add(Int(time.day.raw))
        h.add(Int(time.secondOfDay))
        h.add(time.hasTime)
    }
}
