/// Canonical column names in the order of input-format.md, for reports that list columns.
package enum LedgerColumns {
    package static let customers = [
        "customer_id", "name", "type", "industry", "region", "city", "address", "contact_name",
        "phone", "email", "gender", "birth_date", "source", "owner_id", "grade", "tags",
        "created_at", "updated_at",
    ]
}
