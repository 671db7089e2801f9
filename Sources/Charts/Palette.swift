/// The Okabe–Ito colour-blind-safe palette (eight colours), then a light grey and two colours of
/// Paul Tol's colour-blind-safe sets, so the eleven segments of `rf10` (and the nine of `cn8`)
/// never share a colour; as CSS classes with hex fallbacks.
///
/// Every coloured element carries a class (`s1` for fills, `k1` for strokes) *and* a presentation
/// attribute with the light-scheme colour. Presentation attributes lose to any stylesheet rule, so
/// ``ChartStylesheet/css`` (via `--c1`… custom properties) can switch to a dark scheme, while a
/// chart pasted without the stylesheet still shows its colours.
package enum Palette {
    /// Light-scheme series colours; yellow comes late because it is faint on white.
    package static let light = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#8C8C8C",
                                "#C9CED6", "#882255", "#44AA99"]
    /// Dark-scheme series colours: the same hues, lifted for contrast on a dark background.
    package static let dark = ["#4EA3E0", "#F0B13A", "#2FC29A", "#E38FC0", "#86CBF2", "#F27A3A", "#F0E442", "#A8A8A8",
                               "#5C6675", "#D16BA5", "#5EC4B4"]

    /// Palette slot for the `index`-th series (0-based), cycling after the last colour.
    static func slot(_ index: Int) -> Int { ((index % light.count) + light.count) % light.count + 1 }

    /// Fill class and fallback colour for the `index`-th series, e.g. `class="s1" fill="#0072B2"`.
    static func fill(_ index: Int) -> [(String, String?)] {
        [("class", "s\(slot(index))"), ("fill", light[slot(index) - 1])]
    }

    /// Stroke class and fallback colour for the `index`-th series, e.g. `class="k1" stroke="#0072B2"`.
    static func stroke(_ index: Int) -> [(String, String?)] {
        [("class", "k\(slot(index))"), ("stroke", light[slot(index) - 1])]
    }

    /// Neutral greys for the chart furniture, each with its CSS class and light fallback.
    enum Ink {
        /// Gridlines.
        static let grid = [("class", "gd"), ("stroke", "#E5E7EB")] as [(String, String?)]
        /// The zero line and baselines.
        static let axis = [("class", "ax"), ("stroke", "#9CA3AF")] as [(String, String?)]
        /// Tick labels, legend text, axis titles.
        static let muted = [("class", "tk"), ("fill", "#6B7280")] as [(String, String?)]
        /// Value labels and category labels.
        static let text = [("class", "vl"), ("fill", "#1F2937")] as [(String, String?)]
        /// Text on a dark cell or bar.
        static let inverse = [("class", "iv"), ("fill", "#FFFFFF")] as [(String, String?)]
    }
}
