/// A customer whose ledger grade disagrees with the computed one.
package struct GradeMismatch: Hashable, Sendable {
    /// Index into `Ledger.customers`.
    package var customer: Int32
    /// The ledger's grade as written.
    package var ledgerGrade: String
    /// The computed grade; nil when M = 0 (prospect).
    package var computed: Grade?

    package init(customer: Int32, ledgerGrade: String, computed: Grade?) {
        self.customer = customer
        self.ledgerGrade = ledgerGrade
        self.computed = computed
    }
}
