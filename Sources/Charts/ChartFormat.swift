/// Default number formatters and the compact number writer used for SVG coordinates.
///
/// The defaults are locale-neutral (`1,234.5`, `45.2%`) so tests and previews read well; the site
/// passes its own locale-aware ``ValueFormatter`` instead.
package enum ChartFormat {
    /// Grouped with commas, at most `decimals` fraction digits, trailing zeros dropped.
    package static func number(decimals: Int = 2) -> ValueFormatter {
        { value in grouped(value, decimals: decimals) }
    }

    /// A share in 0…1 written as a percentage with one decimal: 0.4523 → `45.2%`.
    package static let percent: ValueFormatter = { value in grouped(value * 100, decimals: 1) + "%" }

    /// The default for values: `1,234.5`.
    package static let plain: ValueFormatter = number(decimals: 2)

    /// Writes `value` rounded to `decimals` places with thousands separators; non-finite → `–`.
    static func grouped(_ value: Double, decimals: Int) -> String {
        guard value.isFinite else { return "–" }
        let decimals = max(0, min(decimals, 6))
        let scale = Math.powerOfTen(decimals)
        let scaled = (abs(value) * scale).rounded()
        guard scaled < 9e15 else { return coordinate(value) }
        let units = UInt64(scaled)
        let factor = UInt64(scale)
        let whole = units / factor
        var fraction = units % factor
        var digits = String(whole)
        var grouped = ""
        while digits.count > 3 {
            grouped = "," + digits.suffix(3) + grouped
            digits.removeLast(3)
        }
        grouped = digits + grouped
        if decimals > 0 && fraction > 0 {
            var width = decimals
            while fraction % 10 == 0 { fraction /= 10; width -= 1 }
            let text = String(fraction)
            grouped += "." + String(repeating: "0", count: width - text.count) + text
        }
        return (value < 0 && units > 0 ? "-" : "") + grouped
    }

    /// A coordinate rounded to two decimals with no trailing zeros: 12.3456 → `12.35`, 4.0 → `4`.
    ///
    /// Keeps the SVG compact and byte-stable; non-finite input writes `0` so no `NaN` can escape.
    static func coordinate(_ value: Double) -> String {
        guard value.isFinite else { return "0" }
        let rounded = (value * 100).rounded() / 100
        if rounded == 0 { return "0" }
        if rounded == rounded.rounded(), abs(rounded) < 1e15 { return String(Int64(rounded)) }
        return "\(rounded)"
    }
}
