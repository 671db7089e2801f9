import Testing
@testable import Charts

@Suite("Label width and truncation")
struct TextMetricsTests {
    @Test("Chinese characters count double width")
    func wideCharacters() {
        #expect(TextMetrics.width("客户") == 2 * TextMetrics.width("ab"))
        #expect(TextMetrics.columns(of: "，") == 2)
        #expect(TextMetrics.columns(of: "a") == 1)
    }

    @Test("A long Chinese label is cut to fit with an ellipsis")
    func longChineseLabel() {
        let label = "信息传输、软件和信息技术服务业"
        let fitted = TextMetrics.truncate(label, toWidth: 100)
        #expect(fitted.truncated)
        #expect(fitted.text.hasSuffix("…"))
        #expect(fitted.text.count < label.count)
        #expect(label.hasPrefix(String(fitted.text.dropLast())))
        #expect(TextMetrics.width(fitted.text) <= 100)
    }

    @Test("A label that fits is left alone")
    func shortLabel() {
        #expect(TextMetrics.truncate("制造业", toWidth: 100) == ("制造业", false))
    }

    @Test("A truncated label in a chart keeps its full text as a tooltip")
    func tooltipKeepsFullText() {
        let label = "信息传输、软件和信息技术服务业以及其他非常长的行业名称"
        let chart = BarChart(id: "b", title: "t", description: "d", bars: [ChartSlice(label: label, value: 1)], orientation: .horizontal)
        #expect(chart.svg.contains("…<title>\(label)</title></text>"))
    }
}
