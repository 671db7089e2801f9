import Testing
@testable import Charts

@Suite("Escaping")
struct EscapingTests {
    @Test("The five XML specials are escaped")
    func fiveSpecials() {
        #expect(XML.escape(#"a & b < c > d " e ' f"#) == "a &amp; b &lt; c &gt; d &quot; e &#39; f")
        #expect(XML.escape("客户 plain") == "客户 plain")
    }

    @Test("A category named <script> appears escaped in the SVG and the table")
    func scriptLabel() {
        let chart = BarChart(
            id: "x\" onload=\"alert(1)", title: "<b>T</b>", description: "d & d",
            bars: [ChartSlice(label: "<script>alert('x')</script>", value: 3)], seriesName: "\"s\"")
        let html = chart.figure(caption: "<i>", summary: "<sum>", headers: ["<h>"])
        #expect(!html.contains("<script"))
        #expect(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"))
        #expect(html.contains("&lt;b&gt;T&lt;/b&gt;"))
        #expect(!html.contains("<b>") && !html.contains("<i>") && !html.contains("<h>") && !html.contains("<sum>"))
        #expect(!html.contains("onload=\""))
        #expect(html.contains("aria-labelledby=\"x--onload--alert-1--title x--onload--alert-1--desc\""))
    }

    @Test("Chart ids keep only letters, digits, dash and underscore")
    func identifiers() {
        #expect(XML.identifier("客户 C-1/2") == "---C-1-2")
        #expect(XML.identifier("") == "chart")
    }

    @Test("A hostile formatter cannot inject markup")
    func formatterOutputIsEscaped() {
        let chart = LineChart(id: "l", title: "t", description: "d", categories: ["a", "b"],
                              series: [ChartSeries(name: "s", values: [1, 2])], format: { _ in "<x>" })
        #expect(!chart.svg.contains("<x>"))
        #expect(chart.svg.contains("&lt;x&gt;"))
    }
}
