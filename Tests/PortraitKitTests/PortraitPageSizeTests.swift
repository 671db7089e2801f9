import Foundation
import PortraitKit
import PortraitTestSupport
import Testing

/// Issue 5, goal 5: portrait pages stay lean — the stylesheet and scripts are shared files in
/// `assets/`, never inlined, and no portrait reaches 30 KB, also for the busiest customers of a
/// generated ledger (their order and interaction lists are capped on the page).
@Suite("Portrait page size")
struct PortraitPageSizeTests {
    @Test("every portrait of a 2,000-customer sample is under 30 KB and links the shared assets")
    func portraitsAreLean() throws {
        let folder = TemporaryFolder("page-size")
        _ = try LedgerSampler.write(SampleOptions(customers: 2_000, seed: 11), to: folder.path + "/data")
        folder.write("all.yml", "pages:\n  portraits: all\n")
        let run = try runPortrait(["build", "--data", folder.path + "/data", "--config", folder.path + "/all.yml",
                                   "--out", folder.path + "/site"], environment: ["SOURCE_DATE_EPOCH": "1795000000"])
        #expect(run.status == 0, "\(run.stderr)")
        let customers = folder.path + "/site/customers/"
        let portraits = try FileManager.default.contentsOfDirectory(atPath: customers).filter { $0 != "index.html" && $0.hasSuffix(".html") }
        #expect(portraits.count == 2_000)
        var largest = (name: "", bytes: 0)
        for name in portraits {
            let page = try #require(FileManager.default.contents(atPath: customers + name))
            if page.count > largest.bytes { largest = (name, page.count) }
            let html = String(decoding: page, as: UTF8.self)
            #expect(html.contains("<link rel=\"stylesheet\" href=\"../assets/site.css\">"), "\(name)")
            #expect(html.contains("<script src=\"../assets/site.js\"></script>"), "\(name)")
            #expect(!html.contains("<style"), "\(name) inlines a stylesheet")
            #expect(html.components(separatedBy: "<script").count == html.components(separatedBy: "<script src=\"../assets/").count,
                    "\(name) inlines a script")
        }
        #expect(largest.bytes > 8_000, "the sample's busiest customer fills a page")
        #expect(largest.bytes < 30_000, "\(largest.name): \(largest.bytes) bytes")
    }
}
