import Analytics
import Dispatch
import LedgerModel
import PortraitTestSupport
@testable import SiteRenderer
import Synchronization
import Testing

/// The parts of a build made beside the analytics or on first use (``SitePreparation``,
/// ``Deferred``, the order pages are handed out in) give what the serial build gave.
@Suite struct RenderOverlapTests {
    @Test func aDeferredValueIsMadeOnceHoweverManyThreadsAskAtOnce() {
        let made = Atomic<Int>(0)
        let deferred = Deferred<[Int]> {
            made.add(1, ordering: .relaxed)
            return Array(0..<1000)
        }
        let sums = Mutex<[Int]>([])
        DispatchQueue.concurrentPerform(iterations: 16) { _ in
            let sum = deferred.value.reduce(0, +)
            sums.withLock { $0.append(sum) }
        }
        #expect(made.load(ordering: .relaxed) == 1)
        #expect(sums.withLock { $0 } == Array(repeating: 499_500, count: 16))
    }

    @Test func theCustomerListComesFirstAndThePagesReadingTheDigestAfterMostPortraits() throws {
        var random = VariedLedger(seed: 5)
        let content = SiteFixture.content(ledger: random.ledger(customers: 6000, asOf: SiteFixture.asOf))
        let site = try SiteBuild(content: content, templates: TemplateLibrary(directory: nil))
        let pages = SiteRenderer.pages(site)
        guard case .customers = pages[0] else {
            Issue.record("the customer list, which makes the digest, comes first")
            return
        }
        var covered = [Int](repeating: 0, count: site.customers.count)
        var single: [String] = []
        var portraitsSoFar = 0
        for page in pages {
            switch page {
            case .portraits(let range):
                for index in range { covered[index] += 1 }
                portraitsSoFar += range.count
            case .dashboard, .segments, .segment, .service:
                // The pages that read the digest besides the customer list.
                #expect(portraitsSoFar >= site.customers.count * 2 / 3, "\(page) after most portraits")
                #expect(portraitsSoFar < site.customers.count, "\(page) before the last portraits")
                single.append("\(page)")
            default:
                single.append("\(page)")
            }
        }
        #expect(covered.allSatisfy { $0 == 1 })
        #expect(Set(single).count == single.count)
        #expect(single.count == 10 + site.report.settings.segmentModel.segments.count + site.ledger.reps.count)
    }

    @Test(arguments: [PortraitSelection.all, .top(7), .none])
    func portraitPathsMadeBeforehandMatchTheFileNames(_ selection: PortraitSelection) throws {
        var random = VariedLedger(seed: 8)
        let ledger = random.ledger(customers: 60, asOf: SiteFixture.asOf)
        let content = SiteFixture.content(portraits: selection, ledger: ledger)
        let templates = try TemplateLibrary(directory: nil)
        // Prepared for this selection, for another one (ignored), and not at all.
        for prepared in [SitePreparation(ledger: ledger, portraits: selection), SitePreparation(ledger: ledger, portraits: .all), nil] {
            let site = try SiteBuild(content: content, templates: templates, prepared: prepared)
            // The file names planned for the customers with a portrait, looked up by id.
            let paths = SitePaths(ids: ledger.customers.indices.filter { site.hasPortrait[$0] }.map { ledger.customers[$0].id })
            for index in ledger.customers.indices {
                let file = site.hasPortrait[index] ? paths.file(ledger.customers[index].id) : nil
                #expect(site.portraitPaths[index] == file.map { "customers/" + $0 })
                #expect(site.portraitStems[index] == (site.hasPortrait[index] ? paths.stem(ledger.customers[index].id) : nil))
                #expect(site.customerHref(index, root: "../") == file.map { "../customers/" + $0 })
            }
            #expect(site.hasPortrait.filter { $0 }.count == (selection == .all ? 60 : selection == .none ? 0 : 7))
        }
    }

    @Test func theRowGroupsListEachCustomersRowsInLedgerOrder() {
        var random = VariedLedger(seed: 13)
        let ledger = random.ledger(customers: 50, asOf: SiteFixture.asOf)
        let rows = LedgerRowGroups(ledger: ledger)
        for index in ledger.customers.indices {
            #expect(Array(rows.ordersByCustomer[index]) == ledger.orders.indices.filter { ledger.orders[$0].customer == index }.map(Int32.init))
            #expect(Array(rows.interactionsByCustomer[index])
                == ledger.interactions.indices.filter { ledger.interactions[$0].customer == index }.map(Int32.init))
        }
        for rep in ledger.reps.indices {
            #expect(Array(rows.customersByOwner[rep]) == ledger.customers.indices.filter { ledger.customers[$0].owner.repIndex == rep }.map(Int32.init))
        }
    }

    /// Without portrait pages the customers' rows are not grouped (only portraits read them),
    /// and every page is the same as with them grouped.
    @Test func aBuildWithoutPortraitsLeavesTheCustomersRowsUngrouped() throws {
        var random = VariedLedger(seed: 21)
        let ledger = random.ledger(customers: 80, asOf: SiteFixture.asOf)
        let prepared = SitePreparation(ledger: ledger, portraits: .none)
        let grouped = LedgerRowGroups(ledger: ledger)
        for index in ledger.customers.indices {
            #expect(prepared.rows.ordersByCustomer[index].isEmpty && prepared.rows.interactionsByCustomer[index].isEmpty
                && prepared.rows.opportunitiesByCustomer[index].isEmpty)
        }
        #expect(!ledger.orders.isEmpty && !ledger.interactions.isEmpty)
        for rep in ledger.reps.indices {
            #expect(Array(prepared.rows.customersByOwner[rep]) == Array(grouped.customersByOwner[rep]))
        }
        let full = prepared.replacingRows(grouped)
        let content = SiteFixture.content(portraits: .none, ledger: ledger)
        let pages = try SiteRenderer.renderAll(content, prepared: prepared)
        #expect(pages == (try SiteRenderer.renderAll(content, prepared: full)))
        #expect(pages.count > 20)
    }

    @Test(arguments: [ExplanationLocale.zhCN, .en])
    func aWhyTextIsAppendedAfterWhatTheBufferHolds(_ locale: ExplanationLocale) {
        let content = SiteFixture.content()
        let why = WhyWriter(report: content.report, locale: locale)
        for index in content.ledger.customers.indices {
            var bytes = Array("prefix|".utf8)
            why.write(customer: index, into: &bytes)
            #expect(String(decoding: bytes, as: UTF8.self) == "prefix|" + why.text(customer: index))
            #expect(why.text(customer: index).contains(locale == .zhCN ? "；" : "; "))
        }
    }
}
