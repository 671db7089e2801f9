import LedgerModel

/// Finds customers that are probably the same: a shared phone, e-mail or normalised name.
///
/// One finding per key on each row that is not the first of its group in file order, naming
/// the first row (precise-rules.md). Only used rows take part.
enum DuplicateDetector {
    /// A customer whose key equals that of an earlier one: both indices.
    typealias Match = (index: Int32, earlier: Int32)

    /// - Complexity: O(customers), one hash table per key.
    static func detect(in ledger: inout Ledger) {
        guard !ledger.customersDerived else { return }
        let matches = Key.allCases.map { self.matches($0, in: ledger.customers) }
        let result = resolve(matches, customers: ledger.customers, files: ledger.source(.customers).files)
        ledger.findings.append(contentsOf: result.findings)
        ledger.duplicateGroups = result.groups
    }

    /// The customers whose `key` equals an earlier customer's, in file order, each with the
    /// first customer of that key. The three keys are independent, so they run on three cores.
    static func matches(_ key: Key, in customers: [Customer]) -> [Match] {
        var first: [String: Int32] = [:]
        var found: [Match] = []
        for index in customers.indices {
            guard let value = key.value(of: customers[index]) else { continue }
            if let earlier = first[value] {
                found.append((Int32(index), earlier))
            } else {
                first[value] = Int32(index)
            }
        }
        return found
    }

    /// The findings and groups of the matches of every key (in `Key.allCases` order).
    static func resolve(_ matches: [[Match]], customers: [Customer], files: [String])
        -> (findings: [Finding], groups: [[Int32]]) {
        var findings: [Finding] = []
        var groups: [[Int32]] = []
        var groupOf: [Int32: Int] = [:]
        for (key, keyMatches) in zip(Key.allCases, matches) {
            for (index, earlier) in keyMatches {
                let customer = customers[Int(index)]
                let original = customers[Int(earlier)]
                let file = files.isEmpty ? "" : files[Int(customer.file)]
                findings.append(Finding(
                    table: .customers, file: file, line: Int(customer.line), column: key.column,
                    value: key.cell(of: customer) ?? "", rule: .probableDuplicate,
                    message: "Same \(key.description) as customer \"\(original.id)\" on line \(original.line)."))
                if let group = groupOf[earlier] ?? groupOf[index] {
                    if !groups[group].contains(index) { groups[group].append(index) }
                    if !groups[group].contains(earlier) { groups[group].append(earlier) }
                    groupOf[index] = group
                    groupOf[earlier] = group
                } else {
                    groupOf[earlier] = groups.count
                    groupOf[index] = groups.count
                    groups.append([earlier, index])
                }
            }
        }
        return (findings, groups.map { $0.sorted() })
    }

    enum Key: CaseIterable {
        case phone, email, name

        var column: String {
            switch self {
            case .phone: "phone"
            case .email: "email"
            case .name: "name"
            }
        }

        var description: String {
            switch self {
            case .phone: "phone number"
            case .email: "e-mail address"
            case .name: "name"
            }
        }

        func cell(of customer: Customer) -> String? {
            switch self {
            case .phone: customer.phone
            case .email: customer.email
            case .name: customer.name
            }
        }

        /// The key, or nil when the customer has none (invalid phone or e-mail, individual
        /// without a city). Company and individual name keys never pair.
        func value(of customer: Customer) -> String? {
            switch self {
            case .phone:
                return customer.phone.flatMap(ValueParsers.phone)
            case .email:
                guard let email = customer.email, ValueParsers.isValidEmail(email) else { return nil }
                return email.lowercased()
            case .name:
                let name = ValueParsers.normalizedName(customer.name)
                if customer.type == .individual {
                    guard let city = customer.city.map(ValueParsers.fold), !city.isEmpty else { return nil }
                    return "i\u{0}" + name + "\u{0}" + city
                }
                return "c\u{0}" + name
            }
        }
    }
}
