import Testing
@testable import Charts

@Suite("Number formatting")
struct ChartFormatTests {
    @Test("Coordinates keep at most two decimals and never print NaN", arguments: [
        (12.3456, "12.35"), (4.0, "4"), (-0.001, "0"), (0.1 + 0.2, "0.3"), (Double.nan, "0"), (-7.5, "-7.5"), (Double.infinity, "0"),
    ])
    func coordinates(value: Double, expected: String) {
        #expect(ChartFormat.coordinate(value) == expected)
    }

    @Test("Default value formatting groups thousands and trims zeros", arguments: [
        (1_234.5, "1,234.5"), (1_284_300, "1,284,300"), (-18_500, "-18,500"), (0.125, "0.13"), (0, "0"), (-0.001, "0"),
    ])
    func plain(value: Double, expected: String) {
        #expect(ChartFormat.plain(value) == expected)
    }

    @Test("Shares print as percentages with one decimal")
    func percent() {
        #expect(ChartFormat.percent(0.4523) == "45.2%")
        #expect(ChartFormat.percent(1) == "100%")
    }
}
