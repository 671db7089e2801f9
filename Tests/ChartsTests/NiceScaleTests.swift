import Testing
@testable import Charts

@Suite("Nice scales")
struct NiceScaleTests {
    @Test("A maximum of 87 gives ticks 0, 20, 40, 60, 80, 100")
    func maxEightySeven() {
        #expect(NiceScale(min: 0, max: 87).ticks == [0, 20, 40, 60, 80, 100])
    }

    @Test("Steps are 1, 2 or 5 times a power of ten and the ends cover the data", arguments: [
        (0.0, 1.0), (0, 0.37), (0, 9), (0, 13), (0, 1_284_300), (-18_500, 42_000), (3, 7), (0.001, 0.0042), (-5, -1),
    ])
    func stepsAreNice(low: Double, high: Double) {
        let scale = NiceScale(min: low, max: high)
        var mantissa = scale.step
        while mantissa >= 10 { mantissa /= 10 }
        while mantissa < 1 { mantissa *= 10 }
        #expect([1, 2, 5].contains { abs($0 - mantissa) < 1e-9 })
        #expect(scale.lower <= Swift.min(low, 0) && scale.upper >= Swift.max(high, 0))
        #expect(scale.ticks.count >= 2 && scale.ticks.count <= 12)
    }

    @Test("Bar scales include zero; scatter scales may start above it")
    func zeroBased() {
        #expect(NiceScale(min: 40, max: 87).lower == 0)
        #expect(NiceScale(min: 40, max: 87, includeZero: false).lower == 40)
    }

    @Test("Decimal ticks print exactly, without floating-point noise")
    func decimalTicksAreClean() {
        #expect(NiceScale(min: 0, max: 0.7).ticks == [0, 0.2, 0.4, 0.6, 0.8])
        #expect(NiceScale(min: 0, max: 0.23).ticks.map { ChartFormat.coordinate($0) } == ["0", "0.05", "0.1", "0.15", "0.2", "0.25"])
    }

    @Test("Negative values get their own ticks below zero")
    func negatives() {
        #expect(NiceScale(min: -18_500, max: 42_000).ticks == [-20_000, 0, 20_000, 40_000, 60_000])
    }

    @Test("All-zero, equal and non-finite ranges still give a usable scale", arguments: [
        (0.0, 0.0), (5, 5), (Double.nan, .infinity), (-3, -3),
    ])
    func degenerateRanges(low: Double, high: Double) {
        let scale = NiceScale(min: low, max: high)
        #expect(scale.upper > scale.lower)
        #expect(scale.ticks.allSatisfy { $0.isFinite })
        #expect(scale.fraction(of: .nan) == 0)
    }

    @Test("A log scale spans whole decades")
    func logScale() {
        let scale = LogScale(min: 97.3, max: 480_000)
        #expect(scale.ticks == [10, 100, 1_000, 10_000, 100_000, 1_000_000])
        #expect(scale.fraction(of: 1_000) == 0.4)
        #expect(scale.fraction(of: 0) == 0)
    }
}
