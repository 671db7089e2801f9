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
    /// Filled cells of columns Portrait does not know (`Ledger.customerExtraColumns`).
    package var extra: ExtraFields
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

    /// Every field at once: a reader setting a dozen optional fields one by one pays for
    /// destroying each `nil` it replaces, a million times over.
    package init(id: String, name: String, type: CustomerType?, industry: String?, region: String?, city: String?,
                 address: String?, contactName: String?, phone: String?, email: String?, gender: Gender?,
                 birthDate: Day?, source: String?, ownerID: String?, owner: OwnerRef, grade: String?, tags: [String],
                 createdAt: Day?, updatedAt: Day?, updatedAtCell: String?, extra: ExtraFields = [], line: Int32,
                 file: Int16) {
        self.id = id
        self.name = name
        self.type = type
        self.industry = industry
        self.region = region
        self.city = city
        self.address = address
        self.contactName = contactName
        self.phone = phone
        self.email = email
        self.gender = gender
        self.birthDate = birthDate
        self.source = source
        self.ownerID = ownerID
        self.owner = owner
        self.grade = grade
        self.tags = tags
        self.createdAt = createdAt
        self.updatedAt = updatedAt
        self.updatedAtCell = updatedAtCell
        self.extra = extra
        self.line = line
        self.file = file
    }
}
