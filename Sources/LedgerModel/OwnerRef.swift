/// Who a row is credited to: no owner given (fall back to the customer's), a rep, or an owner
/// id that no rep defines (credited to no rep, no fallback: precise-rules.md).
package enum OwnerRef: Hashable, Sendable {
    case none
    case rep(Int32)
    case orphan

    /// Applies the team-crediting fallback: the row's own owner, else the customer's.
    package func orElse(_ fallback: OwnerRef) -> OwnerRef {
        if case .none = self { return fallback }
        return self
    }

    package var repIndex: Int? {
        if case .rep(let index) = self { return Int(index) }
        return nil
    }
}
