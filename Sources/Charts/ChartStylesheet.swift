/// The CSS that colours charts through custom properties and follows `prefers-color-scheme`.
///
/// The site inlines or links this once per page. Charts are readable without it (they carry
/// fallback colours); with it, `--c1`…`--c11` and the `--chart-*` inks can be overridden by the
/// site's theme, and the dark scheme applies automatically.
package enum ChartStylesheet {
    package static let css: String = {
        var lines: [String] = []
        lines.append(":root{" + custom(Palette.light) + "--chart-grid:#E5E7EB;--chart-axis:#9CA3AF;--chart-muted:#6B7280;--chart-text:#1F2937;--chart-inverse:#FFFFFF;--chart-bg:#FFFFFF}")
        lines.append("@media (prefers-color-scheme:dark){:root{" + custom(Palette.dark) + "--chart-grid:#2F3542;--chart-axis:#5B6472;--chart-muted:#9AA4B2;--chart-text:#E5E7EB;--chart-inverse:#0B0F17;--chart-bg:#111827}}")
        var fills: [String] = []
        for slot in 1...Palette.light.count {
            fills.append(".chart .s\(slot){fill:var(--c\(slot))}.chart .k\(slot){stroke:var(--c\(slot))}")
        }
        lines.append(fills.joined())
        lines.append(".chart .gd{stroke:var(--chart-grid)}.chart .ax{stroke:var(--chart-axis)}.chart .tk{fill:var(--chart-muted)}.chart .vl{fill:var(--chart-text)}.chart .iv{fill:var(--chart-inverse)}.chart .bgk{stroke:var(--chart-bg)}")
        lines.append("svg.chart{display:block;height:auto;overflow:visible}")
        lines.append("figure.chart-figure{margin:0}figure.chart-figure figcaption{font-size:.875rem;color:var(--chart-muted);margin:.25rem 0}")
        lines.append(".chart-data summary{cursor:pointer;font-size:.8125rem;color:var(--chart-muted)}.chart-data table{border-collapse:collapse;font-size:.8125rem;margin:.5rem 0}.chart-data th,.chart-data td{padding:.2rem .6rem;border-bottom:1px solid var(--chart-grid);text-align:left}.chart-data td.num{text-align:right;font-variant-numeric:tabular-nums}")
        lines.append("@media print{svg.chart{break-inside:avoid}}")
        return lines.joined(separator: "\n") + "\n"
    }()

    private static func custom(_ colours: [String]) -> String {
        colours.enumerated().map { "--c\($0.offset + 1):\($0.element);" }.joined()
    }
}
