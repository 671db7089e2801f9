import LedgerModel

/// Finds customers that are probably the same: a shared phone, e-mail or normalised name.
///
/// One finding per key on each row that is not the first of its group in file order, naming
/// the first row (precise-rules.md). Only used rows take part.
enum DuplicateDetector {
    /// - Complexity: O(customers), one hash table per key.
    static func detect(in ledger: inout Ledger) {
        guard !ledger.customersDerived else { return }
        let files = ledger.source(.customers).files
        var groups: [[Int32]] = []
        var groupOf: [Int32: Int] = [:]
        for key in Key.allCases {
            var first: [String: Int32] = [:]
            for index in ledger.customers.indices {
                let customer = ledger.customers[index]
                guard let value = key.value(of: customer) else { continue }
                guard let earlier = first[value] else {
                    first[value] = Int32(index)
                    continue
                }
                let original = ledger.customers[Int(earlier)]
                let file = files.isEmpty ? "" : files[Int(customer.file)]
                ledger.findings.append(Finding(
                    table: .customers, file: file, line: Int(customer.line), column: key.column,
                    value: key.cell(of: customer) ?? "", rule: .probableDuplicate,
                    message: "Same \(key.description) as customer \"\(original.id)\" on line \(original.line)."))
                if let group = groupOf[earlier] ?? groupOf[Int32(index)] {
                    if !groups[group].contains(Int32(index)) { groups[group].append(Int32(index)) }
                    if !groups[group].contains(earlier) { groups[group].append(earlier) }
                    groupOf[Int32(index)] = group
                    groupOf[earlier] = group
                } else {
                    groupOf[earlier] = groups.count
                    groupOf[Int32(index)] = groups.count
                    groups.append([earlier, Int32(index)])
                }
            }
        }
        ledger.duplicateGroups = groups.map { $0.sorted() }
    }

    private enum Key: CaseIterable {
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
