#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension String {
    /// Unicode code-point order, the "alphabetical" of precise-rules.md.
    ///
    /// UTF-8 byte order equals code-point order, and unlike `<` it ignores canonical equivalence,
    /// so two implementations in any language sort ids the same way. Native strings compare
    /// their bytes with one `memcmp`; the grade and action-list sorts compare ids this way.
    package func codePointPrecedes(_ other: String) -> Bool {
        let fast: Bool? = utf8.withContiguousStorageIfAvailable { x in
            other.utf8.withContiguousStorageIfAvailable { y in
                let common = Swift.min(x.count, y.count)
                let order = common == 0 ? 0 : memcmp(x.baseAddress!, y.baseAddress!, common)
                return order != 0 ? order < 0 : x.count < y.count
            }
        } ?? nil
        return fast ?? utf8.lexicographicallyPrecedes(other.utf8)
    }
}
