import Foundation
import Testing
@testable import Charts

@Suite("Legends")
struct LegendTests {
    /// The x of each legend swatch, in order.
    static func swatches(_ svg: String) -> [Double] {
        guard let start = svg.range(of: "<g class=\"legend\">"), let end = svg.range(of: "</g>", range: start.upperBound..<svg.endIndex)
        else { return [] }
        let legend = String(svg[start.upperBound..<end.lowerBound])
        let pattern = try! NSRegularExpression(pattern: #"<rect x="([0-9.]+)""#)
        return pattern.matches(in: legend, range: NSRange(legend.startIndex..., in: legend)).map {
            Double(legend[Range($0.range(at: 1), in: legend)!])!
        }
    }

    static let series = [ChartSeries(name: "Complaints", values: [1, 2, 3]), ChartSeries(name: "Service requests", values: [3, 2, 1])]

    /// A chart over the months opens at its latest months on a phone: its legend goes above them.
    @Test("a chart over time has its legend at the top right, in the same order, and nothing else moves; its figure is marked")
    func overTime() {
        let months = ["Aug", "Sep", "Oct"]
        for make in [
            { (atEnd: Bool) -> String in BarChart(id: "b", title: "t", description: "d", categories: months, series: Self.series, overTime: atEnd).svg },
            { (atEnd: Bool) -> String in BarChart(id: "b", title: "t", description: "d", categories: months, series: Self.series,
                                                  orientation: .horizontal, overTime: atEnd).svg },
            { (atEnd: Bool) -> String in LineChart(id: "l", title: "t", description: "d", categories: months, series: Self.series, overTime: atEnd).svg },
        ] {
            let start = Self.swatches(make(false)), end = Self.swatches(make(true))
            #expect(start.count == 2 && end.count == 2)
            #expect(start[0] < 120, "at the start by default: \(start)")
            let shift = end[0] - start[0]
            #expect(shift > 300, "moved right: \(start) → \(end)")
            #expect(abs((end[1] - end[0]) - (start[1] - start[0])) < 0.01, "the entries keep their spacing")
            // The last entry's text (about 7 units a character at this size) ends inside the chart.
            #expect(end[1] + 14 + Double("Service requests".count) * 6 < 640)
            // Without the legend, the two drawings are the same.
            let strip = { (svg: String) in svg.replacingOccurrences(of: #"<g class="legend">.*?</g>"#, with: "", options: .regularExpression) }
            #expect(strip(make(false)) == strip(make(true)))
        }
        let marked = BarChart(id: "b", title: "t", description: "d", categories: months, series: Self.series, overTime: true)
        #expect(marked.figure(summary: "s").hasPrefix("<figure class=\"chart-figure chart-over-time\"><svg "))
        #expect(BarChart(id: "b", title: "t", description: "d", categories: months, series: Self.series)
            .figure(summary: "s").hasPrefix("<figure class=\"chart-figure\"><svg "))
        // One series draws no legend either way.
        #expect(Self.swatches(BarChart(id: "b", title: "t", description: "d", categories: months,
                                       series: [Self.series[0]], overTime: true).svg).isEmpty)
    }
}
