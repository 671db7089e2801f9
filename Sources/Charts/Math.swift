#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The libm functions the charts need, reached without importing Foundation.
///
/// The C library is linked on every platform anyway, so this keeps Charts free of dependencies.
enum Math {
    /// Base-10 logarithm, for the scatter plot's log scale.
    static func log10(_ value: Double) -> Double { cLog10(value) }

    /// `10^exponent`, exact for |exponent| ≤ 22 because it multiplies or divides exact powers.
    static func powerOfTen(_ exponent: Int) -> Double {
        var result = 1.0
        for _ in 0..<min(abs(exponent), 308) { result *= 10 }
        return exponent >= 0 ? result : 1 / result
    }
}

private func cLog10(_ value: Double) -> Double { log10(value) }
