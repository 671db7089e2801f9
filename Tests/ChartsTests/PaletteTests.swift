import Testing
@testable import Charts

@Suite("Palette and figure")
struct PaletteTests {
    @Test("Series colours are classes with Okabe–Ito fallbacks the stylesheet can override")
    func classesWithFallbacks() {
        let svg = ChartSamples.stackedBar.svg
        #expect(svg.contains("<g class=\"s1\" fill=\"#0072B2\">"))
        #expect(svg.contains("<g class=\"s2\" fill=\"#E69F00\">"))
        let css = ChartStylesheet.css
        #expect(css.contains("--c1:#0072B2;"))
        #expect(css.contains(".chart .s1{fill:var(--c1)}"))
        #expect(css.contains("@media (prefers-color-scheme:dark)"))
    }

    @Test("A figure holds the SVG, the caption and the closed data table, in that order")
    func figureLayout() throws {
        let html = ChartSamples.funnel.figure(caption: "生命周期 <漏斗>", summary: "查看数据", headers: ["阶段", "客户数", "环比转化", "总转化"])
        #expect(html.hasPrefix("<figure class=\"chart-figure\"><svg "))
        #expect(html.contains("</svg><figcaption>生命周期 &lt;漏斗&gt;</figcaption><details class=\"chart-data\"><summary>查看数据</summary>"))
        #expect(html.contains("<th scope=\"col\">环比转化</th>"))
        #expect(html.contains("<tr><th scope=\"row\">首次接触</th><td class=\"num\">1,630</td><td class=\"num\">67.9%</td><td class=\"num\">67.9%</td></tr>"))
        #expect(html.hasSuffix("</details></figure>"))
    }

    @Test("Missing headers fall back to series names")
    func headerFallback() {
        let table = ChartSamples.stackedBar.dataTable(summary: "Data", headers: ["Month"])
        #expect(table.contains("<th scope=\"col\">Month</th><th scope=\"col\">New</th><th scope=\"col\">Returning</th>"))
    }
}
