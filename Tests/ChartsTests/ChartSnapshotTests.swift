import Foundation
import PortraitTestSupport
import Testing
@testable import Charts

/// One tag per line, so golden files diff readably; reversible because text never holds a raw `><`.
func snapshotText(_ markup: String) -> String {
    markup.replacingOccurrences(of: "><", with: ">\n<") + "\n"
}

/// True when `text` holds `nan` or `inf` as a word, the way Swift prints non-finite doubles.
func containsNonFinite(_ text: String) -> Bool {
    text.lowercased().contains(/(^|[^a-z])(nan|inf)([^a-z]|$)/)
}

@Suite("Chart snapshots")
struct ChartSnapshotTests {
    @Test("Each sample chart renders its golden SVG and data table", arguments: ChartSamples.all.map(\.name))
    func sampleMatchesGolden(name: String) throws {
        let chart = try #require(ChartSamples.all.first { $0.name == name }?.chart)
        let html = chart.figure(caption: "Caption", summary: "Show data", headers: ["Label"])
        assertGolden(snapshotText(html), named: name + ".html")
    }

    @Test("Rendering twice gives the same bytes")
    func renderingIsDeterministic() {
        for (_, chart) in ChartSamples.all {
            #expect(chart.svg == chart.svg)
        }
    }

    @Test("No sample output contains NaN or infinity")
    func noNonFiniteNumbers() {
        for (name, chart) in ChartSamples.all {
            let html = chart.figure(summary: "data")
            #expect(!containsNonFinite(html), "\(name)")
        }
    }

    @Test("Every chart is an accessible, responsive image labelled by its own title and desc")
    func accessibilityAttributes() {
        for (name, chart) in ChartSamples.all {
            let svg = chart.svg
            #expect(svg.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 "), "\(name)")
            #expect(svg.contains(" width=\"100%\""), "\(name)")
            #expect(svg.contains(" role=\"img\""), "\(name)")
            #expect(!svg.contains("font-family"), "\(name)")
            let ids = svg.firstMatch(of: /aria-labelledby="([^ "]+) ([^"]+)"/)
            #expect(ids != nil, "\(name)")
            if let ids {
                #expect(svg.contains("<title id=\"\(ids.1)\">"), "\(name)")
                #expect(svg.contains("<desc id=\"\(ids.2)\">"), "\(name)")
            }
        }
    }
}
