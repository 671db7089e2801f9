import LedgerModel

/// The few customers columns the analytics reads, taken from the wide `Customer` rows (280
/// bytes each, a million of them) in one pass, beside the orders pass.
struct CustomerColumns: Sendable {
    /// Each customer's owner as a rep index, or -1 (no owner, an orphan owner): the crediting
    /// fallback.
    var ownerRep: [Int32]
    /// T − created_at; nil when created_at is missing or after T.
    var tenureDays: [Int32?]
    /// The ledger's own grade column as read (``ABCGrades/read(_:)``).
    var grades: [ABCGrades.WrittenGrade]
    /// Customer ids ascend in code-point order with the index, as in ledgers listed by id: then
    /// every tie broken by id is broken by index, and lists made in index order need no sort.
    var idsAscending: Bool

    /// - Complexity: one pass over the customers, comparing each id with the one before.
    init(ledger: Ledger, asOf: Day) {
        let count = ledger.customers.count
        let repCount = ledger.reps.count
        var ownerRep = [Int32](repeating: -1, count: count)
        var tenureDays = [Int32?](repeating: nil, count: count)
        var grades = [ABCGrades.WrittenGrade](repeating: .blank, count: count)
        var ascending = true
        ledger.customers.withUnsafeBufferPointer { customers in
            for i in customers.indices {
                if let rep = customers[i].owner.repIndex, rep < repCount { ownerRep[i] = Int32(rep) }
                if let created = customers[i].createdAt, created.raw <= asOf.raw {
                    tenureDays[i] = asOf.raw - created.raw
                }
                if let written = customers[i].grade { grades[i] = ABCGrades.read(written) }
                if ascending && i > 0 { ascending = customers[i - 1].id.codePointPrecedes(customers[i].id) }
            }
        }
        self.ownerRep = ownerRep
        self.tenureDays = tenureDays
        self.grades = grades
        idsAscending = ascending
    }
}
