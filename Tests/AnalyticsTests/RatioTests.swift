import Analytics
import Testing

@Suite("Exact ratios")
struct RatioTests {
    @Test("round half away from zero on the exact value",
          arguments: [
              (1, 2, 0, "1"), (-1, 2, 0, "-1"), (2, 3, 4, "0.6667"), (1, 3, 4, "0.3333"),
              (1, 20_000, 4, "0.0001"), (-1, 20_000, 4, "-0.0001"), (-1, 20_001, 4, "0.0000"),
              (1, 8, 2, "0.13"), (-1, 8, 2, "-0.13"), (7, 1, 2, "7.00"), (0, 5, 4, "0.0000"),
          ])
    func rounding(numerator: Int, denominator: Int, decimals: Int, expected: String) {
        #expect(Ratio(numerator, denominator)?.formatted(decimals: decimals) == expected)
    }

    @Test("a zero denominator is undefined, a negative one moves its sign up")
    func denominators() {
        #expect(Ratio(1, 0) == nil)
        #expect(Ratio(1, -4)?.formatted(decimals: 2) == "-0.25")
    }
}
