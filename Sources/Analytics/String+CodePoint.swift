extension String {
    /// Unicode code-point order, the "alphabetical" of precise-rules.md.
    ///
    /// UTF-8 byte order equals code-point order, and unlike `<` it ignores canonical equivalence,
    /// so two implementations in any language sort ids the same way.
    package func codePointPrecedes(_ other: String) -> Bool {
        utf8.lexicographicallyPrecedes(other.utf8)
    }
}
