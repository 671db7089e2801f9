import LedgerModel

/// A generated customer as the rest of its rows and later duplicates need to know it.
struct SampleCustomer {
    var number: Int
    var id: [UInt8]
    var isCompany: Bool
    var name: String
    /// The normalised-name key without the city: company name minus legal suffix, or person name.
    var nameKey: String
    var province: Int
    var city: Int
    var industry: Int
    var owner: Int
    var created: Day
    var updated: Day
    /// Digits of a valid phone as cleaned (`13812345678`, `057187654321`), nil when none.
    var phoneDigits: String?
    var email: String?
    /// Size factor of the customer's orders (log-normal): the heavy tail behind ABC grades.
    var scale: Double
}
