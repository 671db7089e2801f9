/// One used row of the customers table (or one customer derived from the orders rows).
package struct Customer: Sendable {
    package var id: String
    package var name: String
    package var type: CustomerType?
    package var industry: String?
    package var region: String?
    package var city: String?
    package var address: String?
    package var contactName: String?
    package var phone: String?
    package var email: String?
    package var gender: Gender?
    package var birthDate: Day?
    package var source: String?
    /// The owner id as written (after trimming), kept for exports even without a reps table.
    package var ownerID: String?
    package var owner: OwnerRef
    /// The ledger's own manual grade (VIP/A/B/C), shown beside the computed one.
    package var grade: String?
    package var tags: [String]
    /// Nil when missing, bad or in the future; analytics also ignores one after T.
    package var createdAt: Day?
    package var updatedAt: Day?
    /// The updated_at cell as written, quoted by a `stale_record` finding.
    package var updatedAtCell: String?
    /// Values of columns Portrait does not know, aligned with `Ledger.customerExtraColumns`.
    package var extra: [String?]
    /// CSV line or XML record number of the row.
    package var line: Int32
    /// Index of the row's file in `Ledger.sources[.customers].files`.
    package var file: Int16 = 0

    package init(id: String, name: String, line: Int32) {
        self.id = id
        self.name = name
        self.owner = .none
        self.tags = []
        self.extra = []
        self.line = line
    }
}
