import PortraitTestSupport
@testable import SiteRenderer
import Testing

/// One golden file per page type of the fixture site at T = 2026-10-31 (zh-CN, and the
/// dashboard in en). `RECORD_GOLDEN=1` re-records them and fails.
@Suite struct GoldenSiteTests {
    static let pages = [
        "index.html", "customers/index.html", "customers/C001.html", "segments/index.html", "segments/important_value.html",
        "lifecycle.html", "team/index.html", "team/S01.html", "service.html", "quality.html", "assets/search-index.js",
    ]

    @Test(arguments: pages)
    func pageMatchesItsGoldenFile(_ path: String) {
        assertGolden(PageRenderTests.zh[path] ?? "<missing>", named: "zh-CN__" + path.replacingOccurrences(of: "/", with: "__"))
    }

    @Test func englishDashboardMatchesItsGoldenFile() {
        assertGolden(PageRenderTests.en["index.html"] ?? "<missing>", named: "en__index.html")
    }
}
